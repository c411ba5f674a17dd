package dev.ratchet.internal.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.internal.task.TaskState.IdleResult;
import dev.ratchet.internal.task.TaskState.RunResult;
import dev.ratchet.internal.task.TaskState.WakeResult;
import dev.ratchet.testsupport.Concurrent;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TaskStateTest {
    /** A bare state word to drive transitions by hand. */
    private static final class Word extends TaskState {
        Word() {
            super(1);
        }

        @Override
        public dev.ratchet.Waker waker() {
            return dev.ratchet.Waker.noop();
        }
    }

    /** A new word is held by the queue entry its creator owes it (see "Held entries"). */
    @Test
    void newTaskIsHeldAndRunsOnce() {
        Word w = new Word();
        assertEquals(TaskState.RUNNING, w.stateBits());
        assertEquals(WakeResult.DO_NOTHING, w.transitionToNotified(), "already queued: wakes coalesce");
        assertEquals(TaskState.RUNNING | TaskState.NOTIFIED, w.stateBits());
        assertEquals(RunResult.POLL, w.transitionToRunning());
        assertEquals(TaskState.RUNNING, w.stateBits(), "the wake while queued coalesced with the entry");
        assertEquals(IdleResult.IDLE, w.transitionToIdle());
        assertEquals(0, w.stateBits());
    }

    @Test
    void wakeWhileIdleSubmitsOnceAndCoalescesTheRest() {
        Word w = new Word();
        w.transitionToRunning();
        w.transitionToIdle();
        assertEquals(WakeResult.SUBMIT, w.transitionToNotified());
        assertEquals(WakeResult.DO_NOTHING, w.transitionToNotified());
        assertEquals(WakeResult.DO_NOTHING, w.transitionToNotified());
        assertEquals(TaskState.NOTIFIED, w.stateBits());
    }

    @Test
    void wakeDuringPollAsksForExactlyOneMorePoll() {
        Word w = new Word();
        w.transitionToRunning();
        assertEquals(WakeResult.DO_NOTHING, w.transitionToNotified(), "the poller re-queues, not the waker");
        assertEquals(WakeResult.DO_NOTHING, w.transitionToNotified());
        assertEquals(IdleResult.RESCHEDULE, w.transitionToIdle());
        assertEquals(TaskState.NOTIFIED, w.stateBits(), "stays notified while re-queued");
        assertEquals(RunResult.POLL, w.transitionToRunning());
        assertEquals(IdleResult.IDLE, w.transitionToIdle(), "the two wakes caused one extra poll, not two");
    }

    @Test
    void wakeAfterCompletionDoesNothing() {
        Word w = new Word();
        w.transitionToRunning();
        w.transitionToComplete();
        assertTrue(w.isComplete());
        assertEquals(WakeResult.DO_NOTHING, w.transitionToNotified());
        assertEquals(WakeResult.DO_NOTHING, w.transitionToCancelled());
        assertEquals(RunResult.DROP, w.transitionToRunning());
        assertFalse(w.transitionToShutdown());
    }

    @Test
    void abortOfIdleTaskSubmitsItWithTheCancelledBit() {
        Word w = new Word();
        w.transitionToRunning();
        w.transitionToIdle();
        assertEquals(WakeResult.SUBMIT, w.transitionToCancelled());
        assertTrue(w.isCancelRequested());
        assertEquals(RunResult.POLL_CANCELLED, w.transitionToRunning());
    }

    @Test
    void abortDuringPollReschedulesAfterIt() {
        Word w = new Word();
        w.transitionToRunning();
        assertEquals(WakeResult.DO_NOTHING, w.transitionToCancelled());
        assertEquals(IdleResult.RESCHEDULE, w.transitionToIdle());
        assertEquals(RunResult.POLL_CANCELLED, w.transitionToRunning());
    }

    @Test
    void shutdownTakesOverAQueuedTaskAndSeesWakesDuringItsPolls() {
        Word w = new Word(); // NOTIFIED: as if in a discarded queue
        assertTrue(w.transitionToShutdown());
        assertEquals(TaskState.RUNNING | TaskState.CANCELLED, w.stateBits());
        assertFalse(w.takeNotifiedWhileRunning());
        w.transitionToNotified();
        assertTrue(w.takeNotifiedWhileRunning());
        assertFalse(w.takeNotifiedWhileRunning());
    }

    /**
     * 8 threads x 100_000 wakes against one task polled by 2 runner threads. Each wake bumps a
     * counter first; every poll records the counter. Asserts: no two polls overlap; after the
     * wakers stop, the last poll saw the final counter (no wake lost); each submission caused
     * one poll; no poll after completion.
     */
    @Test
    void concurrentWakesNeverOverlapPollsNorGetLost() throws Exception {
        final int wakers = 8;
        final int wakesPerThread = 100_000;
        ManualScheduler scheduler = new ManualScheduler();
        AtomicLong counter = new AtomicLong();
        AtomicInteger inPoll = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger polls = new AtomicInteger();
        AtomicInteger pollsAfterReady = new AtomicInteger();
        AtomicBoolean finish = new AtomicBoolean();
        boolean[] returnedReady = new boolean[1]; // only touched inside polls: ordered by the state word
        long[] lastSeen = new long[1];

        Future<String> future = new Future<>() {
            @Override
            public Poll<String> poll(Context cx) {
                if (inPoll.incrementAndGet() != 1) overlaps.incrementAndGet();
                try {
                    if (returnedReady[0]) pollsAfterReady.incrementAndGet();
                    polls.incrementAndGet();
                    lastSeen[0] = counter.get();
                    if (finish.get()) {
                        returnedReady[0] = true;
                        return Poll.ready("done");
                    }
                    return Poll.pending();
                } finally {
                    inPoll.decrementAndGet();
                }
            }
        };
        Task<String> task = Task.create(future, "stress", scheduler);
        scheduler.schedule(task);

        AtomicBoolean stopRunners = new AtomicBoolean();
        Thread[] runners = new Thread[2];
        for (int i = 0; i < runners.length; i++) {
            runners[i] = new Thread(() -> {
                try {
                    while (!stopRunners.get() || !scheduler.queue.isEmpty()) {
                        Task<?> t = scheduler.queue.poll(1, TimeUnit.MILLISECONDS);
                        if (t != null && t.run()) scheduler.schedule(t);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "runner-" + i);
            runners[i].start();
        }

        Concurrent.run(wakers, id -> {
            for (int i = 0; i < wakesPerThread; i++) {
                counter.incrementAndGet();
                task.wake();
            }
        });
        // All wakes are done: wait until the task is idle and nothing is queued.
        assertTrue(Concurrent.eventually(10_000, () -> scheduler.queue.isEmpty() && task.stateBits() == 0),
                "task did not settle: " + task);
        int pollsBeforeFinish = polls.get();
        int submissions = scheduler.scheduled.get();
        assertEquals(0, overlaps.get(), "two polls overlapped");
        assertEquals((long) wakers * wakesPerThread, counter.get());
        assertEquals(counter.get(), lastSeen[0], "a wake was not followed by a poll that saw it");
        assertEquals(submissions, pollsBeforeFinish, "each submission causes exactly one poll");
        assertTrue(pollsBeforeFinish <= wakers * wakesPerThread + 1);

        finish.set(true);
        task.wake();
        assertTrue(Concurrent.eventually(10_000, task::isComplete));
        assertEquals("done", task.resultNow());
        int pollsAtCompletion = polls.get();
        Concurrent.run(4, id -> {
            for (int i = 0; i < 10_000; i++) task.wake();
        });
        stopRunners.set(true);
        for (Thread r : runners) r.join();
        assertEquals(pollsAtCompletion, polls.get(), "polled after completion");
        assertEquals(0, pollsAfterReady.get());
        assertEquals(0, overlaps.get());
        assertEquals(1, scheduler.released.get(), "released exactly once");
    }
}
