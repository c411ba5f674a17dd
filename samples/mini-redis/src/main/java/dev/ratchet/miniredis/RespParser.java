package dev.ratchet.miniredis;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses client requests incrementally: RESP arrays of bulk strings ({@code *2\r\n$3\r\nGET\r\n
 * $1\r\nk\r\n}) and inline commands (a plain text line, {@code PING\r\n}, as typed into telnet).
 *
 * <pre>{@code
 * RespParser parser = new RespParser(Limits.DEFAULT);
 * ByteBuffer input = ...;                  // whatever has arrived so far
 * List<byte[]> args;
 * while ((args = parser.next(input)) != null) execute(args);
 * // input.position() bytes were used; keep the rest and append what arrives next
 * }</pre>
 *
 * <h2>Incremental</h2>
 * {@link #next} consumes each element as soon as it is complete and keeps the arguments of an
 * unfinished request in the parser, so every byte is examined once however the input is split,
 * and the caller needs to buffer at most one element (a bulk string and its header) at a time.
 * The parser is pure: no I/O, no clock; one parser per connection, used by one task at a time.
 *
 * <h2>Limits</h2>
 * A bulk string may be at most {@link Limits#maxBulkLength()} bytes, an array at most {@link
 * Limits#maxArrayLength()} elements, an inline command at most {@link Limits#MAX_INLINE_LENGTH}
 * bytes; anything larger, and any framing error, is a {@link ProtocolException} with Redis's
 * wording. After one, the parser's state is undefined: close the connection.
 */
final class RespParser {
    /** A header line ({@code *<n>} or {@code $<n>}) holds a 64-bit number: anything longer is garbage. */
    private static final int MAX_HEADER_LENGTH = 32;

    private final Limits limits;
    /** Arguments of the array being parsed; null between requests. */
    private List<byte[]> args;
    /** Elements of {@link #args} still expected. */
    private int remaining;
    /** Length of the bulk string whose header was consumed and whose body is awaited; -1 if none. */
    private int bulkLength = -1;

    RespParser(Limits limits) {
        this.limits = limits;
    }

    /**
     * Parses the next complete request from {@code in}'s position, consuming what it used
     * (elements of an unfinished request are consumed too and kept here). Returns the request's
     * arguments (at least one), or {@code null} when {@code in} holds no complete request.
     */
    List<byte[]> next(ByteBuffer in) throws ProtocolException {
        while (true) {
            if (args == null) {
                if (!in.hasRemaining()) return null;
                if (in.get(in.position()) != '*') {
                    List<byte[]> inline = inline(in);
                    if (inline == null) return null;
                    if (inline.isEmpty()) continue; // an empty line: Redis ignores it
                    return inline;
                }
                long count = header(in, "mbulk", "invalid multibulk length");
                if (count == Long.MIN_VALUE) return null;
                if (count > limits.maxArrayLength()) throw new ProtocolException("invalid multibulk length");
                if (count <= 0) continue; // *0 and *-1: nothing to execute (as Redis)
                remaining = (int) count;
                args = new ArrayList<>(Math.min(remaining, 64)); // do not trust the count for memory
            }
            while (remaining > 0) {
                if (bulkLength < 0) {
                    if (!in.hasRemaining()) return null;
                    byte type = in.get(in.position());
                    if (type != '$') throw new ProtocolException("expected '$', got '" + printable(type) + "'");
                    long length = header(in, "bulk", "invalid bulk length");
                    if (length == Long.MIN_VALUE) return null;
                    if (length < 0 || length > limits.maxBulkLength()) throw new ProtocolException("invalid bulk length");
                    bulkLength = (int) length;
                }
                if (in.remaining() < bulkLength + 2L) return null;
                byte[] value = new byte[bulkLength];
                in.get(value);
                if (in.get() != '\r' || in.get() != '\n') {
                    throw new ProtocolException("expected CRLF after a bulk string of " + bulkLength + " bytes");
                }
                args.add(value);
                bulkLength = -1;
                remaining--;
            }
            List<byte[]> request = args;
            args = null;
            return request;
        }
    }

    /** Whether the parser holds part of a request (input ended mid-request if the stream ends now). */
    boolean isMidRequest() {
        return args != null;
    }

    /**
     * Reads a header line {@code <type><integer>\r\n}, consuming it; {@link Long#MIN_VALUE} (and
     * nothing consumed) if the line is not complete yet.
     */
    private static long header(ByteBuffer in, String what, String invalid) throws ProtocolException {
        int start = in.position();
        int limit = Math.min(in.limit(), start + MAX_HEADER_LENGTH);
        for (int i = start + 1; i < limit; i++) {
            if (in.get(i) != '\r') continue;
            if (i + 1 == in.limit()) return Long.MIN_VALUE; // the '\n' has not arrived
            if (in.get(i + 1) != '\n') throw new ProtocolException(invalid);
            long value = parseLong(in, start + 1, i, invalid);
            in.position(i + 2);
            return value;
        }
        if (in.limit() - start >= MAX_HEADER_LENGTH) throw new ProtocolException("too big " + what + " count string");
        return Long.MIN_VALUE;
    }

    /** Strict decimal: optional '-', at least one digit, nothing else, no overflow. */
    private static long parseLong(ByteBuffer in, int from, int to, String invalid) throws ProtocolException {
        boolean negative = from < to && in.get(from) == '-';
        int i = negative ? from + 1 : from;
        if (i == to) throw new ProtocolException(invalid);
        long value = 0;
        for (; i < to; i++) {
            int digit = in.get(i) - '0';
            if (digit < 0 || digit > 9) throw new ProtocolException(invalid);
            if (value > (Long.MAX_VALUE - digit) / 10) throw new ProtocolException(invalid);
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    /**
     * An inline command: one line split into arguments like Redis's {@code sdssplitargs} (spaces
     * separate; "double quotes" with \n \r \t \b \a \\ \" \xHH escapes; 'single quotes' with \').
     * Returns null if the line is not complete; an empty list for a blank line.
     */
    private List<byte[]> inline(ByteBuffer in) throws ProtocolException {
        int start = in.position();
        int newline = -1;
        for (int i = start; i < in.limit(); i++) {
            if (in.get(i) == '\n') {
                newline = i;
                break;
            }
        }
        if (newline < 0) {
            if (in.limit() - start > Limits.MAX_INLINE_LENGTH) throw new ProtocolException("too big inline request");
            return null;
        }
        if (newline - start > Limits.MAX_INLINE_LENGTH) throw new ProtocolException("too big inline request");
        int end = newline > start && in.get(newline - 1) == '\r' ? newline - 1 : newline;
        byte[] line = new byte[end - start];
        in.get(start, line);
        in.position(newline + 1);
        return InlineSplitter.split(line);
    }

    private static String printable(byte b) {
        return b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b & 0xff);
    }
}
