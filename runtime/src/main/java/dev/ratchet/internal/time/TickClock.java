package dev.ratchet.internal.time;

/**
 * Converts {@link System#nanoTime()} readings to wheel ticks of a fixed width, counted from an
 * origin. Deadlines round <em>up</em> and the current time rounds <em>down</em>, so a timer that
 * fires when {@code nowTick >= deadlineTick} never fires before its deadline in nanoseconds.
 *
 * <pre>{@code
 * TickClock clock = new TickClock(System.nanoTime(), 1_000_000); // 1 ms ticks
 * long tick = clock.deadlineTick(System.nanoTime() + 5_000_000);
 * }</pre>
 */
final class TickClock {
    private final long originNanos;
    private final long tickNanos;

    TickClock(long originNanos, long tickNanos) {
        if (tickNanos <= 0) throw new IllegalArgumentException("tickNanos must be > 0, got " + tickNanos);
        this.originNanos = originNanos;
        this.tickNanos = tickNanos;
    }

    long tickNanos() {
        return tickNanos;
    }

    /** The tick containing {@code nanos} (rounded down; 0 for instants before the origin). */
    long nowTick(long nanos) {
        long since = nanos - originNanos; // nanoTime differences are overflow-safe
        return since <= 0 ? 0 : since / tickNanos;
    }

    /** The first tick at or after {@code deadlineNanos} (rounded up; 0 for deadlines before the origin). */
    long deadlineTick(long deadlineNanos) {
        long since = deadlineNanos - originNanos;
        if (since <= 0) return 0;
        return (since - 1) / tickNanos + 1;
    }

    /** The nanoTime at which tick {@code tick} starts. */
    long tickStartNanos(long tick) {
        return originNanos + tick * tickNanos;
    }
}
