package dev.ratchet.internal.lock;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A reentrant lock for critical sections of a few field writes that never block: one CAS to
 * take it and a release store to drop it, where a {@code synchronized} block costs an atomic on
 * each side. A channel message passes two such sections (the send and the receive), so this is
 * a measurable part of every message. A waiter spins briefly and then yields its core, for a
 * holder that was preempted; nothing here parks, so never hold it across anything that can
 * block or call out to user code (wakers are called after unlocking).
 *
 * <pre>{@code
 * lock.lock();
 * try {
 *     buffer.addLast(message);
 * } finally {
 *     lock.unlock();
 * }
 * }</pre>
 *
 * <p>Memory ordering: taking the lock is a volatile CAS (acquire), dropping it a release store,
 * so everything a holder wrote happens-before what the next holder reads. Reentrant, so that a
 * structure can share its lock with a part it owns (a bounded channel with its permit pool) and
 * call that part while holding it; the hold count is touched only by the owner.
 */
public final class SpinLock {
    /** Spins with {@link Thread#onSpinWait()} before a contended lock starts yielding its core. */
    private static final int SPINS = 64;
    private static final VarHandle OWNER;

    static {
        try {
            OWNER = MethodHandles.lookup().findVarHandle(SpinLock.class, "owner", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The holder, or null when free. */
    private volatile Thread owner;
    /** Nested holds of {@link #owner}; read and written only by the owner. */
    private int holds;

    /** Takes the lock, spinning (then yielding) while another thread holds it. */
    public void lock() {
        Thread me = Thread.currentThread();
        // Only this thread can have stored itself here, so seeing it means we hold the lock.
        if (owner == me) {
            holds++;
            return;
        }
        if (!OWNER.compareAndSet(this, null, me)) lockContended(me);
        holds = 1;
    }

    private void lockContended(Thread me) {
        for (int spins = 0; ; spins++) {
            if (owner == null && OWNER.compareAndSet(this, null, me)) return;
            if (spins < SPINS) Thread.onSpinWait();
            else Thread.yield();
        }
    }

    /** Drops one hold; the last one releases the lock. Only the holder may call it. */
    public void unlock() {
        assert isHeldByCurrentThread() : "unlock by a thread that does not hold the lock";
        if (--holds == 0) OWNER.setRelease(this, null);
    }

    /** Whether the calling thread holds the lock (assertions and tests). */
    public boolean isHeldByCurrentThread() {
        return owner == Thread.currentThread();
    }
}
