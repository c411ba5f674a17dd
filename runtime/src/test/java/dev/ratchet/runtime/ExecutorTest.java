package dev.ratchet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Futures;
import dev.ratchet.Poll;
import dev.ratchet.Waker;
import dev.ratchet.testsupport.Concurrent;
import dev.ratchet.testsupport.TestFutures;
import dev.ratchet.testsupport.TestFutures.CleanupProbe;
import dev.ratchet.testsupport.TestFutures.Gate;
import dev.ratchet.testsupport.TestFutures.Yield;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Behaviour every executor shares, run against both kinds. */
class ExecutorTest {
    private static final AtomicInteger PREFIXES = new AtomicInteger();

    enum Kind {
        CURRENT_THREAD,
        MULTI_THREADED;

        Executor create(String prefix) {
            Executor.Builder b = Executor.builder().threadNamePrefix(prefix).workers(2).maxBlockingThreads(4);
            return this == CURRENT_THREAD ? b.buildCurrentThread() : b.buildMultiThreaded();
        }
    }

    private static String newPrefix() {
        return "exectest-" + PREFIXES.incrementAndGet();
    }

    private static Set<String> liveThreadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith(prefix + "-"))
                .collect(Collectors.toSet());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void blockOnReturnsTheRootValue(Kind kind) {
        try (Executor ex = kind.create(newPrefix())) {
            assertEquals("v", ex.blockOn(new Yield<>(3, "v")));
            assertEquals(42, ex.blockOn(Futures.ready(42)));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void blockOnRethrowsTheSameCheckedException(Kind kind) {
        IOException boom = new IOException("boom");
        try (Executor ex = kind.create(newPrefix())) {
            IOException thrown = assertThrows(IOException.class, () -> ex.blockOn(TestFutures.failing(boom)));
            assertSame(boom, thrown);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void spawnedTasksDeliverTheirResultsAndExceptionObjects(Kind kind) {
        IOException boom = new IOException("task failed");
        try (Executor ex = kind.create(newPrefix())) {
            List<JoinHandle<Integer>> hs = new ArrayList<>();
            for (int i = 0; i < 100; i++) hs.add(ex.spawn(new Yield<>(i % 4, i)));
            JoinHandle<Object> failing = ex.spawn("failing", TestFutures.failing(boom));
            int sum = 0;
            for (JoinHandle<Integer> h : hs) sum += ex.blockOn(h);
            assertEquals(4950, sum);
            assertSame(boom, assertThrows(IOException.class, () -> ex.blockOn(failing)));
            assertTrue(failing.isFinished());
            for (JoinHandle<Integer> h : hs) assertTrue(h.isFinished());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void tasksSpawnTasksThroughFuturesSpawn(Kind kind) {
        try (Executor ex = kind.create(newPrefix())) {
            assertEquals(499_500L, ex.blockOn(new TestFutures.SpawnAndSum(1000, 2)));
            // and from inside a spawned task, not only from the root
            JoinHandle<Long> nested = ex.spawn(new TestFutures.SpawnAndSum(100, 1));
            assertEquals(4950L, ex.blockOn(nested));
        }
    }

    @Test
    void futuresSpawnOutsideAnExecutorSaysHowToFixIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Futures.spawn(Futures.ready(1)));
        assertTrue(e.getMessage().contains("Futures.spawn must be called from a task running on a Ratchet executor"),
                e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aClosedExecutorRefusesSpawnAndBlockOn(Kind kind) {
        Executor ex = kind.create(newPrefix());
        ex.close();
        IllegalStateException spawn = assertThrows(IllegalStateException.class, () -> ex.spawn(Futures.ready(1)));
        assertEquals("executor is closed", spawn.getMessage());
        IllegalStateException block = assertThrows(IllegalStateException.class, () -> ex.blockOn(Futures.ready(1)));
        assertEquals("executor is closed", block.getMessage());
        ex.close(); // idempotent
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void spawnBlockingOnAClosedExecutorIsRefused(Kind kind) {
        Executor ex = kind.create(newPrefix());
        dev.ratchet.internal.RuntimeHandle rt = (dev.ratchet.internal.RuntimeHandle) ex;
        ex.close();
        assertEquals("executor is closed",
                assertThrows(IllegalStateException.class, () -> rt.spawnBlocking(() -> 1)).getMessage());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void blockOnFromInsideATaskOfTheSameExecutorIsRefused(Kind kind) {
        try (Executor ex = kind.create(newPrefix())) {
            AtomicReference<Throwable> seen = new AtomicReference<>();
            JoinHandle<String> h = ex.spawn(cx -> {
                try {
                    ex.blockOn(Futures.ready("never"));
                } catch (Throwable t) {
                    seen.set(t);
                }
                return Poll.ready("done");
            });
            assertEquals("done", ex.blockOn(h));
            assertTrue(seen.get() instanceof IllegalStateException, String.valueOf(seen.get()));
            assertTrue(seen.get().getMessage().contains("deadlock"), seen.get().getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    @SuppressWarnings("try") // close() inside the try-with-resources body is the point
    void closeFromInsideATaskIsRefused(Kind kind) {
        try (Executor ex = kind.create(newPrefix())) {
            AtomicReference<Throwable> seen = new AtomicReference<>();
            ex.blockOn(ex.spawn(cx -> {
                try {
                    ex.close();
                } catch (Throwable t) {
                    seen.set(t);
                }
                return Poll.ready(null);
            }));
            assertTrue(seen.get() instanceof IllegalStateException, String.valueOf(seen.get()));
            assertEquals(7, ex.blockOn(Futures.ready(7)), "the executor still works");
        }
    }

    /** close() cancels the 50 pending tasks, runs each one's cleanup, and leaves no thread behind. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void closeCancelsPendingTasksRunsTheirCleanupAndJoinsItsThreads(Kind kind) throws Exception {
        String prefix = newPrefix();
        Executor ex = kind.create(prefix);
        ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
        CountDownLatch started = new CountDownLatch(50);
        List<JoinHandle<Void>> hs = new ArrayList<>();
        for (int i = 0; i < 50; i++) hs.add(ex.spawn(new CleanupProbe("p" + i, log, started)));
        // a blocking thread exists too, and an unstarted task with its own cleanup
        assertEquals("b", ex.blockOn(TestFutures.blocking(() -> "b")));
        ex.blockOn(cx -> started.getCount() == 0 ? Poll.ready(null) : yieldOnce(cx));
        assertTrue(started.await(10, java.util.concurrent.TimeUnit.SECONDS));
        Set<String> before = liveThreadsNamed(prefix);
        assertTrue(before.stream().anyMatch(n -> n.contains("-blocking-")), "a blocking thread was alive: " + before);
        if (kind == Kind.MULTI_THREADED) {
            assertTrue(before.containsAll(Set.of(prefix + "-worker-0", prefix + "-worker-1")), before.toString());
        }

        ex.close();

        assertEquals(50, log.size(), "every cleanup ran once: " + log);
        for (JoinHandle<Void> h : hs) {
            assertTrue(h.isFinished());
            assertThrows(CancellationException.class, () -> h.poll(Context.of(Waker.noop())));
        }
        assertEquals(Set.of(), liveThreadsNamed(prefix), "threads left after close()");
    }

    /**
     * Tasks that keep yielding sit in run queues between polls (on a multiThreaded executor as
     * held entries, still marked running): close() must take each over, deliver its cancel(), run
     * its cleanup once and finish its handle, with no thread left.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void closeCancelsTasksThatKeepYielding(Kind kind) throws Exception {
        String prefix = newPrefix();
        Executor ex = kind.create(prefix);
        AtomicInteger cleanups = new AtomicInteger();
        AtomicInteger polled = new AtomicInteger();
        List<JoinHandle<Void>> hs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            hs.add(ex.spawn(new Future<Void>() {
                boolean counted;

                @Override
                public Poll<Void> poll(Context cx) {
                    if (!counted) {
                        counted = true;
                        polled.incrementAndGet();
                    }
                    cx.waker().wake(); // yield, forever
                    return Poll.pending();
                }

                @Override
                public void cancel() {
                    cleanups.incrementAndGet();
                }
            }));
        }
        // Every task has been polled (on a currentThread executor, by this blockOn's driving).
        ex.blockOn(cx -> polled.get() == 20 ? Poll.ready(null) : yieldOnce(cx));
        ex.close();
        assertEquals(20, cleanups.get(), "cancel() delivered to each task once");
        for (JoinHandle<Void> h : hs) {
            assertTrue(h.isFinished());
            assertThrows(CancellationException.class, () -> h.poll(Context.of(Waker.noop())));
        }
        assertEquals(Set.of(), liveThreadsNamed(prefix), "threads left after close()");
    }

    /**
     * A parent awaiting its child's handle: at close, cancelling the parent aborts the child, and
     * the parent's cleanup can only finish after the child's. Both cleanups must run, whichever
     * order close() visits them in.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void closeDrivesCleanupsThatWaitForEachOther(Kind kind) throws Exception {
        for (int rep = 0; rep < 20; rep++) {
            Executor ex = kind.create(newPrefix());
            ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
            CountDownLatch started = new CountDownLatch(2);
            JoinHandle<String> parent = ex.spawn("parent", new Future<String>() {
                JoinHandle<Void> child;
                boolean cancelled;

                @Override
                public Poll<String> poll(Context cx) {
                    if (child == null) {
                        child = Futures.spawn(new CleanupProbe("child", log, started));
                        started.countDown();
                    }
                    Poll<Void> p;
                    try {
                        p = child.poll(cx);
                    } catch (CancellationException e) {
                        if (!cancelled) throw e;
                        log.add("cleanup parent after child");
                        throw new CancellationException("parent cancelled");
                    }
                    return p.isReady() ? Poll.ready("child finished") : Poll.pending();
                }

                @Override
                public void cancel() {
                    cancelled = true;
                    child.cancel(); // aborts the child; keep awaiting it
                }
            });
            ex.blockOn(cx -> started.getCount() == 0 ? Poll.ready(null) : yieldOnce(cx));
            ex.close();
            assertEquals(Set.of("cleanup child", "cleanup parent after child"), Set.copyOf(log));
            assertEquals(2, log.size());
            assertThrows(CancellationException.class, () -> parent.poll(Context.of(Waker.noop())));
        }
    }

    private static Poll<Void> yieldOnce(Context cx) {
        cx.waker().wake();
        return Poll.pending();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aJoinHandleAwaitedByAnotherTaskWakesIt(Kind kind) throws Exception {
        try (Executor ex = kind.create(newPrefix())) {
            for (int rep = 0; rep < 200; rep++) {
                Gate<Integer> gate = new Gate<>();
                JoinHandle<Integer> producer = ex.spawn(gate);
                JoinHandle<Integer> consumer = ex.spawn(cx -> {
                    Poll<Integer> p = producer.poll(cx);
                    return p.isReady() ? Poll.ready(p.value() * 2) : Poll.pending();
                });
                int v = rep;
                Thread opener = new Thread(() -> gate.open(v));
                opener.start();
                assertEquals(2 * rep, ex.blockOn(consumer));
                opener.join();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void cancellingAJoinHandleAsAFutureAbortsTheTask(Kind kind) {
        try (Executor ex = kind.create(newPrefix())) {
            ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
            CountDownLatch started = new CountDownLatch(1);
            JoinHandle<Void> h = ex.spawn(new CleanupProbe("c", log, started));
            ex.blockOn(cx -> started.getCount() == 0 ? Poll.ready(null) : yieldOnce(cx));
            h.cancel();
            assertThrows(CancellationException.class, () -> ex.blockOn(h));
            assertEquals(List.of("cleanup c"), List.copyOf(log));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void spawnBlockingCompletesByWakingTheAwaitingTask(Kind kind) {
        try (Executor ex = kind.create(newPrefix())) {
            String thread = ex.blockOn(TestFutures.blocking(() -> Thread.currentThread().getName()));
            assertTrue(thread.contains("-blocking-"), thread);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eachExecutorOwnsOneTimerDriver(Kind kind) {
        try (Executor a = kind.create(newPrefix()); Executor b = kind.create(newPrefix())) {
            dev.ratchet.internal.RuntimeHandle ra = (dev.ratchet.internal.RuntimeHandle) a;
            dev.ratchet.internal.RuntimeHandle rb = (dev.ratchet.internal.RuntimeHandle) b;
            assertSame(ra.timer(), ra.timer());
            assertTrue(ra.timer() != rb.timer());
            // and the runtime a task sees is its own executor
            assertSame(ra, a.blockOn(cx -> Poll.ready(dev.ratchet.internal.CurrentRuntime.get())));
            assertSame(rb, b.blockOn(b.spawn(cx -> Poll.ready(dev.ratchet.internal.CurrentRuntime.get()))));
        }
    }

    @Test
    void builderRejectsBadSettingsWithClearMessages() {
        assertEquals("workers must be between 1 and 32767, got 0",
                assertThrows(IllegalArgumentException.class, () -> Executor.builder().workers(0)).getMessage());
        assertEquals("budget must be positive, got -1",
                assertThrows(IllegalArgumentException.class, () -> Executor.builder().budget(-1)).getMessage());
        assertEquals("maxBlockingThreads must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> Executor.builder().maxBlockingThreads(0)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Executor.builder().blockingKeepAlive(Duration.ofSeconds(-1))).getMessage().contains("negative"));
        assertEquals("prefix", assertThrows(NullPointerException.class,
                () -> Executor.builder().threadNamePrefix(null)).getMessage());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void concurrentClosesBothReturnOnlyWhenClosed(Kind kind) throws Exception {
        String prefix = newPrefix();
        Executor ex = kind.create(prefix);
        ex.spawn(new CleanupProbe("x", new ConcurrentLinkedQueue<>(), null));
        Concurrent.run(4, id -> {
            ex.close();
            if (!liveThreadsNamed(prefix).isEmpty()) throw new AssertionError("close() returned early");
        });
    }
}
