package dev.ratchet.internal.scheduler;

import dev.ratchet.Waker;
import java.util.concurrent.locks.LockSupport;

/**
 * The waker of a {@code blockOn} root future: sets a flag and unparks the blocked thread.
 *
 * <p>Protocol: the blocked thread clears {@link #notified} <em>before</em> each poll of the root
 * and parks only while it is still clear. A wake that lands during the poll sets it again, so the
 * loop polls once more; a wake before the clear happens-before the poll (the clear follows the
 * read that saw it set). {@code LockSupport} permits cover an unpark that precedes the park.
 */
public final class ThreadWaker implements Waker {
    private final Thread thread;
    /** Set by wakes, cleared by the owner thread before polling; starts set for the first poll. */
    private volatile boolean notified = true;
    /** Owner thread only: an interrupt absorbed while parked. */
    private boolean interrupted;

    public ThreadWaker(Thread thread) {
        this.thread = thread;
    }

    @Override
    public void wake() {
        notified = true;
        LockSupport.unpark(thread);
    }

    /** Owner thread: whether a wake arrived since the last {@link #clear()}. */
    public boolean isNotified() {
        return notified;
    }

    /** Owner thread: call before polling the root. */
    public void clear() {
        notified = false;
    }

    /**
     * Owner thread: parks until woken (spurious returns of {@code park} are absorbed). An
     * interrupt does not end the wait (the root future decides when it is done); it is
     * remembered, cleared so that {@code park} does not spin, and restored by {@link
     * #restoreInterrupt()}.
     */
    public void parkUntilNotified() {
        while (!notified) parkOnce();
    }

    /**
     * Owner thread: parks once, until any unpark of this thread (a wake of this waker, or of a
     * task queued for this thread), or spuriously. Absorbs interrupts as above.
     */
    public void parkOnce() {
        LockSupport.park(this);
        if (Thread.interrupted()) interrupted = true;
    }

    /** Owner thread: re-asserts an interrupt absorbed by {@link #parkUntilNotified()}. */
    public void restoreInterrupt() {
        if (interrupted) thread.interrupt();
    }

    @Override
    public String toString() {
        return "ThreadWaker[" + thread.getName() + "]";
    }
}
