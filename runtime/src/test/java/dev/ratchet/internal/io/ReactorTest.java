package dev.ratchet.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Waker;
import dev.ratchet.internal.CurrentRuntime;
import dev.ratchet.internal.RuntimeHandle;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReactorTest {
    /** How long we watch for activity that must not happen (an absence can only be sampled). */
    private static final long QUIET_MILLIS = 250;

    private Reactor reactor;
    private final List<Pipe> pipes = new ArrayList<>();

    @BeforeEach
    void start() {
        reactor = new Reactor("reactor-test");
    }

    @AfterEach
    void stop() throws IOException {
        reactor.close();
        for (Pipe p : pipes) {
            p.source().close();
            p.sink().close();
        }
    }

    private Pipe pipe() throws IOException {
        Pipe p = Pipe.open();
        p.source().configureBlocking(false);
        p.sink().configureBlocking(false);
        pipes.add(p);
        return p;
    }

    private static void send(Pipe p, int bytes) throws IOException {
        assertEquals(bytes, p.sink().write(ByteBuffer.allocate(bytes)));
    }

    @Test
    void runsOneDaemonThreadWithTheGivenName() {
        Thread t = reactor.thread();
        assertEquals("reactor-test", t.getName());
        assertTrue(t.isDaemon());
        assertEquals(t.getId(), reactor.threadId());
        assertTrue(reactor.isRunning());
    }

    @Test
    void anIdleReactorBlocksInSelectAndUsesNoCpu() throws Exception {
        // Give it some work first, so that it is past start-up, then watch it idle.
        Pipe p = pipe();
        CountDownLatch woken = new CountDownLatch(1);
        reactor.register(p.source()).arm(Interest.READ, woken::countDown);
        send(p, 1);
        assertTrue(woken.await(5, TimeUnit.SECONDS));

        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long selects = reactor.selectCount();
        long cpu = mx.getThreadCpuTime(reactor.threadId());
        Thread.sleep(QUIET_MILLIS); // sampling an absence of activity: a window is inherent
        assertTrue(reactor.selectCount() - selects <= 1, "select returned " + (reactor.selectCount() - selects) + " times while idle");
        if (cpu >= 0) { // -1: this JVM does not measure thread CPU time; the select count suffices
            long cpuMillis = TimeUnit.NANOSECONDS.toMillis(mx.getThreadCpuTime(reactor.threadId()) - cpu);
            assertTrue(cpuMillis < QUIET_MILLIS / 5, "idle reactor used " + cpuMillis + " ms of CPU");
        }
    }

    @Test
    void aStrayInterruptDoesNotMakeTheReactorSpin() throws Exception {
        reactor.thread().interrupt();
        Pipe p = pipe();
        CountDownLatch woken = new CountDownLatch(1);
        reactor.register(p.source()).arm(Interest.READ, woken::countDown);
        send(p, 1);
        assertTrue(woken.await(5, TimeUnit.SECONDS), "still serving");
        long selects = reactor.selectCount();
        Thread.sleep(QUIET_MILLIS);
        assertTrue(reactor.selectCount() - selects <= 1, "spun: " + (reactor.selectCount() - selects) + " selects");
    }

    @Test
    void readinessWakesOnceAndClearsTheInterestSoTheSelectorDoesNotSpin() throws Exception {
        Pipe p = pipe();
        ReactorHandle h = reactor.register(p.source());
        AtomicInteger wakes = new AtomicInteger();
        CountDownLatch woken = new CountDownLatch(1);
        h.arm(Interest.READ, () -> {
            wakes.incrementAndGet();
            woken.countDown();
        });
        assertEquals(SelectionKey.OP_READ, h.armedOps());
        send(p, 1); // and never read it: a level-triggered selector would report it forever
        assertTrue(woken.await(5, TimeUnit.SECONDS));
        assertEquals(0, h.armedOps());
        assertFalse(h.hasWaker(Interest.READ), "the waker was taken");

        long selects = reactor.selectCount();
        Thread.sleep(QUIET_MILLIS);
        assertTrue(reactor.selectCount() - selects <= 1, "selector spun: " + (reactor.selectCount() - selects) + " selects");
        assertEquals(1, wakes.get());
    }

    @Test
    void reArmingWhileDataIsStillThereFiresAgainAtOnce() throws Exception {
        Pipe p = pipe();
        ReactorHandle h = reactor.register(p.source());
        send(p, 1);
        for (int i = 0; i < 3; i++) {
            CountDownLatch woken = new CountDownLatch(1);
            h.arm(Interest.READ, woken::countDown);
            assertTrue(woken.await(5, TimeUnit.SECONDS), "arm " + i);
        }
    }

    @Test
    void readAndWriteSidesHaveTheirOwnWakers() throws Exception {
        Pipe a = pipe();
        // A SocketChannel would serve both sides on one channel; a pipe's sink is the write side.
        ReactorHandle sink = reactor.register(a.sink());
        ReactorHandle source = reactor.register(a.source());
        AtomicInteger readWakes = new AtomicInteger();
        CountDownLatch writable = new CountDownLatch(1);
        source.arm(Interest.READ, readWakes::incrementAndGet);
        sink.arm(Interest.WRITE, writable::countDown); // a pipe with room is writable at once
        assertTrue(writable.await(5, TimeUnit.SECONDS));
        assertEquals(0, readWakes.get(), "nothing to read yet");
        assertEquals(SelectionKey.OP_READ, source.armedOps());
    }

    @Test
    void disarmWithdrawsTheInterestAndTheWaker() throws Exception {
        Pipe p = pipe();
        ReactorHandle h = reactor.register(p.source());
        AtomicInteger wakes = new AtomicInteger();
        Waker w = wakes::incrementAndGet;
        h.arm(Interest.READ, w);
        h.disarm(Interest.READ, w);
        assertEquals(0, h.armedOps());
        assertFalse(h.hasWaker(Interest.READ));
        send(p, 1);

        // Barrier: the reactor applies updates in order, so once a later registration has fired,
        // the disarm was applied before that select.
        Pipe q = pipe();
        send(q, 1);
        CountDownLatch barrier = new CountDownLatch(1);
        reactor.register(q.source()).arm(Interest.READ, barrier::countDown);
        assertTrue(barrier.await(5, TimeUnit.SECONDS));
        assertEquals(0, wakes.get());
    }

    @Test
    void disarmLeavesTheInterestOfAFutureThatReplacedTheWaker() throws IOException {
        Pipe p = pipe();
        ReactorHandle h = reactor.register(p.source());
        Waker first = () -> {};
        Waker second = () -> {};
        h.arm(Interest.READ, first);
        h.arm(Interest.READ, second);
        h.disarm(Interest.READ, first);
        assertEquals(SelectionKey.OP_READ, h.armedOps());
        assertTrue(h.hasWaker(Interest.READ));
    }

    /**
     * Ping-pong over two pipes between two threads, many round trips: each side arms its read
     * interest while the other side may be writing at that very moment (both orders happen), and
     * must never miss the wake. Two pairs run at once on the same reactor.
     */
    @Test
    void armingRacingWithReadinessNeverLosesAWake() throws Exception {
        int pairs = 2;
        int roundTrips = 2000;
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            Pipe ping = pipe();
            Pipe pong = pipe();
            ReactorHandle pingIn = reactor.register(ping.source());
            ReactorHandle pongIn = reactor.register(pong.source());
            threads.add(new Thread(() -> run(failures, start, () -> {
                for (int r = 0; r < roundTrips; r++) {
                    send(ping, 1);
                    readOneByte(pong, pongIn);
                }
                return null;
            })));
            threads.add(new Thread(() -> run(failures, start, () -> {
                for (int r = 0; r < roundTrips; r++) {
                    readOneByte(ping, pingIn);
                    send(pong, 1);
                }
                return null;
            })));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread t : threads) t.join(30_000);
        for (Thread t : threads) assertFalse(t.isAlive(), "a ping-pong thread hung: a lost wake");
        assertTrue(failures.isEmpty(), () -> "failures: " + failures);
    }

    /** What an I/O future does, blocking the thread: try, arm on would-block, park until woken. */
    private static void readOneByte(Pipe p, ReactorHandle h) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        Thread me = Thread.currentThread();
        AtomicBoolean woken = new AtomicBoolean();
        Waker waker = () -> {
            woken.set(true);
            LockSupport.unpark(me);
        };
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (p.source().read(one) == 0) {
            woken.set(false);
            h.arm(Interest.READ, waker);
            while (!woken.get()) {
                if (System.nanoTime() > deadline) throw new AssertionError("not woken within 10 s: lost wake");
                LockSupport.parkNanos(deadline - System.nanoTime());
            }
        }
    }

    private static void run(ConcurrentLinkedQueue<Throwable> failures, CountDownLatch start, Callable<Void> body) {
        try {
            start.await();
            body.call();
        } catch (Throwable t) {
            failures.add(t);
        }
    }

    @Test
    void wakeAtWakesAfterTheDeadlineAndACancelledOneNever() throws Exception {
        AtomicInteger cancelledWakes = new AtomicInteger();
        ScheduledWake cancelled = reactor.wakeAt(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(30), cancelledWakes::incrementAndGet);
        assertTrue(cancelled.cancel());
        assertFalse(cancelled.cancel(), "only once");

        long start = System.nanoTime();
        CountDownLatch woken = new CountDownLatch(1);
        ScheduledWake w = reactor.wakeAt(start + TimeUnit.MILLISECONDS.toNanos(80), woken::countDown);
        assertTrue(woken.await(5, TimeUnit.SECONDS));
        long elapsed = System.nanoTime() - start;
        assertTrue(elapsed >= TimeUnit.MILLISECONDS.toNanos(80), "woke early: " + elapsed);
        assertFalse(w.cancel(), "already fired");
        assertEquals(0, cancelledWakes.get());

        CountDownLatch past = new CountDownLatch(1);
        reactor.wakeAt(System.nanoTime() - 1_000_000, past::countDown);
        assertTrue(past.await(5, TimeUnit.SECONDS), "a deadline in the past fires at once");
    }

    @Test
    void closeJoinsTheThreadWakesWaitersAndLaterArmsFail() throws Exception {
        Pipe p = pipe();
        ReactorHandle h = reactor.register(p.source());
        AtomicInteger wakes = new AtomicInteger();
        h.arm(Interest.READ, wakes::incrementAndGet);
        AtomicInteger deadlineWakes = new AtomicInteger();
        reactor.wakeAt(System.nanoTime() + TimeUnit.HOURS.toNanos(1), deadlineWakes::incrementAndGet);

        reactor.close();
        assertFalse(reactor.thread().isAlive());
        assertFalse(reactor.isRunning());
        assertEquals(1, wakes.get(), "a waiting future is woken so it can fail instead of hanging");
        assertEquals(1, deadlineWakes.get());
        IOException e = assertThrows(IOException.class, () -> h.arm(Interest.READ, () -> {}));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        reactor.close(); // idempotent
    }

    @Test
    void aThrowingWakerIsReportedAndTheReactorKeepsServing() throws Exception {
        ConcurrentLinkedQueue<Throwable> reported = new ConcurrentLinkedQueue<>();
        reactor.thread().setUncaughtExceptionHandler((t, e) -> reported.add(e));
        Pipe bad = pipe();
        send(bad, 1);
        CountDownLatch thrown = new CountDownLatch(1);
        reactor.register(bad.source()).arm(Interest.READ, () -> {
            thrown.countDown();
            throw new IllegalStateException("broken waker");
        });
        assertTrue(thrown.await(5, TimeUnit.SECONDS));

        Pipe good = pipe();
        send(good, 1);
        CountDownLatch woken = new CountDownLatch(1);
        reactor.register(good.source()).arm(Interest.READ, woken::countDown);
        assertTrue(woken.await(5, TimeUnit.SECONDS), "still serving");
        assertEquals("broken waker", reported.peek().getMessage());
    }

    @Test
    void theGlobalReactorIsSharedAndCannotBeClosed() {
        Reactor g = Reactor.global();
        assertSame(g, Reactor.global());
        assertTrue(g.thread().isDaemon());
        IllegalStateException e = assertThrows(IllegalStateException.class, g::close);
        assertTrue(e.getMessage().contains("global"), e.getMessage());
        assertTrue(g.isRunning());
    }

    @Test
    void currentIsTheExecutorsReactorWhenItOwnsOneElseTheGlobalOne() {
        assertSame(Reactor.global(), Reactor.current(), "no executor");
        RuntimeHandle previous = CurrentRuntime.enter(runtime(null, RuntimeHandle.class));
        try {
            assertSame(Reactor.global(), Reactor.current(), "an executor without a reactor");
        } finally {
            CurrentRuntime.exit(previous);
        }
        previous = CurrentRuntime.enter(runtime(reactor, RuntimeHandle.class, ReactorOwner.class));
        try {
            assertSame(reactor, Reactor.current());
        } finally {
            CurrentRuntime.exit(previous);
        }
    }

    @Test
    void registerRejectsBlockingChannels() throws IOException {
        Pipe p = Pipe.open();
        pipes.add(p);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reactor.register(p.source()));
        assertTrue(e.getMessage().contains("non-blocking"), e.getMessage());
        assertEquals("channel", assertThrows(NullPointerException.class, () -> reactor.register(null)).getMessage());
    }

    /** A runtime implementing {@code interfaces} whose only working method is {@code reactor()}. */
    private static RuntimeHandle runtime(Reactor reactor, Class<?>... interfaces) {
        return (RuntimeHandle) Proxy.newProxyInstance(ReactorTest.class.getClassLoader(), interfaces, (proxy, method, args) -> {
            if (method.getName().equals("reactor")) return reactor;
            throw new UnsupportedOperationException(method.getName());
        });
    }
}
