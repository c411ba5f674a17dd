package dev.ratchet.internal.task;

/**
 * A thread whose job is polling tasks (an executor's worker). It lets a task that wakes itself
 * during its own poll on this thread — {@code yieldNow()}, a budget-spent yield, a combinator
 * re-polling a child — skip the atomics: the wake is noted in a plain field, and at the end of
 * the poll the task keeps {@code RUNNING} and is re-queued as a held entry (see {@link
 * TaskState}, "Held entries") instead of going idle and notified.
 *
 * <p>Why that is the same wake: a wake that arrives while the task is {@code RUNNING} only sets
 * {@code NOTIFIED}, and nothing reads that bit before the end of the poll, which then re-queues
 * the task. Noting the wake here and re-queuing the task gives the same one extra poll. Only
 * wakes of the task being polled, on the thread polling it, take this path ({@link
 * #absorbSelfWake}); any other wake is the usual atomic OR, and one from another thread during
 * the poll coalesces with the absorbed one (the taker of the held entry clears it).
 *
 * <p>Both fields are touched only by this thread, so they need no ordering.
 */
public abstract class PollingThread extends Thread {
    /** The task this thread is polling, or null between polls. */
    private Task<?> polling;
    /** Whether {@link #polling} woke itself during this poll. */
    private boolean selfWoken;

    protected PollingThread(String name) {
        super(name);
    }

    /**
     * Polls {@code task} once (see {@link Task#run(PollingThread)}).
     *
     * @return {@code true} if the task was woken during the poll and must go back to a run queue
     */
    protected final boolean pollOnce(Task<?> task) {
        polling = task;
        selfWoken = false;
        try {
            return task.run(this);
        } finally {
            polling = null;
        }
    }

    /** From {@link Task#wake()} on this thread: absorbs the wake if {@code task} is the one being polled. */
    final boolean absorbSelfWake(Task<?> task) {
        if (polling != task) return false;
        selfWoken = true;
        return true;
    }

    /** Whether this thread is polling {@code task} now (called on this thread). */
    protected final boolean isPolling(Task<?> task) {
        return polling == task;
    }

    /** At the end of a poll that returned pending: whether the task woke itself during it. */
    final boolean selfWoken() {
        return selfWoken;
    }
}
