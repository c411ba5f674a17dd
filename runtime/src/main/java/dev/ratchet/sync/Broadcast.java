package dev.ratchet.sync;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.internal.waker.Budget;
import dev.ratchet.internal.waker.WaitQueue;
import dev.ratchet.internal.waker.WakeList;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * A bounded multi-producer, multi-consumer broadcast channel: every {@link Receiver} sees every
 * message sent after it {@linkplain #subscribe() subscribed}, in send order (Tokio's {@code
 * sync::broadcast}).
 *
 * <pre>{@code
 * Broadcast<String> news = new Broadcast<>(16);
 * Broadcast.Receiver<String> rx = news.subscribe();
 * int receivers = news.send("hello");              // never waits: 1
 *
 * @Async void listen(Broadcast.Receiver<String> rx) {
 *     String m;
 *     while ((m = await(rx.recv())) != null) {        // null: closed and drained
 *         show(m);
 *     }
 * }
 * }</pre>
 *
 * <h2>Capacity and lag</h2>
 * The channel keeps the last {@code capacity} messages in a ring. {@link #send} never waits: it
 * overwrites the oldest slot. A receiver that falls more than {@code capacity} messages behind has
 * lost the overwritten ones: its next {@code recv()} fails with {@link LaggedException}, whose
 * {@link LaggedException#skipped()} says how many it missed, and moves the receiver to the oldest
 * message still kept, so the following {@code recv()} continues from there. A message sent while
 * nobody is subscribed is dropped (nobody could ever receive it) and {@code send} returns 0.
 * A slot lets go of its message as soon as every receiver that was subscribed when it was sent
 * has read it (or skipped it, or closed), as Tokio's does: only messages still owed to some
 * receiver stay referenced, at most {@code capacity} of them.
 *
 * <h2>Closing</h2>
 * {@link #close()} ends the stream: receivers still get every message kept for them, then {@code
 * recv()} completes with {@code null}; {@code send} after close throws {@link
 * ChannelClosedException}. {@link Receiver#close()} unsubscribes one receiver.
 *
 * <h2>Cancellation and threading</h2>
 * {@code send}, {@code subscribe} and {@code close} are safe from any thread. Each receiver
 * belongs to one task at a time, with one {@code recv()} pending at a time. {@code recv()} is
 * cancel-safe: it takes a message only when returning it, so a cancelled {@code recv()} (e.g. the
 * loser of a {@code select}) loses nothing; its next poll throws {@link CancellationException}.
 * A ready {@code recv()} spends one unit of the task's budget (checked first: a task out of budget
 * yields without taking anything). Wakers are called outside the internal lock.
 *
 * @param <T> the message type (messages are shared by all receivers: make them immutable)
 */
public final class Broadcast<T> {
    /**
     * Guards every field below and every field of every {@link Receiver} and waiter node. One
     * lock keeps the reasoning simple: a send is one slot write plus draining the wait queue, a
     * recv one slot read; both are O(1) apart from the wakes, which happen after unlocking.
     */
    private final Object lock = new Object();
    /**
     * Message with sequence number {@code s} lives in {@code ring[s % capacity]} while {@code s >=
     * tail - capacity}, or is null there once nobody owes a read of it.
     */
    private final Object[] ring;
    /**
     * Invariant: for every kept sequence number {@code s} (in {@code [tail - capacity, tail)}),
     * {@code unread[s % capacity]} is the number of open receivers with {@code next <= s}: those
     * that will still read it. It is set to the receiver count on send, decremented by each read
     * and by a receiver's close; at zero the slot is cleared.
     */
    private final int[] unread;
    private final int capacity;
    /** Sequence number of the next message to send = number of messages stored so far. */
    private long tail;
    private int receivers;
    private boolean closed;
    /** Receivers' pending recv() futures that found nothing to read. */
    private final WaitQueue<Waiter> waiters = new WaitQueue<>();

    /**
     * A channel keeping the last {@code capacity} messages for slow receivers.
     *
     * @throws IllegalArgumentException if {@code capacity} is not positive
     */
    public Broadcast(int capacity) {
        if (capacity <= 0) throw new IllegalArgumentException("broadcast capacity must be positive, got " + capacity);
        this.capacity = capacity;
        this.ring = new Object[capacity];
        this.unread = new int[capacity];
    }

    /** A new receiver that will see every message sent from now on. */
    public Receiver<T> subscribe() {
        synchronized (lock) {
            receivers++;
            return new Receiver<>(this, tail);
        }
    }

    /**
     * Sends {@code message} to every current receiver without waiting (overwriting the oldest kept
     * message if the ring is full) and returns how many receivers will see it; 0 means nobody is
     * subscribed and the message was dropped.
     *
     * @throws ChannelClosedException (carrying the message) after {@link #close()}
     */
    public int send(T message) {
        Objects.requireNonNull(message, "message");
        WakeList toWake = new WakeList();
        int count;
        synchronized (lock) {
            if (closed) throw new ChannelClosedException("broadcast channel is closed", message);
            count = receivers;
            if (count == 0) return 0;
            int slot = (int) (tail % capacity);
            ring[slot] = message; // may overwrite a message still owed to laggards: they get LaggedException
            unread[slot] = count;
            tail++;
            drainWaitersLocked(toWake);
        }
        toWake.wakeAll();
        return count;
    }

    /** Number of subscribed (not closed) receivers. */
    public int receiverCount() {
        synchronized (lock) {
            return receivers;
        }
    }

    /** Ends the stream: receivers drain what is kept for them, then get {@code null}. Idempotent. */
    public void close() {
        WakeList toWake = new WakeList();
        synchronized (lock) {
            if (closed) return;
            closed = true;
            drainWaitersLocked(toWake);
        }
        toWake.wakeAll();
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** The number of messages kept for slow receivers. */
    public int capacity() {
        return capacity;
    }

    /** One reader of sequence number {@code s} (a kept one) is done with it. */
    private void releaseLocked(long s) {
        int slot = (int) (s % capacity);
        if (--unread[slot] == 0) ring[slot] = null;
    }

    /** Number of slots holding a message (for tests: read messages are let go). */
    int retained() {
        synchronized (lock) {
            int n = 0;
            for (Object m : ring) if (m != null) n++;
            return n;
        }
    }

    private void drainWaitersLocked(WakeList toWake) {
        for (Waiter w; (w = waiters.poll()) != null; ) {
            toWake.add(w.waker);
            w.waker = null;
        }
    }

    /**
     * One subscription: reads the channel's messages in order from where it subscribed. Belongs
     * to one task at a time. {@link #close()} unsubscribes it.
     *
     * @param <T> the message type
     */
    public static final class Receiver<T> implements AutoCloseable {
        private final Broadcast<T> channel;
        /** Sequence number of the next message to read; guarded by {@code channel.lock}. */
        private long next;
        /** Guarded by {@code channel.lock}. */
        private boolean closed;

        private Receiver(Broadcast<T> channel, long next) {
            this.channel = channel;
            this.next = next;
        }

        /**
         * The next message, waiting for one; {@code null} once the channel is closed and every
         * message kept for this receiver has been read. Fails with {@link LaggedException} if
         * messages were overwritten before this receiver read them (see the class notes);
         * cancel-safe.
         *
         * @throws IllegalStateException (from the future) if this receiver is closed
         */
        public Future<T> recv() {
            return new Recv<>(this);
        }

        /** Number of messages kept and not yet read by this receiver (at most the capacity). */
        public int pending() {
            synchronized (channel.lock) {
                return (int) Math.min(channel.tail - next, channel.capacity);
            }
        }

        /** Unsubscribes: later sends do not count this receiver, and it releases what it had not read. Idempotent. */
        @Override
        public void close() {
            Broadcast<T> ch = channel;
            synchronized (ch.lock) {
                if (closed) return;
                closed = true;
                ch.receivers--;
                for (long s = Math.max(next, ch.tail - ch.capacity); s < ch.tail; s++) ch.releaseLocked(s);
            }
        }

        /**
         * Takes the next message under the lock, or registers {@code waiter} to be woken by the
         * next send or close. Returns the message, {@link #END} or {@code null} (registered).
         */
        private Object takeOrRegister(Waiter waiter, Context cx) {
            Broadcast<T> ch = channel;
            synchronized (ch.lock) {
                if (closed) throw new IllegalStateException("recv on a closed Broadcast.Receiver");
                long oldest = Math.max(0, ch.tail - ch.capacity);
                if (next < oldest) {
                    long skipped = oldest - next;
                    next = oldest; // resume at the oldest kept message: the next recv continues from there
                    if (waiter.isQueued()) ch.waiters.remove(waiter);
                    throw new LaggedException(skipped);
                }
                if (next < ch.tail) {
                    Object m = ch.ring[(int) (next % ch.capacity)];
                    ch.releaseLocked(next);
                    next++;
                    if (waiter.isQueued()) ch.waiters.remove(waiter);
                    return m;
                }
                if (ch.closed) return END;
                if (!waiter.isQueued()) ch.waiters.add(waiter);
                waiter.waker = cx.waker(); // the latest waker wins
                return null;
            }
        }

        private void deregister(Waiter waiter) {
            synchronized (channel.lock) {
                channel.waiters.remove(waiter);
                waiter.waker = null;
            }
        }

        @Override
        public String toString() {
            synchronized (channel.lock) {
                return "Broadcast.Receiver[next=" + next + (closed ? ", closed]" : "]");
            }
        }
    }

    /** Marks end of stream in {@link Receiver#takeOrRegister}. */
    private static final Object END = new Object();

    private static final class Waiter extends WaitQueue.Node {}

    /** {@link Receiver#recv()}: takes a message only when returning it. */
    private static final class Recv<T> implements Future<T> {
        private final Receiver<T> receiver;
        private final Waiter waiter = new Waiter();
        private boolean done;
        /** Set by cancel() from the owning task or another thread; read at the next poll. */
        private volatile boolean cancelled;

        Recv(Receiver<T> receiver) {
            this.receiver = receiver;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Poll<T> poll(Context cx) {
            if (done) throw new IllegalStateException("Broadcast recv polled after it completed");
            if (cancelled) {
                done = true;
                throw new CancellationException("Broadcast recv cancelled: no message was taken");
            }
            if (!Budget.hasBudget(cx)) return Poll.pending();
            Object m;
            try {
                m = receiver.takeOrRegister(waiter, cx);
            } catch (RuntimeException e) {
                done = true;
                throw e;
            }
            if (m == null) return Poll.pending();
            done = true;
            Budget.spend(cx);
            return Poll.ready(m == END ? null : (T) m);
        }

        /** Leaves the wait queue; nothing was taken, so nothing is given back. */
        @Override
        public void cancel() {
            if (done) return;
            cancelled = true;
            receiver.deregister(waiter);
        }

        @Override
        public String toString() {
            return "Broadcast recv on " + receiver;
        }
    }

    /**
     * A receiver fell behind by more than the channel's capacity: {@link #skipped()} messages were
     * overwritten before it read them. The receiver has moved on to the oldest kept message, so
     * receiving again continues from there (or the caller may give up, as a Redis server drops a
     * subscriber that cannot keep up).
     */
    public static final class LaggedException extends IllegalStateException {
        private static final long serialVersionUID = 1L;
        private final long skipped;

        public LaggedException(long skipped) {
            super("broadcast receiver lagged behind and missed " + skipped + " message" + (skipped == 1 ? "" : "s")
                    + " (overwritten before it read them)");
            this.skipped = skipped;
        }

        /** How many messages this receiver missed. */
        public long skipped() {
            return skipped;
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "Broadcast[capacity=" + capacity + ", sent=" + tail + ", receivers=" + receivers
                    + (closed ? ", closed]" : "]");
        }
    }
}
