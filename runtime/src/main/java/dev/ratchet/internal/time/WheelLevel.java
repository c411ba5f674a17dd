package dev.ratchet.internal.time;

/**
 * One level of the {@link TimerWheel}: 64 slots, each a FIFO list of entries, and a bit mask of
 * the occupied slots so the next occupied slot is found with one rotate and one
 * {@code numberOfTrailingZeros}.
 *
 * <p>Level {@code L} has slots {@code 64^L} ticks wide and spans {@code 64^(L+1)} ticks. An entry
 * lives in slot {@code (deadlineTick >> 6L) & 63} of the level chosen by
 * {@link TimerWheel#levelFor(long, long)}. Not thread-safe (owned by the wheel).
 */
final class WheelLevel {
    static final int SLOTS = 64;
    static final int BITS = 6;

    private final int level;
    private final WheelEntry[] heads = new WheelEntry[SLOTS];
    private final WheelEntry[] tails = new WheelEntry[SLOTS];
    /** Bit {@code s} set iff slot {@code s} holds at least one entry. */
    private long occupied;

    WheelLevel(int level) {
        this.level = level;
    }

    /** Width of one slot of level {@code level}, in ticks: {@code 64^level}. */
    static long slotRange(int level) {
        return 1L << (BITS * level);
    }

    /** Span of the whole level {@code level}, in ticks: {@code 64^(level+1)}. */
    static long levelRange(int level) {
        return 1L << (BITS * (level + 1));
    }

    void add(WheelEntry e) {
        int s = (int) ((e.deadlineTick >>> (BITS * level)) & (SLOTS - 1));
        e.level = level;
        e.slot = s;
        e.next = null;
        e.prev = tails[s];
        if (tails[s] == null) heads[s] = e;
        else tails[s].next = e;
        tails[s] = e;
        occupied |= 1L << s;
    }

    void remove(WheelEntry e) {
        int s = e.slot;
        if (e.prev == null) heads[s] = e.next;
        else e.prev.next = e.next;
        if (e.next == null) tails[s] = e.prev;
        else e.next.prev = e.prev;
        e.prev = e.next = null;
        e.level = -1;
        if (heads[s] == null) occupied &= ~(1L << s);
    }

    /** Unlinks and returns the whole list of slot {@code s} (linked through {@code next}). */
    WheelEntry takeSlot(int s) {
        WheelEntry head = heads[s];
        heads[s] = tails[s] = null;
        occupied &= ~(1L << s);
        for (WheelEntry e = head; e != null; e = e.next) e.level = -1;
        return head;
    }

    boolean isEmpty() {
        return occupied == 0;
    }

    /**
     * The tick at which the next occupied slot of this level must be processed (the start of its
     * range, always after {@code now}); {@code -1} if the level is empty.
     */
    long nextExpiration(long now) {
        if (occupied == 0) return -1;
        long slotRange = slotRange(level);
        long levelRange = levelRange(level);
        int nowSlot = (int) ((now / slotRange) & (SLOTS - 1));
        long levelStart = now & ~(levelRange - 1);
        // Rotate so that bit 0 is the current slot: the first set bit is the next occupied slot.
        long rotated = Long.rotateRight(occupied, nowSlot);
        if ((rotated & 1L) != 0 && (rotated & ~1L) != 0) {
            // The current slot can only be occupied on the top level, by deadlines at least one
            // full turn ahead (TimerWheel#levelFor caps the level, so the top level's slots act
            // as a ring). Any other occupied slot comes sooner: look at those first, or a far
            // entry would hide a nearer one. (Below the top level, levelFor puts an entry on the
            // level of the highest bit where its deadline differs from `now`, so never here.)
            rotated &= ~1L;
        }
        int s = (nowSlot + Long.numberOfTrailingZeros(rotated)) & (SLOTS - 1);
        long deadline = levelStart + s * slotRange;
        if (deadline <= now) {
            // A top-level slot at or behind the current one: it comes round on the next turn.
            deadline += levelRange;
        }
        return deadline;
    }

    /** The slot index that {@link #nextExpiration(long)} returned a deadline for. */
    int slotFor(long deadline) {
        return (int) ((deadline >>> (BITS * level)) & (SLOTS - 1));
    }
}
