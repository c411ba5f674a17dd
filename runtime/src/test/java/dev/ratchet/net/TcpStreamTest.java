package dev.ratchet.net;

import static dev.ratchet.net.TestDriver.blockOnForTest;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.internal.io.Interest;
import dev.ratchet.internal.io.Reactor;
import dev.ratchet.internal.io.ReactorHandle;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpStreamTest {
    private TcpListener listener;

    @BeforeEach
    void bind() throws IOException {
        listener = TcpListener.bind(Loopback.ANY_PORT);
    }

    @AfterEach
    void unbind() throws IOException {
        listener.close();
    }

    @Test
    void echoBetweenAServerThreadAndAClientThread() throws Exception {
        ExecutorService server = Executors.newSingleThreadExecutor();
        try {
            var echoed = server.submit(() -> blockOnForTest(new Tasks.Echo(blockOnForTest(listener.accept()))));
            byte[] sent = "hello, reactor\n".getBytes(UTF_8);
            byte[] back = blockOnForTest(new Tasks.EchoClient(listener.localAddress(), sent));
            assertArrayEquals(sent, back);
            assertEquals(sent.length, echoed.get());
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void addressesOfTheTwoEndsMatch() throws IOException {
        try (Loopback.Pair p = Loopback.connect(listener)) {
            assertEquals(listener.localAddress(), p.client().peerAddress());
            assertEquals(p.client().localAddress(), p.server().peerAddress());
            assertEquals(p.server().localAddress(), p.client().peerAddress());
        }
    }

    @Test
    void readCompletesWithMinusOneAtEndOfStreamAndKeepsDoingSo() throws IOException {
        try (Loopback.Pair p = Loopback.connect(listener)) {
            p.client().close();
            ByteBuffer buf = ByteBuffer.allocate(16);
            assertEquals(-1, blockOnForTest(p.server().read(buf)));
            assertEquals(-1, blockOnForTest(p.server().read(buf)));
            assertEquals(0, buf.position());
        }
    }

    @Test
    void readIntoAFullBufferCompletesWithZeroWithoutWaiting() throws IOException {
        try (Loopback.Pair p = Loopback.connect(listener)) {
            Poll<Integer> r = p.server().read(ByteBuffer.allocate(0)).poll(Context.of(() -> {}));
            assertEquals(Poll.ready(0), r);
        }
    }

    @Test
    void halfCloseLetsThePeerReadEndOfStreamAndStillReply() throws IOException {
        try (Loopback.Pair p = Loopback.connect(listener)) {
            blockOnForTest(p.client().writeAll("question".getBytes(UTF_8)));
            p.client().shutdownOutput();

            ByteBuffer q = ByteBuffer.allocate(8);
            blockOnForTest(p.server().readExact(q));
            assertEquals("question", new String(q.array(), UTF_8));
            assertEquals(-1, blockOnForTest(p.server().read(ByteBuffer.allocate(8))), "half-close reads as end of stream");

            blockOnForTest(p.server().writeAll("answer".getBytes(UTF_8)));
            p.server().close();
            ByteBuffer a = ByteBuffer.allocate(6);
            blockOnForTest(p.client().readExact(a));
            assertEquals("answer", new String(a.array(), UTF_8));
            assertEquals(-1, blockOnForTest(p.client().read(ByteBuffer.allocate(1))));
        }
    }

    @Test
    void readExactFailsWithEofExceptionWhenTheStreamEndsFirst() throws IOException {
        try (Loopback.Pair p = Loopback.connect(listener)) {
            blockOnForTest(p.client().writeAll(new byte[] {1, 2, 3}));
            p.client().close();
            ByteBuffer buf = ByteBuffer.allocate(10);
            EOFException e = assertThrows(EOFException.class, () -> blockOnForTest(p.server().readExact(buf)));
            assertEquals(3, buf.position(), "what was read stays in the buffer");
            assertTrue(e.getMessage().contains("7"), e.getMessage());
        }
    }

    @Test
    void resetByPeerFailsAPendingRead() throws Exception {
        try (Loopback.Pair p = Loopback.connect(listener)) {
            Future<Integer> read = p.server().read(ByteBuffer.allocate(16));
            CountDownLatch woken = new CountDownLatch(1);
            Context cx = Context.of(woken::countDown);
            assertTrue(read.poll(cx).isPending());

            p.client().setOption(StandardSocketOptions.SO_LINGER, 0);
            p.client().close(); // SO_LINGER 0: sends RST instead of FIN

            assertTrue(woken.await(10, TimeUnit.SECONDS), "the reset wakes the pending read");
            IOException e = assertThrows(IOException.class, () -> read.poll(cx));
            assertTrue(e.getMessage().toLowerCase().contains("reset"), e.getMessage());
        }
    }

    @Test
    void resetByPeerFailsWrites() throws IOException {
        try (Loopback.Pair p = Loopback.connect(listener)) {
            p.client().setOption(StandardSocketOptions.SO_LINGER, 0);
            p.client().close();
            // More than the socket buffers hold: if the first syscalls beat the RST, the write
            // waits for room, and the RST then wakes it with the error.
            ByteBuffer big = ByteBuffer.allocate(32 * 1024 * 1024);
            IOException e = assertThrows(IOException.class, () -> blockOnForTest(p.server().writeAll(big)));
            assertFalse(e.getMessage().contains("closed"), "a reset, not our own close: " + e.getMessage());
        }
    }

    @Test
    void connectionRefusedNamesTheAddress() throws IOException {
        InetSocketAddress dead;
        try (TcpListener l = TcpListener.bind(Loopback.ANY_PORT)) {
            dead = l.localAddress(); // a port that was just free and is now closed
        }
        InetSocketAddress target = dead;
        ConnectException e = assertThrows(ConnectException.class, () -> blockOnForTest(TcpStream.connect(target)));
        assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("refused"), e.getMessage());
    }

    @Test
    void readWriteAndShutdownAfterCloseFailWithStreamIsClosed() throws IOException {
        try (Loopback.Pair p = Loopback.connect(listener)) {
            TcpStream s = p.server();
            s.close();
            s.close(); // idempotent
            assertTrue(s.isClosed());
            assertClosed(() -> blockOnForTest(s.read(ByteBuffer.allocate(4))));
            assertClosed(() -> blockOnForTest(s.write(ByteBuffer.allocate(4))));
            assertClosed(() -> blockOnForTest(s.writeAll(new byte[4])));
            assertClosed(() -> blockOnForTest(s.readExact(new byte[4])));
            assertClosed(s::shutdownOutput);
            assertEquals(p.client().localAddress(), s.peerAddress(), "addresses still known after close");
        }
    }

    @Test
    void closeWakesAPendingReadWhichFailsWithStreamIsClosed() throws IOException {
        try (Loopback.Pair p = Loopback.connect(listener)) {
            Future<Integer> read = p.server().read(ByteBuffer.allocate(4));
            AtomicInteger wakes = new AtomicInteger();
            Context cx = Context.of(wakes::incrementAndGet);
            assertTrue(read.poll(cx).isPending());
            p.server().close();
            // Exactly one wake: from the closing thread, or from the reactor thread when the closed
            // channel's key fired first (both take the same waker, so never two).
            assertEquals(1, Loopback.awaitCount(wakes, 1), "close wakes the pending read");
            assertClosed(() -> read.poll(cx));
            // The peer sees the close (the reactor completed the deferred close of the registered socket).
            assertEquals(-1, blockOnForTest(p.client().read(ByteBuffer.allocate(4))));
        }
    }

    @Test
    void cancellingAPendingReadDeregistersItAndANewReadGetsTheData() throws IOException {
        try (Loopback.Pair p = Loopback.connect(listener)) {
            ByteBuffer first = ByteBuffer.allocate(16);
            Future<Integer> read = p.server().read(first);
            AtomicInteger wakes = new AtomicInteger();
            Context cx = Context.of(wakes::incrementAndGet);
            assertTrue(read.poll(cx).isPending());
            ReactorHandle handle = p.server().io().handleIfRegistered();
            assertEquals(SelectionKey.OP_READ, handle.armedOps());
            assertTrue(handle.hasWaker(Interest.READ));

            read.cancel();
            assertEquals(0, handle.armedOps(), "cancel withdraws the interest at once");
            assertFalse(handle.hasWaker(Interest.READ), "and the waker");
            assertThrows(CancellationException.class, () -> read.poll(cx));

            blockOnForTest(p.client().writeAll("data".getBytes(UTF_8)));
            ByteBuffer second = ByteBuffer.allocate(16);
            assertEquals(4, blockOnForTest(p.server().read(second)));
            assertEquals("data", new String(second.array(), 0, 4, UTF_8));
            assertEquals(0, first.position(), "the cancelled read consumed nothing");
            assertEquals(0, wakes.get(), "the cancelled read's task was never woken");
        }
    }

    /**
     * A read that completes on a poll the reactor did not cause (its thread is held busy here)
     * withdraws its interest, so the reactor will not wake the task for it later.
     */
    @Test
    void aReadCompletingWithoutTheReactorWithdrawsItsInterest() throws Exception {
        try (Reactor reactor = new Reactor("held-reactor"); Loopback.Pair p = Loopback.connect(listener)) {
            CountDownLatch reactorHeld = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Pipe pipe = Pipe.open();
            ReactorScope scope = new ReactorScope(reactor); // the reactor is current on this thread
            try {
                // Hold the reactor thread inside a waker, so it applies and fires nothing meanwhile.
                pipe.source().configureBlocking(false);
                reactor.register(pipe.source()).arm(Interest.READ, () -> {
                    reactorHeld.countDown();
                    awaitUninterruptibly(release);
                });
                pipe.sink().write(ByteBuffer.allocate(1));
                assertTrue(reactorHeld.await(10, TimeUnit.SECONDS));

                ByteBuffer buf = ByteBuffer.allocate(4);
                Future<Integer> read = p.server().read(buf);
                Context cx = Context.of(() -> {});
                assertTrue(read.poll(cx).isPending());
                ReactorHandle h = p.server().io().handleIfRegistered();
                assertSame(reactor, h.reactor(), "registered with the current executor's reactor");
                assertEquals(SelectionKey.OP_READ, h.armedOps());

                blockOnForTest(p.client().writeAll(new byte[] {5}));
                Poll<Integer> r;
                do {
                    r = read.poll(cx); // the data may take a moment to cross loopback
                } while (r.isPending());
                assertEquals(1, r.value());
                assertEquals(0, h.armedOps(), "interest withdrawn");
                assertFalse(h.hasWaker(Interest.READ), "waker withdrawn");
            } finally {
                scope.close();
                release.countDown();
                pipe.source().close();
                pipe.sink().close();
            }
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                // keep holding until released
            }
        }
    }

    @Test
    void aFutureCancelledBeforeItsFirstPollDoesNothing() throws IOException {
        try (Loopback.Pair p = Loopback.connect(listener)) {
            blockOnForTest(p.client().writeAll(new byte[] {42}));
            ByteBuffer buf = ByteBuffer.allocate(1);
            Future<Integer> read = p.server().read(buf);
            read.cancel();
            assertThrows(CancellationException.class, () -> read.poll(Context.of(() -> {})));
            assertEquals(0, buf.position());
            assertNull(p.server().io().handleIfRegistered(), "nothing was registered");
            assertEquals(1, blockOnForTest(p.server().read(buf)));
            assertEquals(42, buf.get(0));
        }
    }

    @Test
    void futuresAreLazy() throws IOException {
        try (Loopback.Pair p = Loopback.connect(listener)) {
            p.client().write(ByteBuffer.wrap(new byte[] {1, 2, 3})); // never polled: sends nothing
            p.client().writeAll(new byte[] {4, 5});
            blockOnForTest(p.client().writeAll(new byte[] {6}));
            p.client().shutdownOutput();
            Tasks.Digest d = blockOnForTest(new Tasks.Drain(p.server()));
            assertEquals(1, d.bytes(), "only the polled write sent anything");
        }
    }

    @Test
    void aReadySocketStillSpendsBudgetAndYieldsWhenItIsSpent() throws IOException {
        try (Loopback.Pair p = Loopback.connect(listener)) {
            blockOnForTest(p.client().writeAll(new byte[] {7, 8, 9}));
            ByteBuffer buf = ByteBuffer.allocate(1);
            blockOnForTest(p.server().readExact(buf)); // the bytes have arrived: 8 and 9 are there
            AtomicInteger wakes = new AtomicInteger();
            Context cx = Context.withBudget(wakes::incrementAndGet, 1);

            assertEquals(Poll.ready(1), p.server().read(buf.clear()).poll(cx), "first unit of budget");
            assertEquals(0, cx.budgetRemaining());
            Future<Integer> second = p.server().read(buf.clear());
            assertTrue(second.poll(cx).isPending(), "budget spent: yields although data is there");
            assertEquals(1, wakes.get(), "and wakes its task to be polled again");
            cx.refillBudget(1);
            assertEquals(Poll.ready(1), second.poll(cx));
            assertEquals(9, buf.get(0));
        }
    }

    @Test
    void pollingACompletedFutureIsAnError() throws IOException {
        try (Loopback.Pair p = Loopback.connect(listener)) {
            Future<Integer> w = p.client().write(ByteBuffer.wrap(new byte[] {1}));
            Context cx = Context.of(() -> {});
            assertEquals(Poll.ready(1), w.poll(cx));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.poll(cx));
            assertTrue(e.getMessage().contains("after it completed"), e.getMessage());
        }
    }

    @Test
    void oneReadAndOneWritePendingAtOnceOnOneStream() throws IOException {
        try (Loopback.Pair p = Loopback.connect(listener)) {
            // Fill the server's send path so that its write waits, while its read waits too.
            Context cx = Context.of(() -> {});
            ByteBuffer big = ByteBuffer.allocate(32 * 1024 * 1024);
            Future<Void> write = p.server().writeAll(big);
            Future<Integer> read = p.server().read(ByteBuffer.allocate(4));
            assertTrue(write.poll(cx).isPending(), "32 MiB do not fit in the socket buffers");
            assertTrue(read.poll(cx).isPending());
            assertEquals(SelectionKey.OP_READ | SelectionKey.OP_WRITE, p.server().io().handleIfRegistered().armedOps());

            // The peer drains (thread 2) and sends one byte when done.
            ExecutorService peer = Executors.newSingleThreadExecutor();
            try {
                var drained = peer.submit(() -> {
                    ByteBuffer sink = ByteBuffer.allocate(1 << 20);
                    long total = 0;
                    while (total < big.capacity()) total += blockOnForTest(p.client().read(sink.clear()));
                    blockOnForTest(p.client().writeAll(new byte[] {9}));
                    return total;
                });
                blockOnForTest(write);
                assertEquals(1, blockOnForTest(read));
                assertEquals(big.capacity(), getUnchecked(drained));
            } finally {
                peer.shutdownNow();
            }
        }
    }

    @Test
    void badArgumentsAreRejectedAtOnce() throws IOException {
        try (Loopback.Pair p = Loopback.connect(listener)) {
            NullPointerException npe = assertThrows(NullPointerException.class, () -> TcpStream.connect(null));
            assertEquals("address", npe.getMessage());
            IllegalArgumentException iae = assertThrows(IllegalArgumentException.class,
                    () -> TcpStream.connect(listener.localAddress(), Duration.ZERO));
            assertTrue(iae.getMessage().contains("positive"), iae.getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> p.client().read(new byte[4], 2, 3));
            assertEquals("dst", assertThrows(NullPointerException.class, () -> p.client().read((ByteBuffer) null)).getMessage());
            assertEquals("src", assertThrows(NullPointerException.class, () -> p.client().writeAll((ByteBuffer) null)).getMessage());
        }
    }

    @Test
    void unresolvedHostFailsOnFirstPoll() {
        InetSocketAddress unresolved = InetSocketAddress.createUnresolved("no-such-host.invalid", 80);
        Future<TcpStream> c = TcpStream.connect(unresolved);
        IOException e = assertThrows(IOException.class, () -> blockOnForTest(c));
        assertTrue(e.getMessage().contains("no-such-host.invalid"), e.getMessage());
    }

    private static long getUnchecked(java.util.concurrent.Future<Long> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void assertClosed(org.junit.jupiter.api.function.Executable op) {
        IOException e = assertThrows(IOException.class, op);
        assertEquals("stream is closed", e.getMessage());
    }
}
