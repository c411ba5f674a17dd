package dev.ratchet.net;

import static dev.ratchet.net.TestDriver.blockOnForTest;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Future;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class BufWriterTest {
    @Test
    void writesAreBufferedUntilFlushedInOrder() {
        var sink = new ScriptedIo.Sink(Integer.MAX_VALUE, false);
        BufWriter out = new BufWriter(sink, 4);
        out.write("+OK\r\n").write(new byte[] {'$', '1'}).write(ByteBuffer.wrap("\r\nx\r\n".getBytes(UTF_8)));
        assertEquals(12, out.buffered());
        assertEquals(0, sink.writes, "nothing sent before flush");
        blockOnForTest(out.flush());
        assertEquals("+OK\r\n$1\r\nx\r\n", sink.received.toString(UTF_8));
        assertEquals(0, out.buffered());
        blockOnForTest(out.flush());
        assertEquals(1, sink.writes, "flushing an empty buffer writes nothing");
    }

    @Test
    void flushKeepsWritingUntilTheSinkTookEverything() {
        var sink = new ScriptedIo.Sink(3, true); // 3 bytes per write, each pending once
        BufWriter out = new BufWriter(sink);
        byte[] data = new byte[1000];
        new Random(1).nextBytes(data);
        out.write(data);
        blockOnForTest(out.flush());
        assertArrayEquals(data, sink.received.toByteArray());
        assertEquals(334, sink.writes);
    }

    /**
     * Writes between the polls of a pending flush, enough to grow the buffer several times, while
     * the sink holds a view of the old array: every byte arrives once, in order.
     */
    @Test
    void writesDuringAPendingFlushAreNeitherLostNorDuplicated() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            var sink = new ScriptedIo.Sink(1 + random.nextInt(50), true);
            BufWriter out = new BufWriter(sink, 1 + random.nextInt(16));
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            Context cx = Context.of(() -> {});
            Future<Void> flush = null;
            for (int step = 0; step < 100; step++) {
                byte[] piece = new byte[random.nextInt(40)];
                random.nextBytes(piece);
                out.write(piece);
                expected.write(piece, 0, piece.length);
                if (flush == null && random.nextInt(3) == 0) flush = out.flush();
                if (flush != null && flush.poll(cx).isReady()) flush = null;
            }
            if (flush != null) blockOnForTest(flush);
            blockOnForTest(out.flush());
            assertArrayEquals(expected.toByteArray(), sink.received.toByteArray(), "round " + round);
        }
    }

    @Test
    void aCancelledFlushLeavesTheUnsentBytesForTheNextOne() {
        var sink = new ScriptedIo.Sink(2, true);
        BufWriter out = new BufWriter(sink);
        out.write("abcdef");
        Future<Void> flush = out.flush();
        Context cx = Context.of(() -> {});
        assertTrue(flush.poll(cx).isPending()); // the sink's first write: pending
        assertTrue(flush.poll(cx).isPending()); // "ab" taken; the next write pending
        flush.cancel();
        assertEquals(1, sink.cancelledWrites);
        assertThrows(CancellationException.class, () -> flush.poll(cx));
        assertEquals(4, out.buffered());
        blockOnForTest(out.flush());
        assertEquals("abcdef", sink.received.toString(UTF_8));
    }

    @Test
    void aSinkFailureFailsTheFlushAndKeepsTheBytes() {
        var sink = new ScriptedIo.Sink(Integer.MAX_VALUE, false);
        BufWriter out = new BufWriter(sink);
        out.write("data");
        sink.failNext = true;
        IOException e = assertThrows(IOException.class, () -> blockOnForTest(out.flush()));
        assertEquals("sink failed", e.getMessage());
        assertEquals(4, out.buffered());
        blockOnForTest(out.flush());
        assertEquals("data", sink.received.toString(UTF_8));
    }

    @Test
    void badArgumentsAreRejected() {
        var sink = new ScriptedIo.Sink(1, false);
        assertEquals("sink", assertThrows(NullPointerException.class, () -> new BufWriter(null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BufWriter(sink, 0));
        BufWriter out = new BufWriter(sink);
        assertThrows(IndexOutOfBoundsException.class, () -> out.write(new byte[2], 1, 2));
        assertEquals("b", assertThrows(NullPointerException.class, () -> out.write((byte[]) null)).getMessage());
    }
}
