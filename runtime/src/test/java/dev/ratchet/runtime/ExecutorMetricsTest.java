package dev.ratchet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.testsupport.Concurrent;
import dev.ratchet.testsupport.TestFutures;
import dev.ratchet.testsupport.TestFutures.Yield;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Executor#metrics()}: the counters add up under concurrent load. */
@Timeout(60)
class ExecutorMetricsTest {
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static final int SPAWNERS = 4;
    private static final int TASKS_PER_SPAWNER = 2_000;
    private static final int YIELDS = 2;

    private static Executor.Builder builder() {
        // Long-poll detection off: on a loaded 2-core machine a preempted poll may exceed any
        // short threshold, and this test is about the counters.
        return Executor.builder().threadNamePrefix("metricstest-" + PREFIXES.incrementAndGet()).maxBlockingThreads(2)
                .longPollThreshold(Duration.ZERO);
    }

    @Test
    void countersAddUpWhenFourThreadsSpawnOnTwoWorkers() throws Exception {
        try (Executor ex = builder().workers(2).buildMultiThreaded()) {
            ExecutorMetrics before = ex.metrics();
            assertEquals(2, before.workers());
            assertEquals(0, before.tasksSpawned());
            assertEquals(List.of(0, 0), before.localQueueDepths());

            ConcurrentLinkedQueue<JoinHandle<Integer>> handles = new ConcurrentLinkedQueue<>();
            Concurrent.run(SPAWNERS, thread -> {
                for (int i = 0; i < TASKS_PER_SPAWNER; i++) handles.add(ex.spawn(new Yield<>(YIELDS, 1)));
            });
            long sum = 0;
            for (JoinHandle<Integer> h : handles) sum += ex.blockOn(h);
            int outside = SPAWNERS * TASKS_PER_SPAWNER;
            assertEquals(outside, sum);
            // One more task that spawns 100 children from a worker, each yielding YIELDS times.
            assertEquals(4950L, ex.blockOn(ex.spawn(new TestFutures.SpawnAndSum(100, YIELDS))));
            int total = outside + 1 + 100;
            assertTrue(Concurrent.eventually(5_000, () -> ex.metrics().liveTasks() == 0), "tasks still live");

            ExecutorMetrics m = ex.metrics();
            assertEquals(total, m.tasksSpawned());
            // Each Yield task: one first poll plus one per yield; the parent at least once (once
            // only when the other worker stole and finished every child before the parent looked).
            assertTrue(m.polls() >= (long) (outside + 100) * (YIELDS + 1) + 1, "polls " + m.polls());
            // Spawns from the test threads (and the parent's spawn) went through the shared queue.
            assertTrue(m.schedulesFromOutside() >= outside + 1, "from outside " + m.schedulesFromOutside());
            // Every yield is re-queued by its worker; the 100 children were spawned on a worker.
            assertTrue(m.schedulesFromWorkers() >= (long) (outside + 100) * YIELDS + 100,
                    "from workers " + m.schedulesFromWorkers());
            // Every poll but a task's first was caused by a schedule counted on one side or the other.
            assertTrue(m.polls() <= m.tasksSpawned() + m.schedulesFromWorkers() + m.schedulesFromOutside(),
                    "more polls than spawns and schedules: " + m);
            assertEquals(List.of(0, 0), m.localQueueDepths());
            assertEquals(0, m.injectQueueDepth());
            assertEquals(0, m.longPolls());
            assertTrue(m.steals() >= 0 && m.parks() >= 0, m.toString());
        }
    }

    @Test
    void queueDepthsShowTasksWaitingForTheDriver() {
        try (Executor ex = builder().buildCurrentThread()) {
            List<JoinHandle<Integer>> handles = new ArrayList<>();
            for (int i = 0; i < 10; i++) handles.add(ex.spawn(new Yield<>(1, i)));
            ExecutorMetrics queued = ex.metrics();
            assertEquals(1, queued.workers());
            assertEquals(10, queued.liveTasks());
            assertEquals(10, queued.injectQueueDepth(), "spawned from outside, nobody drives: " + queued);
            assertEquals(10, queued.schedulesFromOutside());
            assertEquals(0, queued.polls());

            int sum = 0;
            for (JoinHandle<Integer> h : handles) sum += ex.blockOn(h);
            assertEquals(45, sum);
            ExecutorMetrics m = ex.metrics();
            assertEquals(0, m.liveTasks());
            assertEquals(10, m.tasksSpawned());
            assertEquals(0, m.injectQueueDepth());
            assertEquals(List.of(0), m.localQueueDepths());
            // 10 tasks polled twice each, plus at least one root poll per blockOn.
            assertTrue(m.polls() >= 20 + 10, "polls " + m.polls());
            assertEquals(10, m.schedulesFromWorkers(), "each yield re-queued once by the driver");
            assertTrue(m.parks() >= 0);
        }
    }

    @Test
    void blockingThreadsAreCounted() {
        try (Executor ex = builder().workers(1).buildMultiThreaded()) {
            assertEquals(0, ex.metrics().blockingThreads());
            assertEquals(3, ex.blockOn(TestFutures.blocking(() -> 3)));
            assertEquals(1, ex.metrics().blockingThreads(), "the blocking thread stays alive for its keep-alive");
        }
    }
}
