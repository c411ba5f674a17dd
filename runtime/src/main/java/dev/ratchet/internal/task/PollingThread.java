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
 * <p>The mark is touched only by this thread, so it needs no ordering.
 *
 * <h2>Why a holder</h2>
 * Through JDK 25, G1's write barrier runs a full fence for a store of a young reference into an
 * old object. A worker thread is old; the tasks it polls are mostly young. Writing the task into
 * a field of the thread at every poll cost W1 (100 000 short tasks) an eighth of its throughput
 * once the executor had been promoted. So the task goes into a small holder that is replaced
 * every {@value #MARK_POLLS} polls: a busy worker's holder never lives long enough to be
 * promoted, and an idle worker's does not matter.
 */
public abstract class PollingThread extends Thread {
    /** Polls between replacements of {@link #mark} (see "Why a holder"). */
    static final int MARK_POLLS = 4096;

    /** This thread's current poll; replaced every {@value #MARK_POLLS} polls. */
    private PollMark mark = new PollMark();

    /** The task this thread is polling (null between polls), and whether it woke itself. */
    private static final class PollMark {
        Task<?> polling;
        boolean selfWoken;
        int pollsLeft = MARK_POLLS;
    }

    protected PollingThread(String name) {
        super(name);
    }

    /**
     * Polls {@code task} once (see {@link Task#run(PollingThread)}).
     *
     * @return {@code true} if the task was woken during the poll and must go back to a run queue
     */
    protected final boolean pollOnce(Task<?> task) {
        PollMark m = mark;
        if (--m.pollsLeft == 0) mark = m = new PollMark();
        m.polling = task;
        m.selfWoken = false;
        try {
            return task.run(this);
        } finally {
            m.polling = null;
        }
    }

    /** From {@link Task#wake()} on this thread: absorbs the wake if {@code task} is the one being polled. */
    final boolean absorbSelfWake(Task<?> task) {
        PollMark m = mark;
        if (m.polling != task) return false;
        m.selfWoken = true;
        return true;
    }

    /** Whether this thread is polling {@code task} now (called on this thread). */
    protected final boolean isPolling(Task<?> task) {
        return mark.polling == task;
    }

    /** At the end of a poll that returned pending: whether the task woke itself during it. */
    final boolean selfWoken() {
        return mark.selfWoken;
    }
}
