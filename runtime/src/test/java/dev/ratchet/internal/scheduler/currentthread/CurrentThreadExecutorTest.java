package dev.ratchet.internal.scheduler.currentthread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.runtime.Executor;
import dev.ratchet.runtime.JoinHandle;
import dev.ratchet.testsupport.Concurrent;
import dev.ratchet.testsupport.TestFutures;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CurrentThreadExecutorTest {
    /**
     * A task looping over an always-ready step that spends budget each iteration must not starve
     * a second task on the same thread: the second one makes progress (yields 20 times and then
     * stops the first) while the first loops, and the first was forced to yield along the way.
     */
    @Test
    void theBudgetKeepsABusyTaskFromStarvingAnother() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (Executor ex = Executor.builder().budget(32).buildCurrentThread()) {
                AtomicBoolean stop = new AtomicBoolean();
                TestFutures.SpinUntil spinner = new TestFutures.SpinUntil(stop::get);
                AtomicInteger progressWhileSpinning = new AtomicInteger();
                JoinHandle<Long> busy = ex.spawn(spinner);
                JoinHandle<Void> other = ex.spawn(new Future<Void>() {
                    int steps;

                    @Override
                    public Poll<Void> poll(dev.ratchet.Context cx) {
                        if (!stop.get()) progressWhileSpinning.incrementAndGet();
                        if (++steps < 20) {
                            cx.waker().wake();
                            return Poll.pending();
                        }
                        stop.set(true);
                        return Poll.ready(null);
                    }
                });
                ex.blockOn(other);
                long iterations = ex.blockOn(busy);
                assertEquals(20, progressWhileSpinning.get());
                assertTrue(spinner.yields() >= 19, "the busy task yielded " + spinner.yields() + " times");
                assertTrue(iterations >= 32L * 19, "the busy task ran " + iterations + " iterations");
            }
        });
    }

    /** Alone on the driver, with the blockOn root waiting, a task that spends its budget goes on. */
    @Test
    void aSpentBudgetIsRenewedWhenNothingElseWaits() {
        try (Executor ex = Executor.builder().budget(16).buildCurrentThread()) {
            AtomicInteger spins = new AtomicInteger();
            TestFutures.SpinUntil spinner = new TestFutures.SpinUntil(() -> spins.incrementAndGet() > 10_000);
            assertEquals(10_000L, ex.blockOn(ex.spawn(spinner)));
            assertEquals(0, spinner.yields(), "625 budgets spent, none yielded: nobody else waited");
        }
    }

    /**
     * A woken blockOn root is something that waits: a task that wakes the root and spins on does
     * not renew its budget, so the root is polled and blockOn returns while the task still runs.
     */
    @Test
    void aWokenRootStopsTheRenewal() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Executor ex = Executor.builder().budget(16).buildCurrentThread();
            AtomicReference<dev.ratchet.Waker> rootWaker = new AtomicReference<>();
            AtomicBoolean rootDone = new AtomicBoolean();
            AtomicInteger spins = new AtomicInteger();
            TestFutures.SpinUntil spinner = new TestFutures.SpinUntil(() -> {
                if (spins.incrementAndGet() == 1_000) rootWaker.get().wake();
                return false; // forever: only close() ends it
            });
            ex.spawn(spinner);
            String out = ex.blockOn(cx -> {
                if (rootWaker.get() == null) {
                    rootWaker.set(cx.waker());
                    return Poll.pending();
                }
                rootDone.set(true);
                return Poll.ready("root polled again");
            });
            assertEquals("root polled again", out);
            assertTrue(spins.get() >= 1_000);
            ex.close(); // cancels the spinner (it ignores cancel; close() abandons it after its polls)
        });
    }

    @Test
    void everyTaskIsPolledOnTheBlockOnThread() {
        try (Executor ex = Executor.currentThread()) {
            Set<Thread> threads = ConcurrentHashMap.newKeySet();
            JoinHandle<?>[] hs = new JoinHandle<?>[50];
            for (int i = 0; i < hs.length; i++) {
                hs[i] = ex.spawn(cx -> {
                    threads.add(Thread.currentThread());
                    return Poll.ready(null);
                });
            }
            assertTrue(threads.isEmpty(), "tasks wait for a thread to enter blockOn");
            for (JoinHandle<?> h : hs) ex.blockOn(h);
            assertEquals(Set.of(Thread.currentThread()), threads);
        }
    }

    /** The driver parks when idle; a spawn or wake from another thread unparks it. */
    @Test
    void aParkedDriverIsWokenBySpawnsAndWakesFromOtherThreads() throws Exception {
        try (Executor ex = Executor.currentThread()) {
            TestFutures.Gate<String> gate = new TestFutures.Gate<>();
            AtomicReference<Thread> driver = new AtomicReference<>();
            CountDownLatch parked = new CountDownLatch(1);
            Thread helper = new Thread(() -> {
                try {
                    Concurrent.eventually(10_000, () -> driver.get() != null
                            && driver.get().getState() == Thread.State.WAITING);
                    parked.countDown();
                    JoinHandle<String> h = ex.spawn(cx -> Poll.ready("spawned"));
                    Concurrent.eventually(10_000, h::isFinished);
                    gate.open("opened after " + (h.isFinished() ? "spawn ran" : "spawn missing"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            helper.start();
            String result = ex.blockOn(cx -> {
                driver.set(Thread.currentThread());
                return gate.poll(cx);
            });
            helper.join();
            assertEquals(0, parked.getCount(), "the idle driver thread was parked (WAITING)");
            assertEquals("opened after spawn ran", result);
        }
    }

    @Test
    void aSecondConcurrentBlockOnIsRefused() throws Exception {
        try (Executor ex = Executor.currentThread()) {
            TestFutures.Gate<String> gate = new TestFutures.Gate<>();
            CountDownLatch inside = new CountDownLatch(1);
            AtomicReference<Throwable> second = new AtomicReference<>();
            Thread other = new Thread(() -> {
                try {
                    inside.await();
                    ex.blockOn(TestFutures.awaiting(cx -> Poll.ready(1)));
                } catch (Throwable t) {
                    second.set(t);
                } finally {
                    gate.open("done");
                }
            });
            other.start();
            assertEquals("done", ex.blockOn(cx -> {
                inside.countDown();
                return gate.poll(cx);
            }));
            other.join();
            assertTrue(second.get() instanceof IllegalStateException, String.valueOf(second.get()));
            assertTrue(second.get().getMessage().contains("one thread at a time"));
        }
    }

    @Test
    void closeWhileAnotherThreadIsInsideBlockOnStopsTasksButNotItsRoot() throws Exception {
        Executor ex = Executor.builder().threadNamePrefix("ct-close").buildCurrentThread();
        java.util.concurrent.ConcurrentLinkedQueue<String> log = new java.util.concurrent.ConcurrentLinkedQueue<>();
        CountDownLatch started = new CountDownLatch(1);
        JoinHandle<Void> probe = ex.spawn(new TestFutures.CleanupProbe("p", log, started));
        AtomicReference<Object> rootResult = new AtomicReference<>();
        Thread driver = new Thread(() -> {
            try {
                // The root awaits the probe's handle: close() cancels the probe, which ends the root.
                rootResult.set(ex.blockOn(TestFutures.awaiting(probe)));
            } catch (Throwable t) {
                rootResult.set(t);
            }
        });
        driver.start();
        started.await();
        ex.close();
        driver.join(10_000);
        assertEquals(java.util.List.of("cleanup p"), java.util.List.copyOf(log));
        assertTrue(rootResult.get() instanceof java.util.concurrent.CancellationException, String.valueOf(rootResult.get()));
        assertThrows(IllegalStateException.class, () -> ex.spawn(cx -> Poll.ready(1)));
    }
}
