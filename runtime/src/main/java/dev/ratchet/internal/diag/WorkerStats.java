package dev.ratchet.internal.diag;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What one worker thread publishes about itself: the poll it is running (for the {@link
 * Watchdog} and task dumps) and its counters (for executor metrics). A currentThread executor
 * has one, written by whichever thread drives it (one at a time, under the executor's lock).
 *
 * <h2>Memory ordering</h2>
 * Single writer: only the owner thread writes, so it reads its own fields plainly and writes
 * them with opaque or release stores — no fence on the poll path, unlike a volatile store
 * (x86: a locked instruction each). Readers (the watchdog, a dump, {@code metrics()}) use
 * opaque or acquire loads: they see values that are atomic (no torn {@code long}) and recent,
 * not a consistent cut. The one exception is {@code idle}, a volatile: it is half of the
 * Dekker pair that lets the watchdog park (see {@link Watchdog}), written only around a park.
 *
 * <h2>The poll in progress: a sequence lock</h2>
 * {@code pollSeq} is odd while a poll runs and even between polls; it changes at every start
 * and end, so two reads that see the same odd value bracket one and the same poll. At a start
 * the owner release-stores {@code currentId} (so it cannot become visible before the even {@code
 * pollSeq} that ended the previous poll), stores {@code pollStart}, then release-stores the odd
 * {@code pollSeq}. A reader acquires {@code pollSeq}, reads the other two, then re-reads {@code
 * pollSeq}: if it is unchanged, what it read belongs to that poll. The subject is an id, not a
 * reference (see {@code currentId}): the reader resolves it through the executor's registry.
 * On x86 none of these accesses is a fence; they only keep the compiler from reordering.
 *
 * <h2>Padding</h2>
 * Each worker writes its stats at every poll; the executor allocates them together, so without
 * padding two workers' stats (and the clock next to them) could share cache lines, and every poll
 * would bounce a line between cores. The fields
 * sit between 128 bytes of padding on each side ({@link dev.ratchet.internal.CacheLinePadding} before, the {@code q*} fields after;
 * HotSpot lays out a superclass's fields before its subclass's), as in JCTools and Agrona.
 */
public final class WorkerStats extends WorkerStatsFields {
    private static final VarHandle POLL_SEQ;
    private static final VarHandle CURRENT_ID;
    private static final VarHandle POLL_START;
    private static final VarHandle THREAD;
    private static final VarHandle SCHEDULES;
    private static final VarHandle STEALS;
    private static final VarHandle PARKS;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            POLL_SEQ = l.findVarHandle(WorkerStatsFields.class, "pollSeq", long.class);
            CURRENT_ID = l.findVarHandle(WorkerStatsFields.class, "currentId", int.class);
            POLL_START = l.findVarHandle(WorkerStatsFields.class, "pollStart", int.class);
            THREAD = l.findVarHandle(WorkerStatsFields.class, "thread", Thread.class);
            SCHEDULES = l.findVarHandle(WorkerStatsFields.class, "schedules", long.class);
            STEALS = l.findVarHandle(WorkerStatsFields.class, "steals", long.class);
            PARKS = l.findVarHandle(WorkerStatsFields.class, "parks", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** 128 bytes after the fields (see "Padding"). */
    long q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15;

    /** The executor's clock: each poll's start tick comes from it. */
    private final CoarseClock clock;

    /** Stats of a worker that starts idle (not yet running or not yet driven). */
    public WorkerStats(CoarseClock clock) {
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
        this.idle = true;
    }

    // ---- owner side

    /** Owner: this thread now owns the stats (a worker at start, a driver entering blockOn). */
    public void ownedBy(Thread owner) {
        THREAD.setOpaque(this, owner);
    }

    /** Owner: a poll of the task {@code id} (0: a blockOn root) starts now (the clock's tick). */
    public void pollStarted(int id) {
        CURRENT_ID.setRelease(this, id); // after the previous even pollSeq; see the class documentation
        POLL_START.setOpaque(this, clock.now());
        POLL_SEQ.setRelease(this, pollSeq + 1);
    }

    /**
     * Owner: the poll in progress goes on as a new one (a task that spent its budget continues
     * with a new budget): a new start tick, and {@code pollSeq} moves on by two, staying odd, so
     * that a reader that bracketed the old one sees a change and the watchdog a poll that started now.
     */
    public void pollRenewed() {
        POLL_START.setOpaque(this, clock.now());
        POLL_SEQ.setRelease(this, pollSeq + 2);
    }

    /** Owner: the poll started last has ended. */
    public void pollEnded() {
        POLL_SEQ.setRelease(this, pollSeq + 1);
    }

    /** Owner: a task was scheduled from this thread. */
    public void scheduled() {
        SCHEDULES.setOpaque(this, schedules + 1);
    }

    /** Owner: a task was stolen from another worker. */
    public void stole() {
        STEALS.setOpaque(this, steals + 1);
    }

    /** Owner: about to park for lack of work. Volatile write (see {@code idle}). */
    public void parking() {
        PARKS.setOpaque(this, parks + 1);
        idle = true;
    }

    /** Owner: stops owning the stats without parking (a driver leaving blockOn). Volatile write. */
    public void detached() {
        idle = true;
    }

    /** Owner: back from park, or starting to drive. Volatile write (see {@code idle}). */
    public void awake() {
        idle = false;
    }

    // ---- reader side (any thread; racy but atomic values)

    /** The poll sequence word: odd while a poll runs. */
    public long pollSeq() {
        return (long) POLL_SEQ.getAcquire(this);
    }

    /** Polls started so far. */
    public long polls() {
        return (pollSeq() + 1) >>> 1;
    }

    /**
     * The id of the subject of poll {@code seq} if that poll is still running, else -1 (it
     * ended, or another began while reading).
     */
    public int subjectOf(long seq) {
        if ((seq & 1) == 0) return -1;
        int id = (int) CURRENT_ID.getAcquire(this); // acquire: the re-read below stays after it
        return (long) POLL_SEQ.getOpaque(this) == seq ? id : -1;
    }

    /** The clock tick at which poll {@code seq} began, if it still runs ({@code -1} otherwise). */
    public int startOf(long seq) {
        if ((seq & 1) == 0) return -1;
        int start = (int) POLL_START.getAcquire(this);
        return (long) POLL_SEQ.getOpaque(this) == seq ? start : -1;
    }

    /** The thread that owns these stats, or null before any. */
    public Thread thread() {
        return (Thread) THREAD.getOpaque(this);
    }

    public long schedules() {
        return (long) SCHEDULES.getOpaque(this);
    }

    public long steals() {
        return (long) STEALS.getOpaque(this);
    }

    public long parks() {
        return (long) PARKS.getOpaque(this);
    }

    /** Whether the owner is parked or absent (volatile read). */
    public boolean isIdle() {
        return idle;
    }
}
