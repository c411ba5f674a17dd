package dev.ratchet.miniredis;

import dev.ratchet.net.BufWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes RESP2 replies into a connection's {@link BufWriter}: nothing is sent until the
 * connection flushes, once per batch of pipelined commands.
 *
 * <pre>{@code
 * RespWriter out = new RespWriter(bufWriter);
 * out.ok();                          // +OK\r\n
 * out.bulk("v".getBytes());          // $1\r\nv\r\n
 * out.integer(3);                    // :3\r\n
 * await(bufWriter.flush());
 * }</pre>
 */
final class RespWriter {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] OK = ascii("+OK\r\n");
    private static final byte[] NIL = ascii("$-1\r\n");
    private static final byte[] ZERO = ascii(":0\r\n");
    private static final byte[] ONE = ascii(":1\r\n");

    private final BufWriter out;

    RespWriter(BufWriter out) {
        this.out = out;
    }

    /** {@code +OK}. */
    void ok() {
        out.write(OK);
    }

    /** A simple string, {@code +text}; {@code text} must not contain CR or LF. */
    void simple(String text) {
        out.write(ascii("+" + text + "\r\n"));
    }

    /** An error, {@code -message}; CR and LF in the message become spaces (they would end it). */
    void error(String message) {
        out.write(("-" + message.replace('\r', ' ').replace('\n', ' ') + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** An integer, {@code :n}. */
    void integer(long n) {
        out.write(n == 0 ? ZERO : n == 1 ? ONE : ascii(":" + n + "\r\n"));
    }

    /** A bulk string, or the null bulk string for {@code null}. */
    void bulk(byte[] value) {
        if (value == null) {
            out.write(NIL);
            return;
        }
        out.write(ascii("$" + value.length + "\r\n")).write(value).write(CRLF);
    }

    /** The header of an array of {@code n} elements, which the caller writes next. */
    void arrayHeader(int n) {
        out.write(ascii("*" + n + "\r\n"));
    }

    /** Bytes already encoded as RESP (a pub/sub message frame). */
    void raw(byte[] frame) {
        out.write(frame);
    }

    /** The push a subscriber receives for a PUBLISH: {@code *3 $7 message $<channel> $<payload>}. */
    static byte[] encodeMessage(String channel, byte[] payload) {
        byte[] name = channel.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream b = new ByteArrayOutputStream(32 + name.length + payload.length);
        b.writeBytes(ascii("*3\r\n$7\r\nmessage\r\n$" + name.length + "\r\n"));
        b.writeBytes(name);
        b.writeBytes(ascii("\r\n$" + payload.length + "\r\n"));
        b.writeBytes(payload);
        b.writeBytes(CRLF);
        return b.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
