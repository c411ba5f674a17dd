package dev.ratchet.internal.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.testsupport.Concurrent;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A task's wake of itself during its own poll on a {@link PollingThread} is a note folded into
 * the end-of-poll CAS: it must behave exactly like the atomic wake it replaces — one more poll
 * however many self-wakes, coalescing with other threads' wakes, never lost.
 */
@Timeout(60)
class PollingThreadTest {
    /** A polling thread that runs what the test's scheduler queues, until told to stop. */
    private static final class Runner extends PollingThread {
        final ManualScheduler scheduler = new ManualScheduler();
        volatile boolean stop;
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        Runner() {
            super("polling-thread-test");
        }

        @Override
        public void run() {
            try {
                while (!stop) {
                    Task<?> t = scheduler.queue.poll(1, java.util.concurrent.TimeUnit.MILLISECONDS);
                    if (t != null && pollOnce(t)) scheduler.schedule(t);
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        }
    }

    /** A polling thread that polls one queued entry per {@link #step()}, so tests see each state. */
    private static final class StepRunner extends PollingThread {
        final ManualScheduler scheduler = new ManualScheduler();
        private final java.util.concurrent.SynchronousQueue<Boolean> steps = new java.util.concurrent.SynchronousQueue<>();
        private final java.util.concurrent.SynchronousQueue<Boolean> stepped = new java.util.concurrent.SynchronousQueue<>();

        StepRunner() {
            super("polling-thread-step");
            setDaemon(true);
            start();
        }

        @Override
        public void run() {
            try {
                while (steps.take()) {
                    Task<?> t = scheduler.queue.poll();
                    if (t != null && pollOnce(t)) scheduler.schedule(t);
                    stepped.put(t != null);
                }
            } catch (InterruptedException e) {
                // stop
            }
        }

        /** Polls the next queued entry on this thread; returns whether there was one. */
        boolean step() throws InterruptedException {
            steps.put(true);
            return stepped.take();
        }

        void finish() throws InterruptedException {
            steps.put(false);
            join();
        }
    }

    /** A future that wakes itself on its first poll only, counting polls and cancel() calls. */
    private static final class YieldOnce implements Future<Integer> {
        final AtomicInteger polls = new AtomicInteger();
        final AtomicInteger cancels = new AtomicInteger();

        @Override
        public Poll<Integer> poll(Context cx) {
            int n = polls.incrementAndGet();
            if (cancels.get() > 0) throw new java.util.concurrent.CancellationException("cancelled at poll " + n);
            if (n == 1) cx.waker().wake();
            return Poll.pending();
        }

        @Override
        public void cancel() {
            cancels.incrementAndGet();
        }
    }

    /** A task of {@code f} whose first poll (it wakes itself) left it queued as a held entry. */
    private static Task<Integer> heldEntry(StepRunner runner, YieldOnce f) throws InterruptedException {
        Task<Integer> task = Task.create(f, null, runner.scheduler);
        runner.scheduler.schedule(task);
        assertTrue(runner.step()); // poll 1 wakes itself: re-queued as a held entry
        assertEquals(1, runner.scheduler.queue.size());
        return task;
    }

    @Test
    void aWakeWhileAHeldEntryIsQueuedCoalescesWithIt() throws Exception {
        StepRunner runner = new StepRunner();
        YieldOnce f = new YieldOnce();
        Task<Integer> task = heldEntry(runner, f);
        assertTrue(task.isRunning(), "a held entry keeps RUNNING: " + task);
        task.wake(); // from another thread: the entry already owes the poll
        task.wake();
        assertEquals(2, runner.scheduler.scheduled.get(), "no second entry: " + task);
        assertTrue(runner.step()); // poll 2: no self-wake, goes idle
        assertEquals(2, f.polls.get());
        assertFalse(runner.step(), "the wakes while queued added no poll");
        assertFalse(task.isRunning() || task.isScheduled(), "idle: " + task);
        task.wake(); // an idle task is queued again
        assertEquals(3, runner.scheduler.scheduled.get());
        assertTrue(runner.step());
        assertEquals(3, f.polls.get());
        runner.finish();
    }

    @Test
    void anAbortWhileAHeldEntryIsQueuedIsDeliveredByItsPoll() throws Exception {
        StepRunner runner = new StepRunner();
        YieldOnce f = new YieldOnce();
        Task<Integer> task = heldEntry(runner, f);
        task.abort();
        assertEquals(2, runner.scheduler.scheduled.get(), "abort adds no entry to a held one");
        assertTrue(runner.step());
        assertEquals(1, f.cancels.get(), "cancel() delivered once, before the poll");
        assertTrue(task.isComplete());
        java.util.concurrent.CancellationException e =
                org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class, task::resultNow);
        assertEquals("cancelled at poll 2", e.getMessage());
        assertFalse(runner.step());
        runner.finish();
    }

