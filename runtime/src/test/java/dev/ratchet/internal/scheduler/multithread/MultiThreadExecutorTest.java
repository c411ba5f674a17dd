package dev.ratchet.internal.scheduler.multithread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Futures;
import dev.ratchet.Poll;
import dev.ratchet.runtime.Executor;
import dev.ratchet.runtime.JoinHandle;
import dev.ratchet.testsupport.Concurrent;
import dev.ratchet.testsupport.TestFutures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MultiThreadExecutorTest {
    private static MultiThreadExecutor create(String prefix, int workers) {
        return (MultiThreadExecutor) Executor.builder().threadNamePrefix(prefix).workers(workers).buildMultiThreaded();
    }

    @Test
    void hundredThousandTasksSpawnedAndJoinedGiveTheRightSum() throws InterruptedException {
        try (MultiThreadExecutor ex = create("mt-sum", 2)) {
            long n = 100_000;
            assertEquals(n * (n - 1) / 2, ex.blockOn(new TestFutures.SpawnAndSum((int) n, 2)));
            // A child publishes COMPLETE before it leaves the registry, so the parent may finish
            // while the last child's worker is between the two: released soon, never left behind.
            assertTrue(Concurrent.eventually(5_000, () -> ex.liveTaskCount() == 0),
                    "every task released from the registry, left: " + ex.liveTaskCount());
        }
    }

    /**
     * A spawn on a worker takes the LIFO slot only if it is empty and never evicts: a loop of
     * spawns runs in spawn order (the first from the slot, the rest from the queue).
     */
    @Test
    void tasksSpawnedOnAWorkerRunInSpawnOrder() {
        try (MultiThreadExecutor ex = create("mt-order", 1)) {
            List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
            ex.blockOn(ex.spawn(new Future<Void>() {
                JoinHandle<?>[] children;
                int next;

                @Override
                public Poll<Void> poll(Context cx) {
                    if (children == null) {
                        children = new JoinHandle<?>[10];
                        for (int i = 0; i < 10; i++) {
                            int index = i;
                            children[i] = Futures.spawn(c -> {
                                ran.add(index);
                                return Poll.ready(null);
                            });
                        }
                    }
                    for (; next < children.length; next++) {
                        if (children[next].poll(cx).isPending()) return Poll.pending();
                    }
                    return Poll.ready(null);
                }
            }));
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), ran);
        }
    }

    /**
     * Workers spawn into their own registry shards without a lock while close() runs: every spawn
     * that succeeded is found by close() and its task finished (cancelled), none is left pending.
     */
    @Test
    void closeWhileWorkersSpawnLeavesNoTaskBehind() throws Exception {
        for (int rep = 0; rep < 20; rep++) {
            MultiThreadExecutor ex = create("mt-close-spawn", 2);
            Queue<JoinHandle<?>> spawned = new ConcurrentLinkedQueue<>();
            CountDownLatch started = new CountDownLatch(2);
            for (int s = 0; s < 2; s++) {
                ex.spawn(new Future<Void>() {
                    boolean first = true;

                    @Override
                    public Poll<Void> poll(Context cx) {
                        for (int i = 0; i < 64; i++) spawned.add(Futures.spawn(Futures.pending()));
                        if (first) {
                            // After a first batch: close() then surely races spawns that succeeded.
                            first = false;
                            started.countDown();
                        }
                        cx.waker().wake(); // yield: spawn again on the next poll
                        return Poll.pending();
                    }
                });
            }
            assertTrue(started.await(10, TimeUnit.SECONDS));
            Thread.sleep(rep % 5);
            ex.close();
            assertTrue(spawned.size() >= 128, "spawned before close: " + spawned.size());
            for (JoinHandle<?> h : spawned) assertTrue(h.isFinished(), "a task spawned before close() is left pending");
        }
    }

    /** A task that spends its budget with no other task waiting goes on with a new budget. */
    @Test
    void aSpentBudgetIsRenewedWhenNoOtherTaskWaits() {
        try (MultiThreadExecutor ex = (MultiThreadExecutor) Executor.builder()
                .threadNamePrefix("mt-renew").workers(1).budget(16).buildMultiThreaded()) {
            AtomicInteger spins = new AtomicInteger();
            TestFutures.SpinUntil spinner = new TestFutures.SpinUntil(() -> spins.incrementAndGet() > 10_000);
            assertEquals(10_000L, ex.blockOn(ex.spawn(spinner)));
            assertEquals(0, spinner.yields(), "625 budgets spent, none yielded: nobody else waited");
        }
    }

    /**
     * With another task waiting for the worker, a spent budget still yields: two spinners on one
     * worker take turns, each yielding about once per budget, and both finish.
     */
    @Test
    void aSpentBudgetYieldsWhenAnotherTaskWaits() {
        try (MultiThreadExecutor ex = (MultiThreadExecutor) Executor.builder()
                .threadNamePrefix("mt-turns").workers(1).budget(16).buildMultiThreaded()) {
            AtomicInteger a = new AtomicInteger();
            AtomicInteger b = new AtomicInteger();
            TestFutures.SpinUntil first = new TestFutures.SpinUntil(() -> a.incrementAndGet() > 1_600);
            TestFutures.SpinUntil second = new TestFutures.SpinUntil(() -> b.incrementAndGet() > 1_600);
            JoinHandle<Long> h2 = ex.blockOn(ex.spawn(cx -> {
                Futures.spawn(first); // spawned first: it runs first, while `second` waits
                return Poll.ready(Futures.spawn(second));
            }));
            assertEquals(1_600L, ex.blockOn(h2));
            // Each yielded at every spent budget while the other waited: 1600 / 16 turns, give or
            // take the last ones (once one has finished, the other runs on alone).
            assertTrue(first.yields() >= 50, "first yielded " + first.yields());
            assertTrue(second.yields() >= 50, "second yielded " + second.yields());
        }
    }

    /**
     * Spins over an always-ready resource (spending budget, yielding when it must) until
     * cancelled; a cancel is honoured at the next poll.
     */
    private static final class CancellableSpinner implements Future<Void> {
        final AtomicInteger spins = new AtomicInteger();
        private boolean cancelled;

        @Override
        public Poll<Void> poll(Context cx) {
            if (cancelled) throw new CancellationException();
            while (true) {
                spins.incrementAndGet();
                if (cx.yieldIfSpent()) return Poll.pending();
            }
        }

        @Override
        public void cancel() {
            cancelled = true; // delivered on the polling thread, between polls
        }
    }

    /** A task renewing its budget alone still gets its abort at once, and close() still stops it. */
    @Test
    void abortAndCloseReachATaskThatRenewsItsBudget() throws Exception {
        MultiThreadExecutor ex = (MultiThreadExecutor) Executor.builder()
                .threadNamePrefix("mt-renew-abort").workers(1).budget(16).buildMultiThreaded();
        CancellableSpinner first = new CancellableSpinner();
        JoinHandle<Void> aborted = ex.spawn(first);
        assertTrue(Concurrent.eventually(5_000, () -> first.spins.get() > 100_000));
        aborted.abort();
        assertTrue(Concurrent.eventually(5_000, aborted::isFinished), "the abort reached the spinning task");
        assertThrows(CancellationException.class, () -> ex.blockOn(aborted));
        CancellableSpinner second = new CancellableSpinner();
        JoinHandle<Void> closed = ex.spawn(second);
        assertTrue(Concurrent.eventually(5_000, () -> second.spins.get() > 100_000));
        ex.close(); // returns: the worker stops renewing once the executor is closing
        assertTrue(closed.isFinished());
    }

    @Test
    void aSingleWorkerRunsEverything() throws Exception {
        try (MultiThreadExecutor ex = create("mt-one", 1)) {
            assertEquals(4950L, ex.blockOn(new TestFutures.SpawnAndSum(100, 5)));
            TestFutures.Gate<String> gate = new TestFutures.Gate<>();
            JoinHandle<String> h = ex.spawn(gate);
            assertTrue(Concurrent.eventually(5_000, () -> allWorkersWaiting(ex)));
            Thread opener = new Thread(() -> gate.open("opened"));
            opener.start();
            assertEquals("opened", ex.blockOn(h));
            opener.join();
        }
    }

    @Test
    void tasksSpawnedFromOutsideRunInParallelOnTheWorkers() throws Exception {
        try (MultiThreadExecutor ex = create("mt-par", 2)) {
            // Two tasks that each wait for the other to be running at the same time: only
            // possible if they are polled in parallel on two threads.
            CountDownLatch bothRunning = new CountDownLatch(2);
            Set<String> threads = ConcurrentHashMap.newKeySet();
            Future<Boolean> meet = cx -> {
                threads.add(Thread.currentThread().getName());
                bothRunning.countDown();
                try {
                    return Poll.ready(bothRunning.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            };
            JoinHandle<Boolean> a = ex.spawn(meet);
            JoinHandle<Boolean> b = ex.spawn(meet);
            assertTrue(ex.blockOn(a));
            assertTrue(ex.blockOn(b));
            assertEquals(2, threads.size(), "polled on " + threads);
        }
    }

    /**
     * A task on one worker spawns 64 children (they land in that worker's local queue and LIFO
     * slot) and then blocks its thread until all children have finished: they can only finish
     * if the other worker steals them.
     */
    @Test
    void aBlockedWorkersTasksAreStolenByTheOtherWorker() {
        try (MultiThreadExecutor ex = create("mt-steal", 2)) {
            final int children = 64;
            CountDownLatch done = new CountDownLatch(children);
            Set<String> childThreads = ConcurrentHashMap.newKeySet();
            String[] parentThread = new String[1];
            JoinHandle<Boolean> parent = ex.spawn(cx -> {
                parentThread[0] = Thread.currentThread().getName();
                for (int i = 0; i < children; i++) {
                    Futures.spawn(c -> {
                        childThreads.add(Thread.currentThread().getName());
                        done.countDown();
                        return Poll.ready(null);
                    });
                }
                try {
                    return Poll.ready(done.await(20, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            assertTrue(ex.blockOn(parent), "children were not stolen while their worker was blocked");
            assertEquals(1, childThreads.size(), "all children ran on the other worker: " + childThreads);
            assertTrue(!childThreads.contains(parentThread[0]));
            assertTrue(ex.stealCount() > 0);
        }
    }

    /**
     * A task wakes another one, which goes to its worker's LIFO slot (not stolen by other
     * workers), and then blocks its thread until that task has run: the watchdog hands the woken
     * task to the other worker once the poll has lasted one sampling period. With detection off
     * there is no watchdog: the woken task runs only after the blocking poll ends (on either worker).
     */
    @Test
    void aTaskWokenByABlockingPollIsHandedOnByTheWatchdog() throws Exception {
        for (boolean watchdog : new boolean[] {true, false}) {
            try (Executor ex = Executor.builder().threadNamePrefix("mt-rescue").workers(2)
                    .longPollThreshold(watchdog ? java.time.Duration.ofMillis(20) : java.time.Duration.ZERO)
                    .buildMultiThreaded()) {
                for (int rep = 0; rep < 5; rep++) {
                    CountDownLatch ran = new CountDownLatch(1);
                    java.util.concurrent.atomic.AtomicBoolean blockerReturned = new java.util.concurrent.atomic.AtomicBoolean();
                    java.util.concurrent.atomic.AtomicBoolean ranBeforeBlockerReturned = new java.util.concurrent.atomic.AtomicBoolean();
                    java.util.concurrent.atomic.AtomicReference<dev.ratchet.Waker> sleeperWaker = new java.util.concurrent.atomic.AtomicReference<>();
                    JoinHandle<Void> sleeper = ex.spawn(new Future<Void>() {
                        @Override
                        public Poll<Void> poll(Context cx) {
                            if (sleeperWaker.get() == null) {
                                sleeperWaker.set(cx.waker());
                                return Poll.pending(); // idle until the blocker wakes it
                            }
                            ranBeforeBlockerReturned.set(!blockerReturned.get());
                            ran.countDown();
                            return Poll.ready(null);
                        }
                    });
                    // Let the sleeper's first poll finish so that it is idle.
                    assertTrue(Concurrent.eventually(5_000, () -> sleeperWaker.get() != null
                            && ex.dump().tasks().stream().anyMatch(t -> t.state().name().equals("SUSPENDED"))));
                    JoinHandle<Boolean> blocker = ex.spawn(cx -> {
                        sleeperWaker.get().wake(); // on a worker: into this worker's LIFO slot
                        try {
                            boolean seen = ran.await(watchdog ? 10_000 : 300, TimeUnit.MILLISECONDS);
                            blockerReturned.set(true);
                            return Poll.ready(seen);
                        } catch (InterruptedException e) {
                            throw new AssertionError(e);
                        }
                    });
                    assertEquals(watchdog, ex.blockOn(blocker), "the woken task ran during the blocking poll");
                    ex.blockOn(sleeper);
                    assertEquals(watchdog, ranBeforeBlockerReturned.get());
                }
            }
        }
    }

    /** Once out of work, every worker parks and stays parked: no spinning, no CPU. */
    @Test
    void anIdleExecutorParksItsWorkers() throws Exception {
        try (MultiThreadExecutor ex = create("mt-idle", 2)) {
            assertEquals(4950L, ex.blockOn(new TestFutures.SpawnAndSum(100, 3)));
            assertTrue(Concurrent.eventually(5_000, () -> allWorkersWaiting(ex)), "workers did not park");
            long parks = ex.parkCount();
            Thread.sleep(300); // a measurement window, not synchronization
            // LockSupport.park may return spuriously (and a stale unpark permit can end one park),
            // so allow a couple of re-parks; a spinning worker would park thousands of times.
            long reparks = ex.parkCount() - parks;
            assertTrue(reparks <= 2, "idle workers re-parked " + reparks + " times in 300 ms (spinning)");
            assertTrue(allWorkersWaiting(ex));
            // and parked workers wake up for new work
            assertEquals(7, ex.blockOn(ex.spawn(new TestFutures.Yield<>(2, 7))));
        }
    }

    /**
     * Every worker is in {@code park} and still registered as a sleeper: a worker already picked
     * by a notification (unparked, but not yet scheduled by the OS) is not idle yet; it will
     * search, spin briefly and park once more.
     */
    private static boolean allWorkersWaiting(MultiThreadExecutor ex) {
        for (Worker w : ex.workers()) {
            if (w.getState() != Thread.State.WAITING || !ex.idle.isParked(w.index)) return false;
        }
        return true;
    }

    /** abort() racing completion, 10_000 times: the handle gets the value or CancellationException, never hangs. */
    @Test
    void abortRacingCompletionIsSafe() throws Exception {
        try (MultiThreadExecutor ex = create("mt-abort", 2)) {
            AtomicInteger values = new AtomicInteger();
            AtomicInteger cancelled = new AtomicInteger();
            AtomicInteger pollsAfterDone = new AtomicInteger();
            for (int rep = 0; rep < 10_000; rep++) {
                Future<Integer> f = new Future<>() {
                    private volatile boolean cancel;
                    private int polls;
                    private boolean done;

                    @Override
                    public Poll<Integer> poll(Context cx) {
                        if (done) pollsAfterDone.incrementAndGet();
                        if (cancel) {
                            done = true;
                            throw new CancellationException("aborted");
                        }
                        if (polls++ < 1) {
                            cx.waker().wake();
                            return Poll.pending();
                        }
                        done = true;
                        return Poll.ready(7);
                    }

                    @Override
                    public void cancel() {
                        cancel = true;
                    }
                };
                JoinHandle<Integer> h = ex.spawn(f);
                if ((rep & 1) == 0) Thread.onSpinWait();
                h.abort();
                try {
                    assertEquals(7, ex.blockOn(h));
                    values.incrementAndGet();
                } catch (CancellationException e) {
                    cancelled.incrementAndGet();
                }
                assertTrue(h.isFinished());
            }
            assertEquals(10_000, values.get() + cancelled.get());
            assertEquals(0, pollsAfterDone.get(), "polled after completion");
            assertEquals(0, ex.liveTaskCount());
        }
    }

    /**
     * The state-word CAS orders consecutive polls: 64 tasks keep a plain (non-volatile) counter
     * that every poll checks and increments, across 2_000 yields each, moving between workers.
     */
    @Test
    void aPollSeesEverythingThePreviousPollWroteOnAnyThread() {
        try (MultiThreadExecutor ex = create("mt-hb", 2)) {
            AtomicInteger stale = new AtomicInteger();
            Set<String> threads = ConcurrentHashMap.newKeySet();
            java.util.List<JoinHandle<Integer>> hs = new java.util.ArrayList<>();
            for (int t = 0; t < 64; t++) {
                hs.add(ex.spawn(new Future<Integer>() {
                    int polls; // plain field on purpose
                    long[] history = new long[1];

                    @Override
                    public Poll<Integer> poll(Context cx) {
                        if (history[0] != polls) stale.incrementAndGet();
                        polls++;
                        history[0] = polls;
                        threads.add(Thread.currentThread().getName());
                        if (polls < 2_000) {
                            cx.waker().wake();
                            return Poll.pending();
                        }
                        return Poll.ready(polls);
                    }
                }));
            }
            for (JoinHandle<Integer> h : hs) assertEquals(2_000, ex.blockOn(h));
            assertEquals(0, stale.get(), "a poll saw stale state from the previous one");
            assertEquals(2, threads.size(), "tasks ran on both workers: " + threads);
        }
    }

    /**
     * 256 tasks wake each other (through the LIFO slot, local queues and stealing) and are woken
     * by 2 outside threads, 200_000 wakes in all. No task is ever polled on two threads at once
     * or after it completed, and when the wakes run out every task is woken one last time and
     * must complete — a lost wake would leave one pending and fail the join.
     */
    @Test
    void tasksWakingEachOtherNeverOverlapNorLoseWakes() throws Exception {
        final int tasks = 256;
        try (MultiThreadExecutor ex = create("mt-mesh", 2)) {
            java.util.concurrent.atomic.AtomicReferenceArray<dev.ratchet.Waker> wakers =
                    new java.util.concurrent.atomic.AtomicReferenceArray<>(tasks);
            java.util.concurrent.atomic.AtomicIntegerArray inPoll = new java.util.concurrent.atomic.AtomicIntegerArray(tasks);
            AtomicInteger overlaps = new AtomicInteger();
            AtomicInteger pollsAfterDone = new AtomicInteger();
            AtomicInteger remaining = new AtomicInteger(200_000);
            CountDownLatch allRegistered = new CountDownLatch(tasks);
            Runnable wakeAll = () -> {
                for (int i = 0; i < tasks; i++) {
                    dev.ratchet.Waker w = wakers.get(i);
                    if (w != null) w.wake();
                }
            };
            java.util.List<JoinHandle<Integer>> hs = new java.util.ArrayList<>();
            for (int t = 0; t < tasks; t++) {
                int me = t;
                hs.add(ex.spawn(new Future<Integer>() {
                    int polls;
                    boolean done;

                    @Override
                    public Poll<Integer> poll(Context cx) {
                        if (inPoll.incrementAndGet(me) != 1) overlaps.incrementAndGet();
                        try {
                            if (done) pollsAfterDone.incrementAndGet();
                            if (polls++ == 0) {
                                wakers.set(me, cx.waker());
                                allRegistered.countDown();
                            }
                            if (remaining.get() <= 0) {
                                done = true;
                                return Poll.ready(polls);
                            }
                            for (int k = 1; k <= 2; k++) {
                                int left = remaining.decrementAndGet();
                                if (left == 0) wakeAll.run(); // the last wake: everyone must see the end
                                if (left <= 0) break;
                                dev.ratchet.Waker w = wakers.get((me * 31 + polls * k) % tasks);
                                if (w != null) w.wake();
                            }
                            return Poll.pending();
                        } finally {
                            inPoll.decrementAndGet(me);
                        }
                    }
                }));
            }
            assertTrue(allRegistered.await(20, TimeUnit.SECONDS));
            Concurrent.run(2, id -> {
                java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
                while (true) {
                    int left = remaining.decrementAndGet();
                    if (left == 0) wakeAll.run();
                    if (left <= 0) break;
                    wakers.get(r.nextInt(tasks)).wake();
                }
            });
            for (JoinHandle<Integer> h : hs) assertTrue(ex.blockOn(h) >= 1);
            assertEquals(0, overlaps.get(), "a task was polled on two threads at once");
            assertEquals(0, pollsAfterDone.get(), "a task was polled after it completed");
        }
    }

    @Test
    void wakesFromManyOutsideThreadsAllReachTheirTasks() throws Exception {
        try (MultiThreadExecutor ex = create("mt-wakes", 2)) {
            final int tasks = 2_000;
            java.util.List<TestFutures.Gate<Integer>> gates = new java.util.ArrayList<>();
            java.util.List<JoinHandle<Integer>> hs = new java.util.ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                gates.add(new TestFutures.Gate<>());
                hs.add(ex.spawn(gates.get(i)));
            }
            Concurrent.run(4, id -> {
                for (int i = id; i < tasks; i += 4) gates.get(i).open(i);
            });
            long sum = 0;
            for (JoinHandle<Integer> h : hs) sum += ex.blockOn(h);
            assertEquals((long) tasks * (tasks - 1) / 2, sum);
        }
    }
}
