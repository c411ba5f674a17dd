package dev.ratchet.net;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Waker;
import dev.ratchet.debug.TaskDump;
import dev.ratchet.debug.Traceable;
import dev.ratchet.internal.io.Reactor;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a task dump prints for socket futures and the buffered reader's and writer's operations. */
class NetDescriptionsTest {
    private final Context cx = Context.of(Waker.noop());

    @Test
    void socketFuturesNameTheOperationAndTheAddress() throws Exception {
        try (TcpListener listener = TcpListener.bind(Loopback.ANY_PORT);
                Loopback.Pair pair = Loopback.connect(listener)) {
            InetSocketAddress serverAddress = listener.localAddress();
            assertEquals("TcpListener.accept() on " + serverAddress, listener.accept().toString());
            assertEquals("TcpStream.read() on " + serverAddress, pair.client().read(ByteBuffer.allocate(8)).toString());
            assertEquals("TcpStream.readExact() on " + serverAddress, pair.client().readExact(new byte[8]).toString());
            assertEquals("TcpStream.write() on " + serverAddress, pair.client().write(ByteBuffer.allocate(8)).toString());
            assertEquals("TcpStream.writeAll() on " + serverAddress, pair.client().writeAll(new byte[8]).toString());
            assertEquals("TcpStream.read() on " + pair.client().localAddress(), pair.server().read(ByteBuffer.allocate(8)).toString(),
                    "a stream's operations are on its peer");

            Future<Integer> read = pair.client().read(ByteBuffer.allocate(8));
            pair.client().close();
            assertEquals("TcpStream.read() on " + serverAddress + " (closed)", read.toString());
        }
    }

    @Test
    void aPendingReadIsDescribedTheSameWhileItWaits() throws Exception {
        try (Reactor reactor = new Reactor("net-describe");
                ReactorScope scope = new ReactorScope(reactor);
                TcpListener listener = TcpListener.bind(Loopback.ANY_PORT);
                Loopback.Pair pair = Loopback.connect(listener)) {
            Future<Integer> read = pair.client().read(ByteBuffer.allocate(8));
            assertTrue(read.poll(cx).isPending(), "nothing sent yet");
            assertEquals("TcpStream.read() on " + listener.localAddress(), read.toString());
            read.cancel();
        }
    }

    @Test
    void connectNamesTheTargetAndItsTimeout() {
        InetSocketAddress target = new InetSocketAddress("127.0.0.1", 5000);
        assertEquals("TcpStream.connect() to " + target, TcpStream.connect(target).toString());
        assertEquals("TcpStream.connect() to " + target + " (timeout 2.000 s)",
                TcpStream.connect(target, Duration.ofSeconds(2)).toString());
    }

    @Test
    void aBufReaderOperationAwaitsItsSourceReadAndSaysWhatIsBuffered() {
        ScriptedIo.Source source = new ScriptedIo.Source(false, "partial".getBytes(UTF_8)).hold();
        BufReader in = new BufReader(source);
        Future<String> line = in.readLine();
        Traceable traceable = (Traceable) line;
        assertNull(traceable.suspendedAt());
        assertTrue(traceable.awaiting().isEmpty(), "no source read before the first poll");
        assertEquals("BufReader.readLine() (0 bytes buffered)", line.toString());

        assertTrue(line.poll(cx).isPending(), "7 bytes and no newline, then the source holds");

        assertEquals("BufReader.readLine() (7 bytes buffered)", line.toString());
        assertEquals(1, traceable.awaiting().size(), "the source read it waits for");
        TaskDump.Frame frame = TaskDump.trace(line);
        assertEquals("BufReader.readLine() (7 bytes buffered)", frame.description());
        assertEquals(1, frame.awaiting().size());

        source.release(); // end of stream: the last line without terminator
        assertEquals("partial", line.poll(cx).value());
        assertEquals("BufReader.readLine() (0 bytes buffered, end of stream)", line.toString());
        assertTrue(traceable.awaiting().isEmpty());
    }

    @Test
    void everyBufReaderOperationNamesItself() {
        BufReader in = new BufReader(new ScriptedIo.Source(false));
        assertEquals("BufReader.fill() (0 bytes buffered)", in.fill().toString());
        assertEquals("BufReader.read() (0 bytes buffered)", in.read(ByteBuffer.allocate(4)).toString());
        assertEquals("BufReader.readExact() (0 bytes buffered)", in.readExact(4).toString());
        assertEquals("BufReader.readExact() (0 bytes buffered)", in.readExact(1 << 20).toString(), "a large frame too");
    }

    @Test
    void aFlushAwaitsItsSinkWriteAndSaysWhatIsLeft() {
        ScriptedIo.Sink sink = new ScriptedIo.Sink(4, true);
        BufWriter out = new BufWriter(sink);
        out.write("0123456789");
        Future<Void> flush = out.flush();
        assertEquals("BufWriter.flush() (10 bytes left)", flush.toString());
        assertTrue(((Traceable) flush).awaiting().isEmpty());

        assertTrue(flush.poll(cx).isPending(), "the sink's first write is pending");

        List<? extends Future<?>> awaiting = ((Traceable) flush).awaiting();
        assertEquals(1, awaiting.size(), "the sink write it waits for");
        assertEquals("BufWriter.flush() (10 bytes left)", flush.toString());
        assertTrue(flush.poll(cx).isPending(), "4 bytes written, the next write is pending");
        assertEquals("BufWriter.flush() (6 bytes left)", flush.toString());
    }
}
