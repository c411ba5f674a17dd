package dev.ratchet.sync;

import dev.ratchet.Waker;
import dev.ratchet.internal.waker.WaitQueue;
import dev.ratchet.internal.waker.WakeList;

/**
 * The ring shared by a {@link Broadcast}'s senders and receivers.
 *
 * <h2>Invariants (all under {@link #lock})</h2>
 * <ul>
 *   <li>Message number {@code s} (counted from 0 over the channel's life) lives in
 *       {@code ring[s % capacity]} while {@code s >= tail - capacity}; {@link #tail} is the number
 *       of the next message to send. A receiver's cursor {@code next} is in
 *       {@code [0, tail]}; below {@code tail - capacity} it has lagged.
 *   <li>A message sent while no receiver is subscribed is not stored (nobody could get it).
 *   <li>Every send wakes every queued receiver (each then reads at its own cursor); the last
 *       sender's close wakes them too, to see the end.
 * </ul>
 */
final class BroadcastCore<T> {
    /** Returned by {@link #recvOrRegister} at the end of the stream. */
    static final Object END = new Object();

    final Object lock = new Object();
    private final Object[] ring;
    private long tail;
    private int senders = 1;
    private int receivers;
    private final WaitQueue<Waiter> waiters = new WaitQueue<>();

    /** A pending recv in the queue. */
    static final class Waiter extends WaitQueue.Node { }

    BroadcastCore(int capacity) {
        this.ring = new Object[capacity];
    }

    int capacity() {
        return ring.length;
    }

    /** Stores {@code value} for every subscribed receiver; returns how many there are. */
    int send(T value) {
        WakeList toWake = new WakeList();
        int count;
        synchronized (lock) {
            count = receivers;
            if (count == 0) return 0;
            ring[(int) (tail % ring.length)] = value;
            tail++;
            drainWaitersLocked(toWake);
        }
        toWake.wakeAll();
        return count;
    }

    private void drainWaitersLocked(WakeList toWake) {
        for (Waiter w; (w = waiters.poll()) != null; ) {
            toWake.add(w.waker);
            w.waker = null;
        }
    }

    /** A new receiver's starting cursor: it sees messages sent from now on. */
    long subscribe() {
        synchronized (lock) {
            receivers++;
            return tail;
        }
    }

    void unsubscribe() {
        synchronized (lock) {
            receivers--;
        }
    }

    void addSender() {
        synchronized (lock) {
            senders++;
        }
    }

    void closeSender() {
        WakeList toWake = new WakeList();
        synchronized (lock) {
            if (--senders == 0) drainWaitersLocked(toWake);
        }
        toWake.wakeAll();
    }

    /**
     * The message at {@code cursor[0]} (advancing it), {@link #END}, or {@code null} after
     * registering {@code node} with {@code waker} (when {@code waker} is non-null) for the next send.
     *
     * @throws LaggedException if messages at the cursor were overwritten; the cursor is moved to
     *     the oldest retained message
     */
    Object recvOrRegister(long[] cursor, Waiter node, Waker waker) {
        synchronized (lock) {
            long next = cursor[0];
            if (next < tail) {
                long oldest = Math.max(0, tail - ring.length);
                if (next < oldest) {
                    cursor[0] = oldest;
                    throw new LaggedException(oldest - next);
                }
                cursor[0] = next + 1;
                return ring[(int) (next % ring.length)];
            }
            if (senders == 0) return END;
            if (waker != null) {
                node.waker = waker; // the latest waker wins
                if (!node.isQueued()) waiters.add(node);
            }
            return null;
        }
    }

    /**
     * {@code broadcast(64): 2 unread, 1 sender open, 3 receivers} for a receiver at {@code
     * cursor}, for task dumps: without the lock (a dump must never wait on what it inspects), so
     * a racy snapshot; the unread count includes messages already overwritten (it will lag).
     */
    String describe(long cursor) {
        long unread = Math.max(0, tail - cursor);
        int s = senders;
        int r = receivers;
        return "broadcast(" + ring.length + "): " + unread + " unread, " + s + (s == 1 ? " sender open, " : " senders open, ")
                + r + (r == 1 ? " receiver" : " receivers");
    }

    void cancel(Waiter node) {
        synchronized (lock) {
            waiters.remove(node);
            node.waker = null;
        }
    }
}
