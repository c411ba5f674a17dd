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
 * not a consistent cut. The one exception is {@link #idle}, a volatile: it is half of the
 * Dekker pair that lets the watchdog park (see {@link Watchdog}), written only around a park.
 *
 * <h2>The poll in progress: a sequence lock</h2>
 * {@link #pollSeq} is odd while a poll runs and even between polls; it changes at every start
 * and end, so two reads that see the same odd value bracket one and the same poll. The owner
 * writes {@link #current} and {@link #pollStart} and then releases the odd {@code pollSeq}; a
 * reader that acquires it sees them (or later values). The store-store fence at the start of a
 * poll keeps the new {@code current} from becoming visible before the even {@code pollSeq} that
 * ended the previous poll (free on x86), so a reader that reads {@code pollSeq}, then {@code
 * current}, then {@code pollSeq} again and finds it unchanged has read that poll's subject — or
 * null, written just after the end.
 */
public final class WorkerStats {
    private static final VarHandle POLL_SEQ;
    private static final VarHandle CURRENT;
    private static final VarHandle POLL_START;
    private static final VarHandle THREAD;
    private static final VarHandle SCHEDULES;
    private static final VarHandle STEALS;
    private static final VarHandle PARKS;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            POLL_SEQ = l.findVarHandle(WorkerStats.class, "pollSeq", long.class);
            CURRENT = l.findVarHandle(WorkerStats.class, "current", Object.class);
            POLL_START = l.findVarHandle(WorkerStats.class, "pollStart", int.class);
            THREAD = l.findVarHandle(WorkerStats.class, "thread", Thread.class);
            SCHEDULES = l.findVarHandle(WorkerStats.class, "schedules", long.class);
            STEALS = l.findVarHandle(WorkerStats.class, "steals", long.class);
            PARKS = l.findVarHandle(WorkerStats.class, "parks", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // Owner-written, read through the VarHandles above; see the class documentation.
    /** Twice the number of polls started, plus one while a poll runs. */
    private long pollSeq;
    /** What the running poll polls (a task or a blockOn root), or null. */
    private Object current;
    /** {@link CoarseClock} tick at the start of the running poll. */
    private int pollStart;
    /** The thread that owns these stats now (fixed for a worker; the driver of a currentThread executor). */
    private Thread thread;
    /** Tasks scheduled from this thread: spawns and wakes by its tasks, and re-queued yields. */
    private long schedules;
    /** Tasks this worker took from other workers. */
    private long steals;
    /** Times this worker parked for lack of work. */
    private long parks;

    /**
     * Whether the owner is parked (or, for a currentThread executor, nobody drives it): the
     * watchdog parks once every worker is. Volatile, written only around parks; see {@link
     * Watchdog} for the Dekker argument.
     */
    private volatile boolean idle;

    /** Stats of a worker that starts idle (not yet running or not yet driven). */
    public WorkerStats() {
        this.idle = true;
    }

    // ---- owner side

    /** Owner: this thread now owns the stats (a worker at start, a driver entering blockOn). */
    public void ownedBy(Thread owner) {
        THREAD.setOpaque(this, owner);
    }

    /** Owner: a poll of {@code subject} starts, at clock tick {@code tick}. */
    public void pollStarted(Object subject, int tick) {
        VarHandle.storeStoreFence(); // after the previous even pollSeq; see the class documentation
        CURRENT.setOpaque(this, subject);
        POLL_START.setOpaque(this, tick);
        POLL_SEQ.setRelease(this, pollSeq + 1);
    }

    /** Owner: the poll started last has ended. */
    public void pollEnded() {
        POLL_SEQ.setRelease(this, pollSeq + 1);
        CURRENT.setOpaque(this, null); // do not keep a completed task reachable
    }

    /** Owner: a task was scheduled from this thread. */
    public void scheduled() {
        SCHEDULES.setOpaque(this, schedules + 1);
    }

    /** Owner: a task was stolen from another worker. */
    public void stole() {
        STEALS.setOpaque(this, steals + 1);
    }

    /** Owner: about to park for lack of work. Volatile write (see {@link #idle}). */
    public void parking() {
        PARKS.setOpaque(this, parks + 1);
        idle = true;
    }

    /** Owner: stops owning the stats without parking (a driver leaving blockOn). Volatile write. */
    public void detached() {
        idle = true;
    }

    /** Owner: back from park, or starting to drive. Volatile write (see {@link #idle}). */
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
     * The subject of poll {@code seq} if that poll is still running, else null (it ended, or
     * another began while reading).
     */
    public Object subjectOf(long seq) {
        if ((seq & 1) == 0) return null;
        Object c = CURRENT.getOpaque(this);
        VarHandle.loadLoadFence();
        return (long) POLL_SEQ.getOpaque(this) == seq ? c : null;
    }

    /** The clock tick at which poll {@code seq} began, if it still runs ({@code -1} otherwise). */
    public int startOf(long seq) {
        if ((seq & 1) == 0) return -1;
        int start = (int) POLL_START.getOpaque(this);
        VarHandle.loadLoadFence();
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
