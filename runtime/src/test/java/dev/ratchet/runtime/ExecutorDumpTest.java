package dev.ratchet.runtime;

import static dev.ratchet.testsupport.DebugFutures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Poll;
import dev.ratchet.debug.Diagnostics;
import dev.ratchet.debug.TaskDump;
import dev.ratchet.debug.TaskDump.State;
import dev.ratchet.debug.TaskDump.TaskInfo;
import dev.ratchet.testsupport.Concurrent;
import dev.ratchet.testsupport.DebugFutures.Blocker;
import dev.ratchet.testsupport.DebugFutures.TracedGate;
import dev.ratchet.testsupport.TestFutures;
import dev.ratchet.testsupport.TestFutures.Yield;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Executor#dump()} and {@link Diagnostics}: what a dump says about a known program. */
@Timeout(60)
class ExecutorDumpTest {
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static final StackTraceElement WAITER_AT = at("demo.Waiter", "waitForIt", "Waiter.java", 42);

    private static String newPrefix() {
        return "dumptest-" + PREFIXES.incrementAndGet();
    }

    private static TaskInfo named(TaskDump dump, String name) {
        return dump.find(name).orElseThrow(() -> new AssertionError("no task " + name + " in\n" + dump));
    }

    @Test
    void aDumpShowsEachLiveTaskWithItsStateAndBacktraceAndDropsCompletedOnes() throws Exception {
        String prefix = newPrefix();
        try (Executor ex = Executor.builder().threadNamePrefix(prefix).workers(2).buildMultiThreaded()) {
            TracedGate<String> gate = new TracedGate<>(WAITER_AT, "Channel.recv() on bounded(1) channel, empty");
            JoinHandle<String> waiter = ex.spawn("waiter", gate);
            Blocker blocker = new Blocker(3);
            JoinHandle<Integer> busy = ex.spawn("busy", blocker);
            assertEquals(1, ex.blockOn(ex.spawn("quick", new Yield<>(2, 1))));
            blocker.entered.await();
            assertTrue(Concurrent.eventually(5_000, () -> {
                TaskInfo w = ex.dump().find("waiter").orElse(null);
                return w != null && w.state() == State.SUSPENDED && w.sinceLastPoll() != null;
            }), "waiter never showed as suspended after a poll");

            TaskDump dump = ex.dump();
            assertEquals(prefix, dump.executor());
            assertEquals(List.of("waiter", "busy"), dump.tasks().stream().map(TaskInfo::name).toList(),
                    "live tasks in id order, the completed one gone:\n" + dump);
            TaskInfo w = named(dump, "waiter");
            assertEquals(((dev.ratchet.internal.task.Task<?>) waiter).id(), w.id());
            assertEquals(WAITER_AT, w.backtrace().location());
            assertEquals(List.of(WAITER_AT), w.locations());
            assertEquals("Channel.recv() on bounded(1) channel, empty", w.chain().get(1).description());
            TaskInfo b = named(dump, "busy");
            assertEquals(State.RUNNING, b.state());
            assertNotNull(b.sinceLastPoll(), "a running task shows how long its poll has run");
            String text = dump.toString();
            assertTrue(text.contains("Task#" + w.id() + " \"waiter\" SUSPENDED, last polled "), text);
            assertTrue(text.contains("at demo.Waiter.waitForIt(Waiter.java:42)"), text);
            assertTrue(text.contains("\"busy\" RUNNING, polling for "), text);

            blocker.release();
            assertEquals(3, ex.blockOn(busy));
            gate.open("done");
            assertEquals("done", ex.blockOn(waiter));
            assertTrue(Concurrent.eventually(5_000, () -> ex.dump().tasks().isEmpty()), "completed tasks stay listed");
        }
    }

    @Test
    void timeSinceLastPollGrowsWhileATaskWaits() throws Exception {
        try (Executor ex = Executor.builder().threadNamePrefix(newPrefix()).workers(2).buildMultiThreaded()) {
            TracedGate<String> gate = new TracedGate<>(WAITER_AT, "leaf");
            JoinHandle<String> waiter = ex.spawn("waiter", gate);
            assertTrue(Concurrent.eventually(5_000, () -> named(ex.dump(), "waiter").sinceLastPoll() != null));
            Duration first = named(ex.dump(), "waiter").sinceLastPoll();
            Thread.sleep(120); // the quantity under test is elapsed time
            Duration second = named(ex.dump(), "waiter").sinceLastPoll();
            long grown = second.minus(first).toMillis();
            // Each dump refreshes the clock, so the growth is the time between the dumps, to the ms.
            assertTrue(grown >= 115, "sinceLastPoll grew by " + grown + " ms over a 120 ms wait");
            gate.open("x");
            assertEquals("x", ex.blockOn(waiter));
        }
    }

