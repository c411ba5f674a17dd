package dev.ratchet.internal.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.Waker;
import dev.ratchet.testsupport.Concurrent;
import dev.ratchet.testsupport.TestFutures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TaskTest {
    private final ManualScheduler scheduler = new ManualScheduler();

    private <T> Task<T> spawn(Future<T> f) {
        Task<T> t = Task.create(f, null, scheduler);
        scheduler.schedule(t);
        return t;
    }

    @Test
    void theTaskIsItsOwnWakerAndWakesDuringAPollCauseOneMorePoll() {
        List<Object> wakers = new ArrayList<>();
        int[] polls = {0};
        Task<String> task = spawn(cx -> {
            wakers.add(cx.waker());
            if (polls[0]++ == 0) {
                cx.waker().wake();
                cx.waker().wake();
                return Poll.pending();
            }
            return Poll.ready("x");
        });
        assertEquals(2, scheduler.drain());
        assertEquals(2, polls[0]);
        assertSame(task, wakers.get(0), "no waker allocated per poll: the task itself");
        assertSame(wakers.get(0), wakers.get(1));
        assertEquals("x", task.resultNow());
    }

    @Test
    void idsIncreaseInCreationOrderAndNamesShowInToString() {
        Task<Void> a = Task.create(cx -> Poll.ready(null), "alpha", scheduler);
        Task<Void> b = Task.create(cx -> Poll.ready(null), null, scheduler);
        assertTrue(b.id() > a.id());
        assertEquals("alpha", a.name());
        assertNull(b.name());
        // A new task is held by the entry its creator owes it: RUNNING (see TaskState).
        assertEquals("Task#" + b.id() + "[RUNNING]", b.toString());
        assertEquals("Task#" + a.id() + "(alpha)[RUNNING]", a.toString());
        assertTrue(a.handle().toString().contains("alpha"));
    }

    @Test
    void budgetIsRefilledAtEveryPoll() {
        List<Integer> budgets = new ArrayList<>();
        scheduler.budget = 7;
        Task<Void> task = Task.create(cx -> {
            budgets.add(cx.budgetRemaining());
            for (int i = 0; i < 5; i++) cx.consumeBudget();
            if (budgets.size() < 3) {
                cx.waker().wake();
                return Poll.pending();
            }
            return Poll.ready(null);
        }, null, scheduler);
        scheduler.schedule(task);
        scheduler.drain();
        assertEquals(List.of(7, 7, 7), budgets);
    }

    /** Between polls the budget field holds the last poll's clock tick (a dump reads it). */
    @Test
    void eachPollThatReturnsPendingStampsTheTaskWithTheSchedulersTick() {
        List<Integer> budgetsSeenInPolls = new ArrayList<>();
        scheduler.budget = 9;
        Task<Void> task = Task.create(cx -> {
            budgetsSeenInPolls.add(cx.budgetRemaining());
            return budgetsSeenInPolls.size() < 3 ? Poll.pending() : Poll.ready(null);
        }, null, scheduler);
        assertEquals(dev.ratchet.internal.diag.CoarseClock.NEVER, task.lastPollStamp(), "never polled");
        scheduler.stamp = 1234;
        scheduler.schedule(task);
        scheduler.drain();
        assertEquals(1234, task.lastPollStamp());
        scheduler.stamp = 1300;
        task.wake();
        scheduler.drain();
        assertEquals(1300, task.lastPollStamp());
        assertEquals(List.of(9, 9), budgetsSeenInPolls, "every poll still starts with a full budget");
        assertTrue(task.futureIfLive() != null);
        task.wake();
        scheduler.drain();
        assertTrue(task.isComplete());
        assertNull(task.futureIfLive(), "no future once complete");
    }

    @Test
    void failureIsKeptAndRethrownAsTheSameObject() {
        IOException boom = new IOException("boom");
        Task<String> task = spawn(TestFutures.failing(boom));
        scheduler.drain();
        assertTrue(task.handle().isFinished());
        IOException thrown = assertThrows(IOException.class, () -> task.handle().poll(Context.of(Waker.noop())));
        assertSame(boom, thrown);
        assertEquals(1, scheduler.released.get());
    }

    @Test
    void abortBeforeFirstPollDeliversCancelThenPollsCleanup() {
        ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
        Task<Void> task = spawn(new TestFutures.CleanupProbe("p", log, null));
        task.abort(); // still queued: coalesces with the pending submission
        assertEquals(1, scheduler.drain());
        assertEquals(List.of("cleanup p"), List.copyOf(log));
        assertThrows(CancellationException.class, () -> task.handle().poll(Context.of(Waker.noop())));
    }

    @Test
    void abortOfAnIdleTaskWakesItForCleanup() {
        ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
        Task<Void> task = spawn(new TestFutures.CleanupProbe("p", log, null));
        scheduler.drain();
        assertFalse(task.isComplete());
        task.handle().abort();
        assertEquals(1, scheduler.drain());
        assertEquals(List.of("cleanup p"), List.copyOf(log));
        assertTrue(task.handle().isFinished());
        task.abort(); // after completion: nothing
        assertEquals(0, scheduler.drain());
    }

    @Test
    void cancelThatThrowsCompletesTheTaskWithThatException() {
        IllegalStateException bad = new IllegalStateException("bad cancel");
        AtomicInteger polls = new AtomicInteger();
        Task<Void> task = spawn(new Future<>() {
            @Override
            public Poll<Void> poll(Context cx) {
                polls.incrementAndGet();
                return Poll.pending();
            }

            @Override
            public void cancel() {
                throw bad;
            }
        });
        scheduler.drain();
        task.abort();
        scheduler.drain();
        assertEquals(1, polls.get(), "no poll after cancel() failed");
        assertSame(bad, assertThrows(IllegalStateException.class, task::resultNow));
    }

    @Test
    void aFutureThatIgnoresCancelCompletesWithItsValue() {
        TestFutures.Gate<String> gate = new TestFutures.Gate<>();
        Task<String> task = spawn(gate);
        scheduler.drain();
        task.abort();
        scheduler.drain();
        assertFalse(task.isComplete(), "cancellation is cooperative");
        gate.open("late");
        scheduler.drain();
        assertEquals("late", task.resultNow());
    }

    @Test
    void shutdownDrivesCleanupOrGivesUpWhenNothingWillWakeTheTask() {
        ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
        Task<Void> probe = spawn(new TestFutures.CleanupProbe("p", log, null));
        Task<String> stubborn = spawn(new TestFutures.Gate<>()); // ignores cancel, nobody opens it
        scheduler.drain();
        assertFalse(probe.shutdownStart(10), "the probe completes its cleanup at once");
        assertTrue(stubborn.shutdownStart(10), "the gate stays pending");
        assertFalse(stubborn.wokenDuringShutdown());
        stubborn.shutdownAbandon();
        assertEquals(List.of("cleanup p"), List.copyOf(log));
        assertThrows(CancellationException.class, probe::resultNow);
        CancellationException e = assertThrows(CancellationException.class, stubborn::resultNow);
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void shutdownPollsAgainWhileTheCleanupWakesItself() {
        int[] polls = {0};
        Task<String> task = spawn(new Future<>() {
            boolean cancelled;

            @Override
            public Poll<String> poll(Context cx) {
                polls[0]++;
                if (!cancelled) return Poll.pending();
                if (polls[0] < 5) { // a cleanup that yields a few times
                    cx.waker().wake();
                    return Poll.pending();
                }
                return Poll.ready("cleaned");
            }

            @Override
            public void cancel() {
                cancelled = true;
            }
        });
        scheduler.drain();
        assertFalse(task.shutdownStart(100));
        assertEquals(5, polls[0]);
        assertEquals("cleaned", task.resultNow());
    }

    /**
     * The join waker cell: one thread completes the task while another polls the handle with a
     * fresh waker. Whenever the poll returned pending, the waker must have been woken. 20_000 reps.
     */
    @Test
    void joinHandleNeverLosesTheCompletionWake() throws Exception {
        final int reps = 20_000;
        CyclicBarrier barrier = new CyclicBarrier(2);
        List<Task<Integer>> tasks = new ArrayList<>(reps);
        for (int i = 0; i < reps; i++) {
            int v = i;
            tasks.add(Task.create(cx -> Poll.ready(v), null, scheduler));
        }
        AtomicInteger lost = new AtomicInteger();
        Concurrent.run(2, id -> {
            for (int i = 0; i < reps; i++) {
                barrier.await();
                if (id == 0) {
                    tasks.get(i).run();
                } else {
                    AtomicInteger woken = new AtomicInteger();
                    Poll<Integer> p = tasks.get(i).handle().poll(Context.of(woken::incrementAndGet));
                    if (p.isPending()) {
                        // the completer finishes within this rep: wait for its wake
                        long deadline = System.nanoTime() + 5_000_000_000L;
                        while (woken.get() == 0 && System.nanoTime() < deadline) Thread.onSpinWait();
                        if (woken.get() == 0) lost.incrementAndGet();
                    } else if (p.value() != i) {
                        throw new AssertionError("wrong value " + p.value() + " for rep " + i);
                    }
                }
            }
        });
        assertEquals(0, lost.get());
    }
}
