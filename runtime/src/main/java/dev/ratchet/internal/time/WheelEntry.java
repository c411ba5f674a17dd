package dev.ratchet.internal.time;

/**
 * A node of the {@link TimerWheel}: a deadline in ticks, plus the intrusive links of the slot list
 * it sits in. One entry is in at most one slot at a time.
 *
 * <p>Not thread-safe: every field is guarded by whoever owns the wheel ({@link TimerDriver} holds
 * its lock around every wheel operation).
 */
class WheelEntry {
    /** Deadline in wheel ticks; the entry fires when the wheel reaches this tick, never before. */
    final long deadlineTick;

    // Position in the wheel: level and slot while linked, level == -1 when not in the wheel.
    int level = -1;
    int slot;
    WheelEntry prev;
    WheelEntry next;

    WheelEntry(long deadlineTick) {
        this.deadlineTick = deadlineTick;
    }

    /** Whether the entry is currently linked into a slot of a wheel. */
    final boolean isInWheel() {
        return level >= 0;
    }
}
