package dev.ratchet.sync;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.Waker;
import dev.ratchet.internal.waker.Budget;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * A multi-producer, single-consumer channel: {@link Sender}s send messages, one {@link Receiver}
 * receives them in order. {@link #bounded(int)} holds at most {@code capacity} messages (senders
 * wait for space: backpressure); {@link #unbounded()} never makes senders wait.
 *
 * <pre>{@code
 * Channel<String> ch = Channel.bounded(16);
 * Channel.Sender<String> tx2 = ch.sender().copy();        // a second producer
 *
 * @Async void produce(Channel.Sender<String> tx) {
 *     try (tx) {                                          // closing the last sender ends the stream
 *         for (String s : work()) await(tx.send(s));
 *     }
 * }
 *
 * @Async void consume(Channel.Receiver<String> rx) {
 *     for (String m; (m = await(rx.recv())) != null; ) handle(m);   // null: every sender closed
 * }
 * }</pre>
 *
 * <h2>End of stream</h2>
 * {@link Receiver#recv()} completes with {@code null} once every sender handle is closed and the
 * buffered messages have all been received (messages themselves are never null: sending null
 * throws {@link NullPointerException}). This is the {@code Queue.poll()} / {@code readLine()}
 * convention; end of stream is not an error.
 *
 * <h2>Capacity</h2>
 * A bounded channel's capacity counts buffered messages plus {@code send}s that have been granted
 * a slot and not yet polled to completion (the permit is reserved first, as in Tokio's bounded
 * mpsc), so {@code trySend} may see the channel full while {@link Receiver#size()} is below the
 * capacity. {@code trySend} itself reserves and appends atomically.
 *
 * <h2>Ordering and fairness</h2>
 * Messages are received in the order their sends completed; the messages of one sender arrive in
 * the order it sent them. Senders waiting for space in a bounded channel are served FIFO, and
 * {@link Sender#trySend} never overtakes a waiting sender.
 *
 * <h2>Cancel safety</h2>
 * Cancelling a pending {@code send} means the message was not sent (it leaves the queue of
 * waiting senders, returning any capacity reserved for it); a completed send has delivered it.
 * Cancelling a pending {@code recv} takes no message: the next {@code recv} gets it. The next poll
 * of a cancelled future throws {@link CancellationException}.
 *
 * <h2>Closing</h2>
 * Closing the receiver refuses further sends: pending and new sends fail with {@link
 * ChannelClosedException}, which returns the refused message; the receiver may still drain what
 * was buffered. A ready send or recv spends one unit of the task's budget.
 *
 * @param <T> the message type
 * @param sender the first sender; {@link Sender#copy()} it for more producers
 * @param receiver the receiver
 */
public record Channel<T>(Sender<T> sender, Receiver<T> receiver) {
    /**
     * A channel buffering at most {@code capacity} messages.
     *
     * @throws IllegalArgumentException if {@code capacity < 1}
     */
    public static <T> Channel<T> bounded(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("channel capacity must be >= 1, got " + capacity
                    + "; for a rendezvous (hand-off with no buffer) use Oneshot or Notify");
        }
        return create(new ChannelCore<>(capacity));
    }

    /** A channel with no bound: sends never wait (memory is the limit). */
    public static <T> Channel<T> unbounded() {
        return create(new ChannelCore<>(Integer.MAX_VALUE));
    }

    private static <T> Channel<T> create(ChannelCore<T> core) {
        return new Channel<>(new Sender<>(core), new Receiver<>(core));
    }

    /** Compact constructor: both ends are required. */
    public Channel {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(receiver, "receiver");
    }

    /**
     * The sending end. Each handle, including each {@link #copy()}, must be closed: the stream
     * ends for the receiver when the last one is. Safe to use from any thread.
     *
     * @param <T> the message type
     */
    public static final class Sender<T> implements AutoCloseable {
        private final ChannelCore<T> core;
        /** Guarded by {@code core.lock}, so a push and this handle's close are atomic with respect to each other. */
        private boolean closed;

        private Sender(ChannelCore<T> core) {
            this.core = core;
        }

        /**
         * A future that sends {@code message}, waiting for space in a bounded channel. Lazy:
         * nothing is sent until it is polled.
         *
         * <p>Fails with {@link ChannelClosedException} (carrying {@code message}) if the receiver
         * is or gets closed, or this handle is closed before the message went in.
         *
         * @throws NullPointerException if {@code message} is null
         */
        public Future<Void> send(T message) {
            Objects.requireNonNull(message, "message");
            return new Send<>(this, message);
        }

        /**
         * Sends {@code message} now if there is space (and no sender is already waiting for it).
         *
         * @return {@code false} if the channel is full
         * @throws ChannelClosedException (carrying {@code message}) if the receiver or this handle is closed
         * @throws NullPointerException if {@code message} is null
         */
        public boolean trySend(T message) {
            Objects.requireNonNull(message, "message");
            return switch (core.tryPush(message, this)) {
                case PUSHED -> true;
                case FULL -> false;
                case RECEIVER_CLOSED -> throw receiverClosed(message);
                case SENDER_CLOSED -> throw senderClosed(message);
            };
        }

        /** Pushes after a permit was obtained; on refusal gives the permit back and throws. */
        void pushOrThrow(T message) {
            ChannelCore.PushResult r = core.push(message, this);
            if (r == ChannelCore.PushResult.PUSHED) return;
            if (core.permits != null) core.permits.release(1); // the slot goes to the next sender
            throw r == ChannelCore.PushResult.RECEIVER_CLOSED ? receiverClosed(message) : senderClosed(message);
        }

        /**
         * Another handle to the same channel, for another producer; it must be closed too.
         *
         * @throws IllegalStateException if this handle is closed
         */
        public Sender<T> copy() {
            core.lock.lock();
            try {
                if (closed) throw new IllegalStateException("cannot copy a closed Channel.Sender");
                core.addSender();
            } finally {
                core.lock.unlock();
            }
            return new Sender<>(core);
        }

        /** Closes this handle; the last one closed ends the stream. Idempotent. */
        @Override
        public void close() {
            Waker w;
            core.lock.lock();
            try {
                if (closed) return;
                closed = true;
                w = core.senderClosedLocked();
            } finally {
                core.lock.unlock();
            }
            if (w != null) w.wake();
        }

        /** Whether this handle is closed. */
        public boolean isClosed() {
            core.lock.lock();
            try {
                return closed;
            } finally {
                core.lock.unlock();
            }
        }

        /** Whether the receiver is closed: every send would fail. */
        public boolean isReceiverClosed() {
            return core.isReceiverClosed();
        }

        boolean closedLocked() {
            return closed;
        }

        ChannelCore<T> core() {
            return core;
        }

        private static ChannelClosedException receiverClosed(Object message) {
            return new ChannelClosedException("send failed: the channel's receiver is closed", message);
        }

        private static ChannelClosedException senderClosed(Object message) {
            return new ChannelClosedException("send failed: this Channel.Sender was closed", message);
        }

        @Override
        public String toString() {
            return "Channel.Sender[" + (closed ? "closed" : "open") + "]";
        }
    }

    /**
     * {@link Sender#send}: pushes at once if there is space, else waits for a permit (bounded),
     * then pushes. The wait node is only created when the channel is full: a send that finds
     * space (the common case) allocates nothing but itself.
     */
    private static final class Send<T> implements Future<Void> {
        private final Sender<T> sender;
        private final T message;
        /** The queued permit request of a bounded send that found the channel full; else null. */
        private BatchSemaphore.Acquire permit;
        private boolean done;
        private volatile boolean cancelled;

        Send(Sender<T> sender, T message) {
            this.sender = sender;
            this.message = message;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            if (done) throw new IllegalStateException("Channel send polled after it completed");
            if (cancelled) {
                done = true;
                // cancel() from another thread may have missed a request queued by a racing poll:
                // the canceller keeps polling (Future's contract), so this poll gives it back.
                if (permit != null) permit.cancel();
                throw new CancellationException("Channel send cancelled: the message was not sent");
            }
            if (!Budget.hasBudget(cx)) return Poll.pending();
            BatchSemaphore permits = sender.core().permits;
            if (permits != null) {
                if (permit == null) {
                    // First poll: take a free slot and push in one step (no barging: tryPush
                    // refuses while other senders are queued), else queue for a slot.
                    switch (sender.core().tryPush(message, sender)) {
                        case PUSHED -> {
                            done = true;
                            Budget.spend(cx);
                            return Poll.ready(null);
                        }
                        case RECEIVER_CLOSED -> {
                            done = true;
                            throw Sender.receiverClosed(message);
                        }
                        case SENDER_CLOSED -> {
                            done = true;
                            throw Sender.senderClosed(message);
                        }
                        default -> permit = permits.newAcquire(1); // FULL
                    }
                }
                switch (permit.poll(cx.waker())) {
                    case PENDING -> {
                        return Poll.pending();
                    }
                    case CLOSED -> {
                        done = true;
                        throw Sender.receiverClosed(message);
                    }
                    default -> { } // ACQUIRED: the permit is ours until the push, or given back
                }
            }
            done = true;
            sender.pushOrThrow(message);
            Budget.spend(cx);
            return Poll.ready(null);
        }

        @Override
        public void cancel() {
            if (done) return;
            cancelled = true;
            BatchSemaphore.Acquire p = permit;
            if (p != null) p.cancel(); // returns a reserved slot to the next sender
        }

        /**
         * For task dumps: {@code Channel.send() waiting for capacity on bounded(1) channel: 1
         * queued, 1 sender open (2 sends waiting)}. Lock-free, racy (see ChannelCore).
         */
        @Override
        public String toString() {
            ChannelCore<T> core = sender.core();
            BatchSemaphore.Acquire p = permit; // read once: a racing first poll may set it
            if (p == null || !p.isWaitingRacy()) return "Channel.send() on " + core.describe();
            int waiting = core.permits.waitersRacy();
            return "Channel.send() waiting for capacity on " + core.describe()
                    + " (" + waiting + (waiting == 1 ? " send waiting)" : " sends waiting)");
        }
    }

    /**
     * The receiving end: one per channel, used by one task at a time (one {@code recv()} pending
     * at once). Safe to close from any thread.
     *
     * @param <T> the message type
     */
    public static final class Receiver<T> implements AutoCloseable {
        private final ChannelCore<T> core;

        private Receiver(ChannelCore<T> core) {
            this.core = core;
        }

        /**
         * A future for the next message, or {@code null} at the end of the stream (every sender
         * closed, or this receiver closed, and the buffer drained).
         */
        public Future<T> recv() {
            return new Recv<>(core);
        }

        /** The next message if one is buffered now, else {@code null} (see {@link #isTerminated()}). */
        public T tryRecv() {
            return core.tryPop();
        }

        /** Whether no message will ever come again: the stream has ended and the buffer is empty. */
        public boolean isTerminated() {
            return core.isEnded();
        }

        /** Messages buffered now. */
        public int size() {
            return core.size();
        }

        /**
         * Refuses further sends (pending and new sends fail with {@link ChannelClosedException}).
         * Already buffered messages can still be received. Idempotent.
         */
        @Override
        public void close() {
            core.closeReceiver();
        }

        @Override
        public String toString() {
            return "Channel.Receiver[buffered=" + size() + (isTerminated() ? ", terminated]" : "]");
        }
    }

    /** {@link Receiver#recv()}. Takes a message only when returning it, so cancelling loses nothing. */
    private static final class Recv<T> implements Future<T> {
        private final ChannelCore<T> core;
        private boolean done;
        private volatile boolean cancelled;

        Recv(ChannelCore<T> core) {
            this.core = core;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Poll<T> poll(Context cx) {
            if (done) throw new IllegalStateException("Channel recv polled after it completed");
            if (cancelled) {
                done = true;
                throw new CancellationException("Channel recv cancelled: no message was taken");
            }
            if (!Budget.hasBudget(cx)) return Poll.pending();
            Object m = core.popOrRegister(cx.waker());
            if (m == null) return Poll.pending();
            done = true;
            Budget.spend(cx);
            return Poll.ready(m == ChannelCore.END ? null : (T) m);
        }

        @Override
        public void cancel() {
            if (!done) cancelled = true; // nothing was taken: nothing to give back
        }

        /** For task dumps: {@code Channel.recv() on bounded(1) channel: 0 queued, 1 sender open}. */
        @Override
        public String toString() {
            return "Channel.recv() on " + core.describe();
        }
    }
}
