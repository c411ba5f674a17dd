package dev.ratchet.internal.scheduler;

import dev.ratchet.Waker;
import java.util.concurrent.locks.LockSupport;

/**
 * The waker of a {@code blockOn} root future: sets a flag and unparks the blocked thread.
 *
 * <p>Protocol: the blocked thread clears {@link #notified} <em>before</em> each poll of the root
 * and parks only while it is still clear. A wake that lands during the poll sets it again, so the
 * loop polls once more; a wake before the clear happens-before the poll (the clear follows the
 * read that saw it set).
 *
 * <p>Unparking is a system call, so a wake only unparks when the owner may be parked: the owner
 * sets {@link #parked} before re-checking {@link #notified} and parking; a waker sets {@link
 * #notified} before reading {@link #parked}. Both are volatile, so (Dekker) either the owner sees
 * the notification and does not park, or the waker sees {@code parked} and unparks; {@code
 * LockSupport} permits cover an unpark that lands just before the park.
 */
public final class ThreadWaker implements Waker {
    private final Thread thread;
    /** Set by wakes, cleared by the owner thread before polling; starts set for the first poll. */
    private volatile boolean notified = true;
    /** Set by the owner around its parks; read by wakers to skip needless unparks. */
    private volatile boolean parked;
    /** Owner thread only: an interrupt absorbed while parked. */
    private boolean interrupted;

    public ThreadWaker(Thread thread) {
        this.thread = thread;
    }

    @Override
    public void wake() {
        notified = true;
        if (parked) LockSupport.unpark(thread);
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
        parked = true;
        try {
            while (!notified) {
                LockSupport.park(this);
                if (Thread.interrupted()) interrupted = true;
            }
        } finally {
            parked = false;
        }
    }

    /**
     * Owner thread: parks once unless this waker is notified, until any unpark of this thread (a
     * wake of this waker, or of a task queued for this thread) or spuriously. The caller re-checks
     * its other sources of work, which must unpark this thread unconditionally. Absorbs
     * interrupts as above.
     */
    public void parkOnce() {
        parked = true;
        try {
            if (notified) return;
            LockSupport.park(this);
            if (Thread.interrupted()) interrupted = true;
        } finally {
            parked = false;
        }
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