    @Test
    void currentThreadExecutorShowsScheduledTasksAndTheRunningBlockOnRoot() {
        try (Executor ex = Executor.builder().threadNamePrefix(newPrefix()).buildCurrentThread()) {
            JoinHandle<Integer> queued = ex.spawn("queued", new Yield<>(0, 5));
            TaskInfo before = named(ex.dump(), "queued");
            assertEquals(State.SCHEDULED, before.state(), "nobody drives the executor: the task waits in its queue");
            assertNull(before.sinceLastPoll(), "never polled");

            AtomicReference<TaskDump> inside = new AtomicReference<>();
            ex.blockOn(cx -> {
                inside.set(ex.dump()); // the root's first poll runs before any task
                return Poll.ready(null);
            });
            TaskDump d = inside.get();
            TaskInfo root = d.tasks().get(0);
            assertEquals(0, root.id());
            assertEquals("blockOn", root.name());
            assertEquals(State.RUNNING, root.state());
            assertEquals(State.SCHEDULED, named(d, "queued").state());

            assertEquals(5, ex.blockOn(queued));
            assertTrue(ex.dump().tasks().isEmpty(), "no blockOn running and no live task:\n" + ex.dump());
        }
    }

    @Test
    void aBlockOnWaitingOnAnotherThreadIsListedAsSuspendedTaskZero() throws Exception {
        try (Executor ex = Executor.builder().threadNamePrefix(newPrefix()).workers(2).buildMultiThreaded()) {
            TracedGate<String> gate = new TracedGate<>(WAITER_AT, "leaf");
            ConcurrentLinkedQueue<Object> results = new ConcurrentLinkedQueue<>();
            Thread blocked = new Thread(() -> results.add(ex.blockOn(gate)), "dumptest-blocked");
            blocked.start();
            assertTrue(Concurrent.eventually(5_000, () -> ex.dump().find("blockOn")
                    .filter(t -> t.state() == State.SUSPENDED && t.sinceLastPoll() != null).isPresent()));
            TaskInfo root = named(ex.dump(), "blockOn");
            assertEquals(0, root.id());
            assertEquals(WAITER_AT, root.backtrace().location());
            gate.open("out");
            blocked.join(10_000);
            assertEquals(List.of("out"), List.copyOf(results));
            assertFalse(ex.dump().find("blockOn").isPresent(), "the root is listed only while blockOn runs");
        }
    }

    @Test
    void diagnosticsDumpsEveryOpenExecutorAndForgetsClosedOnes() {
        String a = newPrefix();
        String b = newPrefix();
        Executor first = Executor.builder().threadNamePrefix(a).workers(1).buildMultiThreaded();
        try (Executor second = Executor.builder().threadNamePrefix(b).buildCurrentThread()) {
            second.spawn("pending-" + b, new TestFutures.Gate<Integer>());
            String all = Diagnostics.dumpAll();
            assertTrue(all.contains("Task dump of " + a + " at "), all);
            assertTrue(all.contains("Task dump of " + b + " at "), all);
            assertTrue(all.indexOf("Task dump of " + a) < all.indexOf("Task dump of " + b), "oldest executor first");
            assertTrue(all.contains("\"pending-" + b + "\" SCHEDULED, never polled"), all);
            first.close();
            String after = Diagnostics.dumpAll();
            assertFalse(after.contains("Task dump of " + a + " at "), after);
            assertTrue(after.contains("Task dump of " + b + " at "), after);
        } finally {
            first.close();
        }
        assertFalse(Diagnostics.dumpAll().contains("Task dump of " + b + " at "));
    }
    /**
     * A task that keeps yielding waits between its polls as a held entry (its word still says
     * RUNNING): a dump must show it RUNNING only while a worker polls it, else SCHEDULED, and
     * never with a "since" made of its budget.
     */
    @Test
    void aTaskThatKeepsYieldingIsRunningOrScheduledNeverStale() throws Exception {
        try (Executor ex = Executor.builder().threadNamePrefix(newPrefix()).workers(1).buildMultiThreaded()) {
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            JoinHandle<Integer> spinner = ex.spawn("spinner", new dev.ratchet.Future<Integer>() {
                int polls;
                dev.ratchet.Future<Void> yield;

                @Override
                public dev.ratchet.Poll<Integer> poll(dev.ratchet.Context cx) {
                    while (!stop.get()) {
                        if (yield == null) yield = dev.ratchet.Futures.yieldNow();
                        if (yield.poll(cx).isPending()) return dev.ratchet.Poll.pending();
                        yield = null;
                        polls++;
                    }
                    return dev.ratchet.Poll.ready(polls);
                }
            });
            int scheduled = 0;
            for (int i = 0; i < 2_000; i++) {
                TaskInfo t = named(ex.dump(), "spinner");
                assertTrue(t.state() == State.RUNNING || t.state() == State.SCHEDULED, t.toString());
                if (t.sinceLastPoll() != null) {
                    assertTrue(t.sinceLastPoll().toMillis() < 10_000, "a stale or garbage since: " + t);
                }
                if (t.state() == State.SCHEDULED) scheduled++;
            }
            stop.set(true);
            assertTrue(ex.blockOn(spinner) > 0);
            assertTrue(scheduled > 0, "the yielding task was never seen waiting in its queue");
        }
    }
}
