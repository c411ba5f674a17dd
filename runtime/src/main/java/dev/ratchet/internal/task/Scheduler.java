package dev.ratchet.internal.task;

/**
 * What a {@link Task} needs from the executor that runs it. Implemented by each scheduler.
 */
public interface Scheduler {
    /**
     * Puts {@code task} in a run queue. Called exactly once per idle-to-notified transition (the
     * caller saw {@link TaskState.WakeResult#SUBMIT}), from any thread. Must not block and must
     * not poll the task. A scheduler that has shut down keeps the entry (the closing thread
     * finds the task in the registry), so no wake is lost before the executor finishes it.
     */
    void schedule(Task<?> task);

    /**
     * The cooperative budget a task gets at the start of each poll (positive). Read once per
     * poll, so that tasks need not store it.
     */
    int budget();

    /**
     * The executor's coarse clock tick now ({@code internal.diag.CoarseClock}): a positive int
     * other than {@code Integer.MAX_VALUE}, stored by a task at the end of each poll. One memory
     * read; no clock call.
     */
    int pollStamp();

    /**
     * {@code task}, being polled on the calling thread, has spent its budget: whether it may go on
     * with a new one instead of yielding, because nothing else waits for this thread (no other
     * task, and for a currentThread executor no woken {@code blockOn} root) and the executor is
     * not closing. By default no.
     */
    default boolean continuesSpentPoll(Task<?> task) {
        return false;
    }

    /** The task completed: forget it (remove it from the registry). Called once per task. */
    void release(Task<?> task);
}