    @Test
    void manySelfWakesInOnePollGiveExactlyOneMorePoll() throws Exception {
        Runner runner = new Runner();
        AtomicInteger polls = new AtomicInteger();
        Task<Integer> task = Task.create(new Future<Integer>() {
            @Override
            public Poll<Integer> poll(Context cx) {
                assertTrue(Thread.currentThread() == runner, "polled on the runner");
                int n = polls.incrementAndGet();
                if (n == 5) return Poll.ready(n);
                for (int i = 0; i < 3; i++) cx.waker().wake();
                return Poll.pending();
            }
        }, null, runner.scheduler);
        runner.scheduler.schedule(task);
        runner.start();
        assertTrue(Concurrent.eventually(10_000, task::isComplete), "task completed");
        runner.stop = true;
        runner.join();
        assertEquals(5, task.resultNow());
        assertEquals(5, polls.get(), "three self-wakes per poll, one more poll each time");
        // One schedule to start plus one re-queue per pending poll; none went through wake().
        assertEquals(5, runner.scheduler.scheduled.get());
        assertEquals(null, runner.failure.get());
    }

    /**
     * The note lives in a holder the thread replaces every {@link PollingThread#MARK_POLLS} polls
     * (it must stay young for G1): across replacements, every self-wake is still absorbed — the
     * re-queued entry is a held one, still {@code RUNNING} — and gives exactly one more poll.
     */
    @Test
    void selfWakesAreAbsorbedAcrossReplacementsOfTheHolder() throws Exception {
        StepRunner runner = new StepRunner();
        int last = 2 * PollingThread.MARK_POLLS + 3;
        AtomicInteger polls = new AtomicInteger();
        Task<Integer> task = Task.create(new Future<Integer>() {
            @Override
            public Poll<Integer> poll(Context cx) {
                int n = polls.incrementAndGet();
                if (n == last) return Poll.ready(n);
                cx.waker().wake();
                return Poll.pending();
            }
        }, null, runner.scheduler);
        runner.scheduler.schedule(task);
        for (int n = 1; n < last; n++) {
            assertTrue(runner.step());
            assertTrue(task.isRunning(), "poll " + n + " re-queued a held entry: " + task);
        }
        assertTrue(runner.step());
        assertEquals(last, task.resultNow());
        assertEquals(last, runner.scheduler.scheduled.get(), "one entry per poll, none from wake()");
        assertFalse(runner.step());
        runner.finish();
    }

    @Test
    void aSelfWakeOfAnotherTaskIsAnOrdinaryWake() throws Exception {
        Runner runner = new Runner();
        AtomicInteger otherPolls = new AtomicInteger();
        Task<Integer> other = Task.create(cx -> Poll.ready(otherPolls.incrementAndGet()), null, runner.scheduler);
        // `other` starts idle-notified; run it first so that it is idle and only a wake requeues it.
        Task<Integer> waker = Task.create(new Future<Integer>() {
            int n;

            @Override
            public Poll<Integer> poll(Context cx) {
                n++;
                if (n == 1) {
                    other.wake(); // from this poll, on the runner: not a self-wake
                    return Poll.ready(n);
                }
                return Poll.ready(n);
            }
        }, null, runner.scheduler);
        runner.scheduler.schedule(other);
        runner.scheduler.schedule(waker);
        runner.start();
        assertTrue(Concurrent.eventually(10_000, () -> other.isComplete() && waker.isComplete()));
        runner.stop = true;
        runner.join();
        assertEquals(1, otherPolls.get(), "waking a task that is queued or complete adds no poll");
        assertEquals(null, runner.failure.get());
    }

    @Test
    void selfWakesAndOtherThreadsWakesAreNeverLost() throws Exception {
        for (int rep = 0; rep < 20; rep++) {
            Runner runner = new Runner();
            AtomicBoolean inPoll = new AtomicBoolean();
            AtomicBoolean overlap = new AtomicBoolean();
            AtomicBoolean done = new AtomicBoolean();
            AtomicInteger polls = new AtomicInteger();
            AtomicInteger selfWakes = new AtomicInteger();
            Task<Integer> task = Task.create(new Future<Integer>() {
                @Override
                public Poll<Integer> poll(Context cx) {
                    if (!inPoll.compareAndSet(false, true)) overlap.set(true);
                    try {
                        polls.incrementAndGet();
                        if (done.get()) return Poll.ready(polls.get());
                        ThreadLocalRandom r = ThreadLocalRandom.current();
                        if (r.nextBoolean()) {
                            selfWakes.incrementAndGet();
                            cx.waker().wake();
                        }
                        for (int spin = r.nextInt(50); spin > 0; spin--) Thread.onSpinWait();
                        return Poll.pending();
                    } finally {
                        inPoll.set(false);
                    }
                }
            }, null, runner.scheduler);
            runner.scheduler.schedule(task);
            runner.start();
            int threads = 3, wakesEach = 2_000;
            Concurrent.run(threads, t -> {
                for (int i = 0; i < wakesEach; i++) {
                    task.wake();
                    if ((i & 63) == 0) Thread.yield();
                }
            });
            done.set(true);
            task.wake(); // the last wake must cause a poll that sees done
            assertTrue(Concurrent.eventually(10_000, task::isComplete), "a wake was lost: task still pending after "
                    + polls.get() + " polls");
            runner.stop = true;
            runner.join();
            assertFalse(overlap.get(), "two polls overlapped");
            assertTrue(polls.get() <= 1 + threads * wakesEach + 1 + selfWakes.get(),
                    "more polls than wakes: " + polls.get());
            assertEquals(null, runner.failure.get());
        }
    }
}
