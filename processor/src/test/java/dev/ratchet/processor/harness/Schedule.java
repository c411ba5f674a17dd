package dev.ratchet.processor.harness;

/** How the test futures made by {@link Io} complete. */
public enum Schedule {
    /** Ready on the first poll. */
    READY,
    /** Pending once (waking the task on the polling thread first), ready on the next poll. */
    PENDING_ONCE,
    /** Pending until another thread completes it and wakes the task after a small delay. */
    OTHER_THREAD,
    /** Fails (with a checked {@link IoException}) on its first poll. */
    FAILING
}
