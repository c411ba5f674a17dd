package dev.ratchet.time;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.debug.TaskDump;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * A ticker: successive {@link #tick()} futures complete at {@code start}, {@code start + period},
 * {@code start + 2·period}, ... where {@code start} is the creation time. The first tick
 * completes at once (as Tokio's {@code interval}).
 *
 * <pre>{@code
 * Interval every = Interval.of(Duration.ofSeconds(1));
 * while (running) {
 *     await(every.tick());
 *     report();
 * }
 * }</pre>
 *
 * <h2>Missed ticks: burst</h2>
 * Ticks are scheduled on the fixed grid {@code start + k·period}, never re-based: when the task
 * falls behind (slow work, a busy executor), the missed ticks complete immediately one after the
 * other until it has caught up, and then the grid continues. This is Tokio's default
 * {@code MissedTickBehavior::Burst}; it keeps the long-run rate exact.
 *
 * <h2>Threading and cancellation</h2>
 * An interval belongs to one task: take one tick future at a time. Cancelling a tick future
 * consumes no tick (the next {@code tick()} waits for the same one); its next poll throws
 * {@link CancellationException}.
 */
public final class Interval {
    private final long periodNanos;
    private final Duration period;
    private final long startNanos;
    private final Instant startInstant;
    /** Index of the next tick to complete; confined to the owning task. */
    private long next;

    private Interval(Duration period) {
        this.period = period;
        this.periodNanos = period.toNanos();
        this.startNanos = System.nanoTime();
        this.startInstant = Instant.now();
    }

    /**
     * An interval ticking every {@code period}, starting now.
     *
     * @throws IllegalArgumentException if {@code period} is zero or negative, or over ~100 years
     */
    public static Interval of(Duration period) {
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("interval period must be > 0, got " + period);
        }
        if (period.compareTo(Duration.ofNanos(Sleep.MAX_NANOS)) > 0) {
            throw new IllegalArgumentException("interval period must be at most 36500 days, got " + period);
        }
        return new Interval(period);
    }

    /** The period. */
    public Duration period() {
        return period;
    }

    /**
     * A future for the next tick. It completes with the tick's scheduled time as a wall-clock
     * {@link Instant} (creation instant {@code + k·period}; the timing itself uses {@link
     * System#nanoTime()}).
     */
    public Future<Instant> tick() {
        return new Tick();
    }

    private final class Tick implements Future<Instant> {
        private Sleep sleep;
        /** The tick this future waits for, fixed by its first poll; -1 before (it is then {@link #next}). */
        private long index = -1;
        private boolean done;

        @Override
        public Poll<Instant> poll(Context cx) {
            if (done) throw new IllegalStateException("Interval tick polled after it completed");
            if (sleep == null) {
                index = next;
                sleep = Sleep.until(startNanos + next * periodNanos);
            }
            Poll<Void> p;
            try {
                p = sleep.poll(cx);
            } catch (CancellationException e) {
                done = true;
                throw new CancellationException("interval tick cancelled");
            }
            if (p.isPending()) return Poll.pending();
            done = true;
            Instant scheduled = startInstant.plus(period.multipliedBy(next));
            next++;
            return Poll.ready(scheduled);
        }

        @Override
        public void cancel() {
            if (sleep != null) sleep.cancel();
            else if (!done) sleep = cancelledSleep();
        }

        private Sleep cancelledSleep() {
            Sleep s = Sleep.until(startNanos + next * periodNanos);
            s.cancel();
            return s;
        }

        /**
         * For task dumps: {@code interval(1.000 s).tick() #3, 300 ms left}. Reads {@code index}
         * and {@code next} racily (a dump runs on another thread; a stale tick number is harmless).
         */
        @Override
        public String toString() {
            long i = index;
            long tick = i >= 0 ? i : next;
            return "interval(" + TaskDump.format(period) + ").tick() #" + tick + ", "
                    + (done ? "complete" : Sleep.describeLeft(startNanos + tick * periodNanos));
        }
    }

    @Override
    public String toString() {
        return "Interval[" + period + ", next tick #" + next + "]";
    }
}
