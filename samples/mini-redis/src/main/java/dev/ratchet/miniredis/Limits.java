package dev.ratchet.miniredis;

/**
 * Bounds that protect the server from abusive or broken clients, and sizes of per-connection
 * resources.
 *
 * <pre>{@code
 * Limits small = new Limits(1024 * 1024, 1024, 256);
 * }</pre>
 *
 * @param maxBulkLength largest bulk string accepted in a request, in bytes (Redis: {@code
 *     proto-max-bulk-len}, 512 MB there; smaller here, since a connection buffers a whole bulk)
 * @param maxArrayLength most arguments in one request (Redis: 1024 * 1024)
 * @param pubSubCapacity messages kept per channel for a slow subscriber before it is dropped
 *     (the role of Redis's {@code client-output-buffer-limit pubsub}, counted in messages: a
 *     stalled subscriber pins at most this many messages of each of its channels)
 */
record Limits(int maxBulkLength, int maxArrayLength, int pubSubCapacity) {
    /** Longest inline command line (Redis's {@code PROTO_INLINE_MAX_SIZE}). */
    static final int MAX_INLINE_LENGTH = 64 * 1024;

    /** 16 MiB bulk strings (a connection buffers a whole one), Redis's array limit, 1024 messages. */
    static final Limits DEFAULT = new Limits(16 * 1024 * 1024, 1024 * 1024, 1024);

    Limits {
        if (maxBulkLength <= 0 || maxBulkLength > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("maxBulkLength must be in 1..2^31-65, got " + maxBulkLength);
        }
        if (maxArrayLength <= 0) throw new IllegalArgumentException("maxArrayLength must be positive, got " + maxArrayLength);
        if (pubSubCapacity <= 0) throw new IllegalArgumentException("pubSubCapacity must be positive, got " + pubSubCapacity);
    }

    /**
     * The most a connection's read buffer must hold: one maximal bulk string with its header and
     * CRLF, or one maximal inline line (the parser consumes every element as it completes).
     */
    int readBufferLimit() {
        return Math.max(maxBulkLength + 40, MAX_INLINE_LENGTH + 2);
    }
}
