package dev.ratchet.time;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.debug.TaskDump;
import dev.ratchet.internal.CurrentRuntime;
import dev.ratchet.internal.RuntimeHandle;
import dev.ratchet.internal.time.TimerDriver;
import dev.ratchet.internal.waker.AtomicWaker;
import dev.ratchet.internal.waker.Budget;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * A future that completes once a duration has passed, on a timing wheel (no thread per timer).
 *
 * <pre>{@code
 * @Async
 * void retryLater() {
 *     await(Sleep.of(Duration.ofMillis(100)));
 *     retry();
 * }
 * }</pre>
 *
 * <h2>Semantics</h2>
 * <ul>
 *   <li>The deadline is fixed when the sleep is <em>created</em> ({@code System.nanoTime() +
 *       duration}), as Tokio's {@code sleep(d)} does; creating a sleep and awaiting it later
 *       waits only what remains.
 *   <li>The sleep is lazy: nothing is registered until its first poll, which registers it with
 *       the timer of the executor running the caller, or with {@link TimerDriver#global()} when
 *       polled outside any executor.
 *   <li>It never completes before its deadline: every poll compares against {@code
 *       System.nanoTime()}. It typically completes within a millisecond or two after (the wheel
 *       has 1 ms ticks).
 *   <li>A ready sleep spends one unit of the task's cooperative budget; with the budget spent it
 *       wakes its task and stays pending for one more poll.
 *   <li>A re-poll with a different waker replaces the waker to wake.
 * </ul>
 *
 * <h2>Cancellation</h2>
 * {@link #cancel()} deregisters the timer; the next poll throws {@link CancellationException}.
 * Cancelling a completed sleep does nothing.
 *
 * <p>Threading: polled by one task at a time (the {@link Future} rule); {@code cancel()} may be
 * called from any thread.
 */
public final class Sleep implements Future<Void> {
    /** Longer sleeps are capped here (~100 years: effectively forever) to keep nanoTime arithmetic exact. */
    static final long MAX_NANOS = Duration.ofDays(36_500).toNanos();

    private final long deadlineNanos;
    /** The duration given to {@link #of}, for {@link #toString()}; -1 for {@link #until}. */
    private final long requestedNanos;
    private final AtomicWaker waker = new AtomicWaker();

    /** Written by poll; volatile so that a cancel() from another thread sees it and deregisters. */
    private volatile TimerDriver.TimerEntry entry;
    /** Poll-side state, confined to the polling task (Future rule: never polled concurrently). */
    private boolean completed;
    /** Set by cancel() from any thread; read by poll. */
    private volatile boolean cancelled;

    private Sleep(long deadlineNanos, long requestedNanos) {
        this.deadlineNanos = deadlineNanos;
        this.requestedNanos = requestedNanos;
    }

    /**
     * A sleep that completes {@code duration} after now. Zero completes at its first poll.
     *
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public static Sleep of(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("sleep duration must be >= 0, got " + duration);
        }
        long nanos = toNanosCapped(duration);
        return new Sleep(System.nanoTime() + nanos, nanos);
    }

    /** A sleep that completes once {@link System#nanoTime()} reaches {@code deadlineNanos}. */
    public static Sleep until(long deadlineNanos) {
        return new Sleep(deadlineNanos, -1);
    }

    static long toNanosCapped(Duration d) {
        return d.compareTo(Duration.ofNanos(MAX_NANOS)) > 0 ? MAX_NANOS : d.toNanos();
    }

    /** The {@link System#nanoTime()} at which this sleep completes. */
    public long deadlineNanos() {
        return deadlineNanos;
    }

    /** Whether the deadline has been reached (regardless of polling). */
    public boolean isElapsed() {
        return System.nanoTime() - deadlineNanos >= 0;
    }

    @Override
    public Poll<Void> poll(Context cx) {
        checkPollable();
        if (!Budget.hasBudget(cx)) return Poll.pending();
        Poll<Void> p = pollIgnoringBudget(cx);
        if (p.isReady()) Budget.spend(cx);
        return p;
    }

    /**
     * Polls without looking at the budget: {@link Timeout} uses it so a timeout still fires when
     * the future it guards has spent the whole budget (Tokio does the same).
     */
    Poll<Void> pollIgnoringBudget(Context cx) {
        checkPollable();
        // Register first, then check: a timer firing in between wakes the new waker.
        waker.register(cx.waker());
        TimerDriver.TimerEntry e = entry;
        if (isElapsed()) {
            completed = true;
            if (e != null) e.cancel(); // no-op if it fired; frees the wheel slot if not
            return Poll.ready(null);
        }
        if (e == null || !e.isPending()) {
            // First poll, or the entry fired without the deadline being reached: only when its
            // driver shut down, and then schedule() throws IllegalStateException saying so.
            entry = driver().schedule(deadlineNanos, waker::wake);
        }
        return Poll.pending();
    }

    private void checkPollable() {
        if (completed) throw new IllegalStateException("Sleep polled after it completed");
        if (cancelled) {
            completed = true;
            throw new CancellationException("sleep cancelled");
        }
    }

    private static TimerDriver driver() {
        RuntimeHandle rt = CurrentRuntime.get();
        return rt != null ? rt.timer() : TimerDriver.global();
    }

    /** Deregisters the timer; the next poll throws {@link CancellationException}. */
    @Override
    public void cancel() {
        if (completed) return;
        cancelled = true;
        TimerDriver.TimerEntry e = entry;
        if (e != null) e.cancel();
    }

    /**
     * For task dumps: {@code sleep(50 ms), 12 ms left}, {@code sleep(50 ms), elapsed}, or {@code
     * sleep until deadline, 3 ms left} for {@link #until}.
     */
    @Override
    public String toString() {
        String what = requestedNanos < 0 ? "sleep until deadline" : "sleep(" + TaskDump.format(Duration.ofNanos(requestedNanos)) + ")";
        return what + ", " + (cancelled ? "cancelled" : describeLeft(deadlineNanos));
    }

    /** {@code 12 ms left}, or {@code elapsed} once {@code deadlineNanos} has passed. */
    static String describeLeft(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        return left > 0 ? TaskDump.format(Duration.ofNanos(left)) + " left" : "elapsed";
    }
}
