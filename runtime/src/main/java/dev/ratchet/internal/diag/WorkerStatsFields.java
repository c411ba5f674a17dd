package dev.ratchet.internal.diag;

import dev.ratchet.internal.CacheLinePadding;

/** The fields of {@link WorkerStats}, after the padding of its superclass (see "Padding" there). */
abstract class WorkerStatsFields extends CacheLinePadding {
    // Owner-written, accessed through the VarHandles of WorkerStats; see its documentation.
    /** Twice the number of polls started, plus one while a poll runs. */
    long pollSeq;
    /**
     * The id of what the running poll polls (a task, or 0 for a blockOn root). An int, not a
     * reference: storing a young task into this long-lived (old-generation) object at every poll
     * would run G1's post-write barrier, which includes a StoreLoad fence for such stores.
     */
    int currentId;
    /** {@link CoarseClock} tick at the start of the running poll. */
    int pollStart;
    /** The thread that owns these stats now (fixed for a worker; the driver of a currentThread executor). */
    Thread thread;
    /** Tasks scheduled from this thread: spawns and wakes by its tasks, and re-queued yields. */
    long schedules;
    /** Tasks this worker took from other workers. */
    long steals;
    /** Times this worker parked for lack of work. */
    long parks;

    /**
     * Whether the owner is parked (or, for a currentThread executor, nobody drives it): the
     * watchdog parks once every worker is. Volatile, written only around parks; see {@link
     * Watchdog} for the Dekker argument.
     */
    volatile boolean idle;
}
