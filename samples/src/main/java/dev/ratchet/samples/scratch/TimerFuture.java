package dev.ratchet.samples.scratch;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.Waker;
import java.time.Duration;

/**
 * A future that completes after a delay — the "FutureDelay" / "TimerFuture" of the seeds, written
 * by hand with no processor.
 *
 * <p>The state shared with the timer thread is {@code completed} and the latest {@code waker}.
 * Each poll stores the waker it was given before checking {@code completed}, under one lock, so
 * the timer thread either sees the new waker or the poll sees {@code completed}: no lost wake.
 * (A real runtime would use one timing wheel for all timers; see {@code Futures.sleep}.)
 */
final class TimerFuture implements Future<Void> {
    private boolean completed; // guarded by this
    private Waker waker; // guarded by this

    /** Starts the timer thread now; the future only reports what it did. */
    TimerFuture(Duration delay) {
        Thread timer = new Thread(() -> {
            sleepQuietly(delay);
            Waker toWake;
            synchronized (this) {
                completed = true;
                toWake = waker;
            }
            if (toWake != null) toWake.wake(); // outside the lock: wake may run arbitrary code
        }, "timer-future");
        timer.setDaemon(true);
        timer.start();
    }

    @Override
    public synchronized Poll<Void> poll(Context cx) {
        if (completed) return Poll.ready(null);
        waker = cx.waker(); // the task may have moved: always keep the latest waker
        return Poll.pending();
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
