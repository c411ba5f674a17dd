package dev.ratchet.miniredis;

/**
 * Where {@link RespWriter} puts encoded replies: a buffer that only copies (never blocks, never
 * fails), flushed by the connection once per batch of pipelined requests.
 *
 * <pre>{@code
 * ByteArrayOutputStream replies = new ByteArrayOutputStream();
 * RequestHandler handler = new RequestHandler(shared, replies::write);
 * }</pre>
 */
@FunctionalInterface
public interface ByteSink {
    /** Appends {@code b[off, off+len)}. */
    void write(byte[] b, int off, int len);
}
