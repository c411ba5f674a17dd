package dev.ratchet.internal.time;

import java.util.function.Consumer;

/**
 * A hierarchical hashed timing wheel over an abstract tick clock, after Tokio's
 * {@code runtime/time/wheel}: insert, cancel and advance in O(1) amortised, independent of the
 * number of timers. A pure data structure: it never reads a clock; {@link #advance(long, Consumer)}
 * is told what tick it is. {@link TimerDriver} uses 1 ms ticks.
 *
 * <h2>Levels</h2>
 * Six levels of 64 slots. With 1 ms ticks:
 * <table>
 *   <caption>slot width and span of each level</caption>
 *   <tr><th>level</th><th>slot width</th><th>level span</th></tr>
 *   <tr><td>0</td><td>1 ms</td><td>64 ms</td></tr>
 *   <tr><td>1</td><td>64 ms</td><td>~4.1 s</td></tr>
 *   <tr><td>2</td><td>~4.1 s</td><td>~4.4 min</td></tr>
 *   <tr><td>3</td><td>~4.4 min</td><td>~4.7 h</td></tr>
 *   <tr><td>4</td><td>~4.7 h</td><td>~12.4 days</td></tr>
 *   <tr><td>5</td><td>~12.4 days</td><td>~2.2 years</td></tr>
 * </table>
 * An entry goes on the level of the highest 6-bit group in which its deadline differs from the
 * wheel's current tick ({@link #levelFor}), so it is always in a slot <em>ahead</em> of the
 * current position. When the wheel reaches the start of a slot on level &gt; 0 it
 * <em>cascades</em>: the slot's entries are re-inserted relative to the new time, on lower levels,
 * until they reach level 0, whose slots are exactly one tick. Deadlines beyond the top level's
 * span use the top level's slots as a ring: they are re-inserted each turn until due.
 *
 * <h2>Guarantees</h2>
 * An entry fires during the {@code advance} that reaches its deadline tick, never earlier; within
 * one {@code advance}, entries fire in deadline order (entries of one tick in insertion order).
 *
 * <p>Not thread-safe: {@link TimerDriver} serialises access with its lock.
 */
final class TimerWheel {
    static final int LEVELS = 6;
    /** The largest distance (in ticks) the levels resolve; farther deadlines ring on the top level. */
    static final long MAX_SPAN = (1L << (WheelLevel.BITS * LEVELS)) - 1;

    private final WheelLevel[] levels = new WheelLevel[LEVELS];
    /** The current tick: every entry with a deadline at or before it has fired. Only increases. */
    private long elapsed;
    private int size;

    TimerWheel() {
        this(0);
    }

    /** A wheel whose current tick is {@code startTick} (non-negative). */
    TimerWheel(long startTick) {
        if (startTick < 0) throw new IllegalArgumentException("startTick must be >= 0, got " + startTick);
        for (int i = 0; i < LEVELS; i++) levels[i] = new WheelLevel(i);
        this.elapsed = startTick;
    }

    /** The tick the wheel has advanced to. */
    long elapsed() {
        return elapsed;
    }

    /** Number of entries in the wheel. */
    int size() {
        return size;
    }

    /**
     * Adds {@code entry}, unless its deadline has already been reached.
     *
     * @return {@code false} (and the entry is not added) if {@code entry.deadlineTick <= elapsed()}:
     *     the caller fires it at once
     * @throws IllegalStateException if the entry is already in a wheel
     */
    boolean insert(WheelEntry entry) {
        if (entry.isInWheel()) throw new IllegalStateException("entry is already in the wheel");
        if (entry.deadlineTick <= elapsed) return false;
        levels[levelFor(elapsed, entry.deadlineTick)].add(entry);
        size++;
        return true;
    }

    /** Removes {@code entry} if it is in the wheel; returns whether it was. */
    boolean remove(WheelEntry entry) {
        if (!entry.isInWheel()) return false;
        levels[entry.level].remove(entry);
        size--;
        return true;
    }

    /**
     * The tick at which the wheel next has work (a level-0 slot to fire or a higher slot to
     * cascade), or {@code -1} if the wheel is empty. A cascade may fire nothing: callers treat
     * the result as "advance no later than this", not as a firing time.
     */
    long nextExpiration() {
        // Levels are checked bottom-up: the first non-empty level has the earliest slot start,
        // because an entry sits on level L only if no lower level's span reaches its deadline.
        for (WheelLevel level : levels) {
            long deadline = level.nextExpiration(elapsed);
            if (deadline >= 0) return deadline;
        }
        return -1;
    }

    /**
     * Moves the wheel's time forward to {@code now}, handing every entry whose deadline is at or
     * before {@code now} to {@code fired}, in deadline order. The entries are unlinked before
     * {@code fired} sees them. Going backwards is ignored (the wheel's time never decreases).
     */
    void advance(long now, Consumer<? super WheelEntry> fired) {
        while (true) {
            long deadline = -1;
            WheelLevel level = null;
            for (WheelLevel l : levels) {
                deadline = l.nextExpiration(elapsed);
                if (deadline >= 0) {
                    level = l;
                    break;
                }
            }
            if (level == null || deadline > now) break;
            // Take the whole slot first: entries re-inserted below may land in the same slot.
            WheelEntry e = level.takeSlot(level.slotFor(deadline));
            elapsed = deadline;
            while (e != null) {
                WheelEntry next = e.next;
                e.next = e.prev = null;
                if (e.deadlineTick <= deadline) {
                    size--;
                    fired.accept(e);
                } else {
                    levels[levelFor(deadline, e.deadlineTick)].add(e);
                }
                e = next;
            }
        }
        if (now > elapsed) elapsed = now;
    }

    /** Unlinks every entry, handing each to {@code removed} (used when a driver shuts down). */
    void drain(Consumer<? super WheelEntry> removed) {
        for (WheelLevel level : levels) {
            for (int s = 0; s < WheelLevel.SLOTS && !level.isEmpty(); s++) {
                WheelEntry e = level.takeSlot(s);
                while (e != null) {
                    WheelEntry next = e.next;
                    e.next = e.prev = null;
                    size--;
                    removed.accept(e);
                    e = next;
                }
            }
        }
    }

    /**
     * The level for an entry due at {@code when} while the wheel is at {@code elapsed}: the level
     * holding the highest bit in which the two differ (capped at the top level, whose slots then
     * act as a ring).
     */
    static int levelFor(long elapsed, long when) {
        long masked = (elapsed ^ when) | (WheelLevel.SLOTS - 1);
        if (masked >= MAX_SPAN) masked = MAX_SPAN - 1;
        int significant = 63 - Long.numberOfLeadingZeros(masked);
        return significant / WheelLevel.BITS;
    }
}
