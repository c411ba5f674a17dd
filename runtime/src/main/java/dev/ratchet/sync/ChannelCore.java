package dev.ratchet.sync;

import dev.ratchet.Waker;
import dev.ratchet.internal.lock.SpinLock;
import dev.ratchet.internal.waker.WakeList;
import java.util.ArrayDeque;

/**
 * The state shared by a {@link Channel}'s senders and its receiver.
 *
 * <h2>Invariants (under {@link #lock})</h2>
 * <ul>
 *   <li>{@link #buffer} holds messages in the order they were pushed; each push happens under the
 *       lock, so the order of one sender's completed sends is preserved.
 *   <li>Bounded: every buffered message holds one permit of {@link #permits} (acquired by the
 *       send before pushing, released by the receiver after popping), so the buffer never exceeds
 *       the capacity and senders wait FIFO for space.
 *   <li>The stream has ended when the buffer is empty and either no open sender is left or the
 *       receiver is closed; once ended, nothing more can be pushed (a push checks both under the
 *       lock), so "end" is final.
 *   <li>{@link #rxWaker} is woken (outside the lock) on every push, when the last sender
 *       closes and when the receiver is closed.
 * </ul>
 * The permit pool is guarded by this same {@link #lock} (see {@link BatchSemaphore}): {@code
 * trySend} and pops take a permit or give one back inside the channel's critical section, a
 * re-entry of the lock rather than a second lock, so there is no lock order to keep. The pool
 * never calls a waker while holding the lock; wakers are always called after it is released.
 *
 * <p>Task dumps describe a channel with {@link #describe()}, from another thread and without the
 * lock (a dump must never wait on a primitive it inspects): it reads the fields racily, so its
 * figures may be stale or mutually inconsistent, never an exception.
 */
final class ChannelCore<T> {
    /** A spin lock, not a monitor: every message passes it twice (see {@link SpinLock}). */
    final SpinLock lock = new SpinLock();
    /** {@code null} for an unbounded channel. */
    final BatchSemaphore permits;
    final int capacity;

    private final ArrayDeque<T> buffer = new ArrayDeque<>();
    private int openSenders = 1;
    private boolean receiverClosed;
    private Waker rxWaker;

    ChannelCore(int capacity) {
        this.capacity = capacity;
        this.permits = capacity == Integer.MAX_VALUE ? null : new BatchSemaphore(capacity, lock);
    }

    /** Outcome of {@link #push} and {@link #tryPush}. */
    enum PushResult { PUSHED, RECEIVER_CLOSED, SENDER_CLOSED, FULL }

    /**
     * {@code trySend}: takes a permit and appends in one step under {@link #lock}, so no other
     * thread can observe the slot reserved but the message not yet there (Lincheck found that
     * window when the two steps were separate). The pool shares the channel's lock, so taking the
     * permit re-enters the lock held here.
     */
    PushResult tryPush(T msg, Channel.Sender<T> from) {
        Waker w;
        lock.lock();
        try {
            if (from.closedLocked()) return PushResult.SENDER_CLOSED;
            if (receiverClosed) return PushResult.RECEIVER_CLOSED;
            if (permits != null && !permits.tryAcquire(1)) return PushResult.FULL;
            buffer.addLast(msg);
            w = rxWaker;
            rxWaker = null;
        } finally {
            lock.unlock();
        }
        if (w != null) w.wake();
        return PushResult.PUSHED;
    }

    /**
     * Appends {@code msg} unless the receiver or the sending handle is closed. On refusal of a
     * bounded send the caller still holds its permit and must release it.
     */
    PushResult push(T msg, Channel.Sender<T> from) {
        Waker w;
        lock.lock();
        try {
            if (from.closedLocked()) return PushResult.SENDER_CLOSED;
            if (receiverClosed) return PushResult.RECEIVER_CLOSED;
            buffer.addLast(msg);
            w = rxWaker;
            rxWaker = null;
        } finally {
            lock.unlock();
        }
        if (w != null) w.wake();
        return PushResult.PUSHED;
    }

    /** A message, or {@code null} if none is buffered. Releases the message's permit. */
    T tryPop() {
        WakeList toWake = new WakeList();
        T m;
        lock.lock();
        try {
            m = buffer.pollFirst();
            if (m != null) releasePermitLocked(toWake);
        } finally {
            lock.unlock();
        }
        toWake.wakeAll();
        return m;
    }

    /**
     * Under {@link #lock}: the popped message's slot goes back to the senders in the same step as
     * the pop, so nobody sees the buffer shorter but the channel still full (Lincheck found that
     * window when the release came after the unlock). The served sender is woken by the caller
     * after unlocking.
     */
    private void releasePermitLocked(WakeList toWake) {
        if (permits != null) permits.release(1, toWake);
    }

    /** Returned by {@link #popOrRegister} when the stream has ended. */
    static final Object END = new Object();

    /**
     * Pops a message; when there is none, returns {@link #END} if the stream has ended, else
     * registers {@code waker} for the next push or the last sender's close and returns {@code null}.
     */
    Object popOrRegister(Waker waker) {
        WakeList toWake = new WakeList();
        T m;
        lock.lock();
        try {
            m = buffer.pollFirst();
            if (m == null) {
                if (endedLocked()) return END;
                rxWaker = waker; // latest waker wins
                return null;
            }
            releasePermitLocked(toWake);
        } finally {
            lock.unlock();
        }
        toWake.wakeAll();
        return m;
    }

    boolean isEnded() {
        lock.lock();
        try {
            return buffer.isEmpty() && endedLocked();
        } finally {
            lock.unlock();
        }
    }

    private boolean endedLocked() {
        return openSenders == 0 || receiverClosed;
    }

    /** Registers one more sender handle; fails if the channel can no longer receive anything. */
    void addSender() {
        lock.lock();
        try {
            openSenders++;
        } finally {
            lock.unlock();
        }
    }

    /** One sender handle closed (called once per handle, under the lock by Sender). */
    Waker senderClosedLocked() {
        if (--openSenders > 0) return null;
        Waker w = rxWaker; // the receiver must see the end of the stream
        rxWaker = null;
        return w;
    }

    /** Closes the receiving side: later pushes fail, waiting bounded senders are failed. */
    void closeReceiver() {
        Waker w;
        lock.lock();
        try {
            receiverClosed = true;
            w = rxWaker; // a pending recv must now see the rest of the buffer, then the end
            rxWaker = null;
        } finally {
            lock.unlock();
        }
        if (permits != null) permits.close();
        if (w != null) w.wake();
    }

    boolean isReceiverClosed() {
        lock.lock();
        try {
            return receiverClosed;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return buffer.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@code bounded(1) channel: 0 queued, 1 sender open}, for task dumps. Lock-free and racy (see
     * the class notes): {@code ArrayDeque.size()} only does arithmetic on its indexes, so a read
     * racing a push or a resize gives a wrong count, not an exception — even a negative one
     * (indexes of the old array against the new one's length; SyncDescriptionsTest saw -2), so
     * it is clamped.
     */
    String describe() {
        int queued = Math.max(0, buffer.size());
        int senders = openSenders;
        return (permits == null ? "unbounded" : "bounded(" + capacity + ")") + " channel: " + queued + " queued, "
                + (receiverClosed ? "receiver closed" : senders + (senders == 1 ? " sender open" : " senders open"));
    }
}
