package dev.ratchet.sync;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.internal.waker.Budget;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * A multi-producer, multi-consumer broadcast channel: every message sent reaches every receiver
 * subscribed at the time, through a bounded ring (Tokio's {@code broadcast}).
 *
 * <pre>{@code
 * Broadcast<Event> bus = Broadcast.create(64);
 * Broadcast.Receiver<Event> audit = bus.sender().subscribe();
 *
 * bus.sender().send(new Event("login"));      // never waits
 *
 * @Async void listen(Broadcast.Receiver<Event> rx) {
 *     while (true) {
 *         Event e;
 *         try {
 *             e = await(rx.recv());
 *         } catch (LaggedException lagged) {
 *             continue;                          // missed some; carry on from the oldest kept
 *         }
 *         if (e == null) break;                  // every sender closed
 *         handle(e);
 *     }
 * }
 * }</pre>
 *
 * <h2>Lagging</h2>
 * Senders never wait: the ring keeps the last {@code capacity} messages. A receiver that falls
 * more than {@code capacity} behind gets a {@link LaggedException} saying how many it missed, and
 * then continues from the oldest message still kept.
 *
 * <h2>End of stream</h2>
 * {@code recv()} completes with {@code null} once every sender handle is closed and the receiver
 * has received everything kept (messages are never null), as {@link Channel} does.
 *
 * <h2>Cancel safety</h2>
 * Cancelling a pending {@code recv()} takes nothing: the receiver's position is unchanged, and
 * its next poll throws {@link CancellationException}.
 *
 * <p>Threading: senders are safe from any thread; each receiver is used by one task at a time
 * (one {@code recv()} pending at once). Messages are shared between receivers, not copied: send
 * immutable values. The ring holds on to the last {@code capacity} messages until they are
 * overwritten. A ready {@code recv()} spends one unit of the task's budget.
 *
 * @param <T> the message type
 * @param sender the first sender; {@link Sender#copy()} it for more producers
 * @param receiver the first receiver; {@link Sender#subscribe()} for more
 */
public record Broadcast<T>(Sender<T> sender, Receiver<T> receiver) {
    /**
     * A broadcast channel keeping the last {@code capacity} messages.
     *
     * @throws IllegalArgumentException if {@code capacity < 1}
     */
    public static <T> Broadcast<T> create(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("broadcast capacity must be >= 1, got " + capacity);
        BroadcastCore<T> core = new BroadcastCore<>(capacity);
        return new Broadcast<>(new Sender<>(core), new Receiver<>(core));
    }

    /** Compact constructor: both ends are required. */
    public Broadcast {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(receiver, "receiver");
    }

    /**
     * A sending handle. Each handle (including each {@link #copy()}) must be closed; the last
     * close ends the stream for the receivers.
     *
     * @param <T> the message type
     */
    public static final class Sender<T> implements AutoCloseable {
        private final BroadcastCore<T> core;
        /** Guarded by {@code core.lock}. */
        private boolean closed;

        private Sender(BroadcastCore<T> core) {
            this.core = core;
        }

        /**
         * Sends {@code message} to every subscribed receiver, without waiting.
         *
         * @return the number of receivers subscribed; 0 means nobody will see it (it is not kept)
         * @throws ChannelClosedException (carrying the message) if this handle is closed
         * @throws NullPointerException if {@code message} is null
         */
        public int send(T message) {
            Objects.requireNonNull(message, "message");
            if (isClosed()) throw new ChannelClosedException("send failed: this Broadcast.Sender was closed", message);
            return core.send(message);
        }

        /** A new receiver that gets every message sent from now on. */
        public Receiver<T> subscribe() {
            return new Receiver<>(core);
        }

        /**
         * Another sending handle; it must be closed too.
         *
         * @throws IllegalStateException if this handle is closed
         */
        public Sender<T> copy() {
            synchronized (core.lock) {
                if (closed) throw new IllegalStateException("cannot copy a closed Broadcast.Sender");
                core.addSender();
            }
            return new Sender<>(core);
        }

        public boolean isClosed() {
            synchronized (core.lock) {
                return closed;
            }
        }

        /** Closes this handle; the last one closed ends the stream. Idempotent. */
        @Override
        public void close() {
            synchronized (core.lock) {
                if (closed) return;
                closed = true;
            }
            core.closeSender();
        }
    }

    /**
     * A subscription: receives every message sent after it was created, in order.
     *
     * @param <T> the message type
     */
    public static final class Receiver<T> implements AutoCloseable {
        private final BroadcastCore<T> core;
        /** The number of the next message to receive; one-element array so the core updates it under its lock. */
        private final long[] cursor = new long[1];
        private boolean closed;

        private Receiver(BroadcastCore<T> core) {
            this.core = core;
            this.cursor[0] = core.subscribe();
        }

        /**
         * A future for the next message; {@code null} at the end of the stream.
         * Fails with {@link LaggedException} if this receiver fell more than the capacity behind.
         */
        public Future<T> recv() {
            checkOpen();
            return new Recv<>(this);
        }

        /**
         * The next message if there is one now, else {@code null}.
         *
         * @throws LaggedException if this receiver fell behind (see the class documentation)
         */
        @SuppressWarnings("unchecked")
        public T tryRecv() {
            checkOpen();
            Object m = core.recvOrRegister(cursor, null, null);
            return m == BroadcastCore.END ? null : (T) m;
        }

        /** Unsubscribes: messages are no longer kept for this receiver. Idempotent. */
        @Override
        public void close() {
            if (closed) return;
            closed = true;
            core.unsubscribe();
        }

        private void checkOpen() {
            if (closed) throw new IllegalStateException("Broadcast.Receiver is closed");
        }
    }

    private static final class Recv<T> implements Future<T> {
        private final Receiver<T> rx;
        private final BroadcastCore.Waiter node = new BroadcastCore.Waiter();
        private boolean done;
        private volatile boolean cancelled;

        Recv(Receiver<T> rx) {
            this.rx = rx;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Poll<T> poll(Context cx) {
            if (done) throw new IllegalStateException("Broadcast recv polled after it completed");
            if (cancelled) {
                done = true;
                throw new CancellationException("Broadcast recv cancelled: nothing was received");
            }
            rx.checkOpen();
            if (!Budget.hasBudget(cx)) return Poll.pending();
            Object m;
            try {
                m = rx.core.recvOrRegister(rx.cursor, node, cx.waker());
            } catch (LaggedException e) {
                done = true;
                throw e;
            }
            if (m == null) return Poll.pending();
            done = true;
            Budget.spend(cx);
            return Poll.ready(m == BroadcastCore.END ? null : (T) m);
        }

        @Override
        public void cancel() {
            if (done) return;
            cancelled = true;
            rx.core.cancel(node);
        }

        /** For task dumps: {@code Broadcast.recv() on broadcast(64): 0 unread, 1 sender open, 2 receivers}. */
        @Override
        public String toString() {
            return "Broadcast.recv() on " + rx.core.describe(rx.cursor[0]);
        }
    }
}
