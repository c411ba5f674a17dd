package dev.ratchet.miniredis;

import dev.ratchet.net.BufWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes RESP2 replies into a {@link ByteSink} (a connection's {@link BufWriter}): nothing is
 * sent until the connection flushes, once per batch of pipelined commands.
 *
 * <pre>{@code
 * RespWriter out = new RespWriter(bufWriter);
 * out.ok();                          // +OK\r\n
 * out.bulk("v".getBytes());          // $1\r\nv\r\n
 * out.integer(3);                    // :3\r\n
 * await(bufWriter.flush());
 * }</pre>
 *
 * <p>Allocation: replies to GET/SET/INCR allocate nothing here; headers and integers are encoded
 * into a scratch array (this writer is confined to one connection, so it needs no locking).
 */
final class RespWriter {
    private static final byte[] OK = ascii("+OK\r\n");
    private static final byte[] NIL = ascii("$-1\r\n");
    private static final byte[] ZERO = ascii(":0\r\n");
    private static final byte[] ONE = ascii(":1\r\n");
    /** Room for a type byte, a 20-character long and CRLF. */
    private static final int SCRATCH = 24;

    private final ByteSink out;
    /** Headers are encoded here, then copied to the sink: one sink call per header. */
    private final byte[] scratch = new byte[SCRATCH];

    RespWriter(ByteSink out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    RespWriter(BufWriter out) {
        this((ByteSink) Objects.requireNonNull(out, "out")::write);
    }

    /** {@code +OK}. */
    void ok() {
        write(OK);
    }

    /** A simple string, {@code +text}; {@code text} must not contain CR or LF. */
    void simple(String text) {
        write(ascii("+" + text + "\r\n"));
    }

    /** An error, {@code -message}; CR and LF in the message become spaces (they would end it). */
    void error(String message) {
        write(("-" + message.replace('\r', ' ').replace('\n', ' ') + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** An integer, {@code :n}. */
    void integer(long n) {
        if (n == 0) write(ZERO);
        else if (n == 1) write(ONE);
        else header((byte) ':', n);
    }

    /** A bulk string, or the null bulk string for {@code null}. */
    void bulk(byte[] value) {
        if (value == null) {
            write(NIL);
            return;
        }
        header((byte) '$', value.length);
        out.write(value, 0, value.length);
        out.write(OK, 3, 2); // CRLF
    }

    /** The header of an array of {@code n} elements, which the caller writes next. */
    void arrayHeader(int n) {
        header((byte) '*', n);
    }

    /** Bytes already encoded as RESP (a pub/sub message frame). */
    void raw(byte[] frame) {
        write(frame);
    }

    /** {@code <type><n>\r\n}, digits written right to left into the scratch array. */
    private void header(byte type, long n) {
        byte[] s = scratch;
        int i = SCRATCH;
        s[--i] = '\n';
        s[--i] = '\r';
        boolean negative = n < 0;
        long v = negative ? n : -n; // accumulate negatively: -Long.MIN_VALUE does not fit
        do {
            s[--i] = (byte) ('0' - (v % 10));
            v /= 10;
        } while (v != 0);
        if (negative) s[--i] = '-';
        s[--i] = type;
        out.write(s, i, SCRATCH - i);
    }

    private void write(byte[] b) {
        out.write(b, 0, b.length);
    }

    /** The push a subscriber receives for a PUBLISH: {@code *3 $7 message $<channel> $<payload>}. */
    static byte[] encodeMessage(String channel, byte[] payload) {
        byte[] name = channel.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream b = new ByteArrayOutputStream(32 + name.length + payload.length);
        b.writeBytes(ascii("*3\r\n$7\r\nmessage\r\n$" + name.length + "\r\n"));
        b.writeBytes(name);
        b.writeBytes(ascii("\r\n$" + payload.length + "\r\n"));
        b.writeBytes(payload);
        b.writeBytes(ascii("\r\n"));
        return b.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
