package dev.ratchet.internal.diag;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * An executor's cheap clock, in milliseconds since the executor started, for "how long since
 * this task was last polled": the end of every poll stamps the task with {@link #now()}, one
 * memory read, where {@code System.nanoTime()} would cost about 20 ns per poll (W1 spends about
 * 350 ns of CPU per task, in about 4 polls).
 *
 * <p>The clock does not run by itself: it moves when someone calls {@link #refresh()} — the
 * {@link Watchdog} at each sample (every threshold / 5 while workers are busy), a worker when it
 * wakes from park, a worker every few dozen polls when the executor has no watchdog, and a dump
 * before it reads the stamps. So a stamp is late by at most the time since the last refresh:
 * durations computed from stamps have the resolution of the refresh period (10 ms with the
 * default 50 ms long-poll threshold), which is what a dump of tasks idle for seconds needs.
 *
 * <p>Ticks are in {@code [1, PERIOD]}: never 0 or negative, because a stamp lives in the task's
 * budget field between polls ({@code Context.refillBudget} accepts only positive values), and
 * never {@link #NEVER} ({@code Context.UNLIMITED}), the stamp of a task that was never polled.
 * They wrap after {@value #PERIOD} ms (about 24.8 days): a duration is computed modulo that
 * period, so only a task idle for longer than that reads wrong.
 *
 * <p>Memory ordering: {@link #now} is an int read and written with opaque accesses — atomic,
 * eventually visible, no fence. A stamp is diagnostic data; nothing is published through it.
 * Two threads refreshing at once may store their readings in the reverse order, so the clock
 * can step back by the time between their two {@code nanoTime()} calls; {@link #millisBetween}
 * reads such a small negative difference as 0.
 *
 * <p>Every poll reads the tick, and it changes rarely: it is padded (128 bytes each side, as
 * {@link WorkerStats}) so that no hot field allocated next to it turns those reads into cache
 * misses.
 */
public final class CoarseClock extends ClockTick {
    /** The stamp of "never polled"; no tick has this value. Equals {@code Context.UNLIMITED}. */
    public static final int NEVER = Integer.MAX_VALUE;
    /** Ticks run from 1 to this value, then wrap to 1. */
    static final int PERIOD = Integer.MAX_VALUE - 1;

    private static final VarHandle NOW;

    static {
        try {
            NOW = MethodHandles.lookup().findVarHandle(ClockTick.class, "now", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** 128 bytes after the tick. */
    long q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15;

    /** {@code System.nanoTime()} at tick 1 (read only by {@link #refresh()}, which is rare). */
    private final long originNanos;

    /** A clock whose tick 1 is now. */
    public CoarseClock() {
        this.originNanos = System.nanoTime();
    }

    /** The current tick (milliseconds since start, as of the last refresh). One opaque read. */
    public int now() {
        return (int) NOW.getOpaque(this);
    }

    /** Reads {@code System.nanoTime()}, moves the clock to it and returns the reading. */
    public long refresh() {
        long t = System.nanoTime();
        NOW.setOpaque(this, tickAt(t));
        return t;
    }

    /** The tick of the instant {@code nanoTime} (a {@code System.nanoTime()} reading). */
    int tickAt(long nanoTime) {
        long millis = Math.max(0, (nanoTime - originNanos) / 1_000_000);
        return (int) (millis % PERIOD) + 1;
    }

    /**
     * Milliseconds from tick {@code from} to tick {@code to}, across a wrap; 0 if {@code to} is
     * slightly before {@code from} (two refreshes stored out of order).
     */
    public static long millisBetween(int from, int to) {
        long d = (long) to - from;
        if (d < -(PERIOD / 2)) d += PERIOD; // wrapped
        return Math.max(0, d);
    }
}
