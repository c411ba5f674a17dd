package dev.ratchet.net;

import static dev.ratchet.net.TestDriver.blockOnForTest;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BufReaderTest {
    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    @Test
    void readLineHandlesBothTerminatorsAndChunkBoundaries() {
        for (boolean pendingFirst : new boolean[] {false, true}) {
            var src = new ScriptedIo.Source(pendingFirst, b("hel"), b("lo\r"), b("\nwor"), b("ld\n"), b("\n\r\nlast"));
            BufReader in = new BufReader(src);
            assertEquals("hello", blockOnForTest(in.readLine()));
            assertEquals("world", blockOnForTest(in.readLine()));
            assertEquals("", blockOnForTest(in.readLine()));
            assertEquals("", blockOnForTest(in.readLine()));
            assertEquals("last", blockOnForTest(in.readLine()), "a last line without terminator");
            assertNull(blockOnForTest(in.readLine()));
            assertNull(blockOnForTest(in.readLine()), "end of stream stays");
        }
    }

    @Test
    void readLineDecodesUtf8SplitInsideACharacter() {
        byte[] line = b("héllo wörld\n");
        var src = new ScriptedIo.Source(true, Arrays.copyOfRange(line, 0, 2), Arrays.copyOfRange(line, 2, line.length));
        assertEquals("héllo wörld", blockOnForTest(new BufReader(src).readLine()));
    }

    @Test
    void aLineOfExactlyTheMaximumIsAcceptedWithEitherTerminator() {
        var src = new ScriptedIo.Source(true, b("abcde\r\n"), b("vwxyz\n"), b("12345"));
        BufReader in = new BufReader(src, 5);
        assertEquals("abcde", blockOnForTest(in.readLine()));
        assertEquals("vwxyz", blockOnForTest(in.readLine()));
        assertEquals("12345", blockOnForTest(in.readLine()));
    }

    @Test
    void aLineOverTheMaximumFails() {
        BufReader in = new BufReader(new ScriptedIo.Source(false, b("abcdef\n")), 5);
        IOException e = assertThrows(IOException.class, () -> blockOnForTest(in.readLine()));
        assertEquals("line longer than the maximum of 5 bytes", e.getMessage());

        BufReader last = new BufReader(new ScriptedIo.Source(false, b("abcdef")), 5);
        assertThrows(IOException.class, () -> blockOnForTest(last.readLine()), "also a last line without terminator");
    }

    @Test
    void anEndlessLineFailsWithoutBufferingMoreThanTheLimit() {
        byte[] chunk = new byte[1000];
        Arrays.fill(chunk, (byte) 'x');
        byte[][] chunks = new byte[1000][];
        Arrays.fill(chunks, chunk); // a megabyte with no newline
        var src = new ScriptedIo.Source(false, chunks);
        BufReader in = new BufReader(src, 4096);
        IOException e = assertThrows(IOException.class, () -> blockOnForTest(in.readLine()));
        assertTrue(e.getMessage().contains("4096"), e.getMessage());
        assertTrue(src.bytesDelivered <= 4096 + 2, "read " + src.bytesDelivered + " bytes before failing");
    }

    @Test
    void readExactTakesBufferedBytesFirstAndFailsAtEndOfStream() {
        var src = new ScriptedIo.Source(true, b("head\nAB"), b("CDEFG"), b("HIJ"));
        BufReader in = new BufReader(src);
        assertEquals("head", blockOnForTest(in.readLine()));
        assertArrayEquals(b("ABCD"), blockOnForTest(in.readExact(4)));
        assertArrayEquals(b(""), blockOnForTest(in.readExact(0)));
        assertArrayEquals(b("EFG"), blockOnForTest(in.readExact(3)));
        EOFException e = assertThrows(EOFException.class, () -> blockOnForTest(in.readExact(5)));
        assertEquals("stream ended after 3 of 5 bytes", e.getMessage());
        assertEquals("count must not be negative, got -1",
                assertThrows(IllegalArgumentException.class, () -> in.readExact(-1)).getMessage().substring(5));
    }

    @Test
    void readExactOfAFrameLargerThanTheBufferLimitReadsStraightIntoTheResult() {
        byte[] frame = new byte[100_000];
        for (int i = 0; i < frame.length; i++) frame[i] = (byte) (i * 31);
        var src = new ScriptedIo.Source(true, Arrays.copyOfRange(frame, 0, 10), Arrays.copyOfRange(frame, 10, frame.length));
        BufReader in = new BufReader(src, 64); // limit 66 bytes: far smaller than the frame
        assertEquals(10, blockOnForTest(in.fill()));
        assertArrayEquals(frame, blockOnForTest(in.readExact(frame.length)));
        assertEquals(2, src.reads, "one fill, then one direct read of the rest");
    }

    @Test
    void cancellingAReadLineLosesNoBytes() {
        var src = new ScriptedIo.Source(false, b("par")).hold();
        BufReader in = new BufReader(src);
        Future<String> first = in.readLine();
        Context cx = Context.of(() -> {});
        assertTrue(first.poll(cx).isPending());
        assertTrue(first.poll(cx).isPending());
        first.cancel();
        assertEquals(1, src.cancelledReads, "the pending source read is cancelled");
        assertThrows(CancellationException.class, () -> first.poll(cx));

        src.add(b("tial\n"));
        src.release();
        assertEquals("partial", blockOnForTest(in.readLine()));
    }

    @Test
    void cancellingAReadExactWithinTheLimitLosesNoBytes() {
        var src = new ScriptedIo.Source(false, b("0123")).hold();
        BufReader in = new BufReader(src);
        Future<byte[]> first = in.readExact(10);
        Context cx = Context.of(() -> {});
        assertTrue(first.poll(cx).isPending());
        first.cancel();
        assertThrows(CancellationException.class, () -> first.poll(cx));
        assertEquals(4, in.buffered(), "what arrived is still buffered");
        src.add(b("456789"));
        src.release();
        assertArrayEquals(b("0123456789"), blockOnForTest(in.readExact(10)));
    }

    /** The peek/fill/consume loop a RESP parser would use: parse only once a frame is complete. */
    @Test
    void peekFillAndConsumeSupportALookAheadParser() {
        var src = new ScriptedIo.Source(true, b("$5\r"), b("\nhel"), b("lo\r\n:4"), b("2\r\n"));
        BufReader in = new BufReader(src);
        assertEquals("hello", parseBulk(in));
        ByteBuffer view = in.peek();
        assertEquals(':', view.get(0));
        assertTrue(view.isReadOnly());
        while (indexOfCrlf(in.peek()) < 0) assertTrue(blockOnForTest(in.fill()) > 0);
        assertEquals(":42\r\n", UTF_8.decode(in.peek()).toString());
        in.consume(5);
        assertEquals(0, in.buffered());
        assertEquals(-1, blockOnForTest(in.fill()));
        assertEquals(-1, blockOnForTest(in.fill()), "end of stream stays");
    }

    /** Parses a RESP bulk string "$n\r\n<n bytes>\r\n" without consuming until it is complete. */
    private static String parseBulk(BufReader in) {
        while (true) {
            ByteBuffer v = in.peek();
            int crlf = indexOfCrlf(v);
            if (crlf > 0) {
                int len = Integer.parseInt(UTF_8.decode(v.duplicate().position(1).limit(crlf)).toString());
                int frame = crlf + 2 + len + 2;
                if (v.remaining() >= frame) {
                    String s = UTF_8.decode(v.duplicate().position(crlf + 2).limit(crlf + 2 + len)).toString();
                    in.consume(frame);
                    return s;
                }
            }
            assertTrue(blockOnForTest(in.fill()) > 0, "stream ended inside a frame");
        }
    }

    private static int indexOfCrlf(ByteBuffer v) {
        for (int i = 0; i + 1 < v.remaining(); i++) {
            if (v.get(i) == '\r' && v.get(i + 1) == '\n') return i;
        }
        return -1;
    }

    @Test
    void fillFailsWhenTheBufferHoldsItsLimit() {
        var src = new ScriptedIo.Source(false, b("0123456789"));
        BufReader in = new BufReader(src, 3); // limit 5
        assertEquals(5, blockOnForTest(in.fill()));
        IOException e = assertThrows(IOException.class, () -> blockOnForTest(in.fill()));
        assertTrue(e.getMessage().contains("consume"), e.getMessage());
        in.consume(2);
        assertEquals(2, blockOnForTest(in.fill()), "room again after consuming");
    }

    @Test
    void consumeRejectsMoreThanBuffered() {
        BufReader in = new BufReader(new ScriptedIo.Source(false, b("ab")));
        blockOnForTest(in.fill());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> in.consume(3));
        assertEquals("can consume 0..2 buffered bytes, not 3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> in.consume(-1));
    }

    @Test
    void readServesBufferedBytesFirstThenReadsLargeBuffersDirectly() {
        var src = new ScriptedIo.Source(false, b("line\nrest"), new byte[20_000]);
        BufReader in = new BufReader(src);
        assertEquals("line", blockOnForTest(in.readLine()));
        ByteBuffer small = ByteBuffer.allocate(2);
        assertEquals(2, blockOnForTest(in.read(small)));
        assertEquals("re", new String(small.array(), UTF_8));
        assertEquals(2, blockOnForTest(in.read(ByteBuffer.allocate(100))), "only what is buffered, no wait");
        int readsBefore = src.reads;
        ByteBuffer big = ByteBuffer.allocate(16 * 1024);
        assertEquals(16 * 1024, blockOnForTest(in.read(big)));
        assertEquals(readsBefore + 1, src.reads);
        assertEquals(0, in.buffered(), "went straight into the caller's buffer");
        assertEquals(0, blockOnForTest(in.read(ByteBuffer.allocate(0))));
    }

    @Test
    void operationsSpendBudgetAndYieldWhenItIsSpent() {
        BufReader in = new BufReader(new ScriptedIo.Source(false, b("a\nb\n")));
        AtomicInteger wakes = new AtomicInteger();
        Context cx = Context.withBudget(wakes::incrementAndGet, 1);
        assertEquals(Poll.ready("a"), in.readLine().poll(cx), "spends the one unit (the scripted source spends none)");
        Future<String> second = in.readLine();
        assertTrue(second.poll(cx).isPending());
        assertEquals(1, wakes.get());
        cx.refillBudget(1);
        assertEquals(Poll.ready("b"), second.poll(cx), "b was buffered: no source read needed");
    }

    @Test
    void badConstructorArgumentsAreRejected() {
        assertEquals("source", assertThrows(NullPointerException.class, () -> new BufReader(null)).getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BufReader(new ScriptedIo.Source(false), 0));
        assertTrue(e.getMessage().startsWith("maxLineLength must be positive"), e.getMessage());
    }
}
