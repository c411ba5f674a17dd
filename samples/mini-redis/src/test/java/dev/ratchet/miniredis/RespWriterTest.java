package dev.ratchet.miniredis;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Futures;
import dev.ratchet.Waker;
import dev.ratchet.net.AsyncWrite;
import dev.ratchet.net.BufWriter;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class RespWriterTest {
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    /** A sink that accepts everything at once. */
    private final AsyncWrite sink = src -> {
        int n = src.remaining();
        byte[] b = new byte[n];
        src.get(b);
        sent.writeBytes(b);
        return Futures.ready(n);
    };
    private final BufWriter out = new BufWriter(sink);
    private final RespWriter reply = new RespWriter(out);

    private String flushed() {
        assertTrue(out.flush().poll(Context.of(Waker.noop())).isReady());
        return sent.toString(ISO_8859_1);
    }

    @Test
    void everyReplyKind() {
        reply.ok();
        reply.simple("PONG");
        reply.error("ERR bad");
        reply.integer(0);
        reply.integer(1);
        reply.integer(-42);
        reply.bulk("hé".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        reply.bulk(new byte[0]);
        reply.bulk(null);
        reply.arrayHeader(2);
        assertEquals("+OK\r\n+PONG\r\n-ERR bad\r\n:0\r\n:1\r\n:-42\r\n$3\r\nh\u00c3\u00a9\r\n$0\r\n\r\n$-1\r\n*2\r\n", flushed());
    }

    @Test
    void integersAndLengthsOfEveryMagnitude() {
        reply.integer(Long.MIN_VALUE);
        reply.integer(Long.MAX_VALUE);
        reply.integer(-1);
        reply.integer(10);
        reply.arrayHeader(1234567);
        reply.bulk(new byte[12]);
        assertEquals(":-9223372036854775808\r\n:9223372036854775807\r\n:-1\r\n:10\r\n*1234567\r\n$12\r\n"
                + "\0".repeat(12) + "\r\n", flushed());
    }

    @Test
    void anErrorCannotEndItsLineEarly() {
        reply.error("ERR line\r\nbreak");
        assertEquals("-ERR line  break\r\n", flushed());
    }

    @Test
    void messageFrame() {
        byte[] frame = RespWriter.encodeMessage("ch", "x\r\ny".getBytes(ISO_8859_1));
        assertEquals("*3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$4\r\nx\r\ny\r\n", new String(frame, ISO_8859_1));
        reply.raw(frame);
        assertEquals(new String(frame, ISO_8859_1), flushed());
    }
}
