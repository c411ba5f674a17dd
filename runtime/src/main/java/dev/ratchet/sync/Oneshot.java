package dev.ratchet.sync;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.Waker;
import dev.ratchet.internal.waker.Budget;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * A channel for exactly one value: the {@link Sender} sends it once, the {@link Receiver} (itself a
 * future) completes with it.
 *
 * <pre>{@code
 * Oneshot<Integer> reply = Oneshot.create();
 * worker.submit(job, reply.sender());          // the worker calls sender.send(result)
 * int result = await(reply.receiver());
 * }</pre>
 *
 * <h2>Failure</h2>
 * If the sender is closed without sending, the receiver fails with {@link
 * ChannelClosedException} ("sender closed without sending"). If the receiver is closed first,
 * {@link Sender#send} returns {@code false} (the value is not delivered; it stays with the caller).
 *
 * <h2>Cancel safety</h2>
 * Cancelling the receiver closes it: a later {@code send} returns {@code false}, and its next poll
 * throws {@link CancellationException}. A value that was already sent but not yet received is
 * then dropped with the receiver, as in Tokio (the sender saw {@code true}: it had been delivered
 * to the receiver, which chose to go away).
 *
 * <p>Threading: both ends are safe from any thread; the receiver is polled by one task.
 *
 * @param <T> the value type
 * @param sender the sending end
 * @param receiver the receiving end
 */
public record Oneshot<T>(Sender<T> sender, Receiver<T> receiver) {
    /** A new oneshot channel. */
    public static <T> Oneshot<T> create() {
        State<T> s = new State<>();
        return new Oneshot<>(new Sender<>(s), new Receiver<>(s));
    }

    /** Compact constructor: both ends are required. */
    public Oneshot {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(receiver, "receiver");
    }

    /** The shared slot; every field is guarded by the State's monitor. */
    private static final class State<T> {
        T value;
        boolean sent;
        boolean senderClosed;
        boolean receiverClosed;
        Waker rxWaker;
    }

    /**
     * The sending end: {@link #send} once, or {@link #close()} to tell the receiver nothing will come.
     *
     * @param <T> the value type
     */
    public static final class Sender<T> implements AutoCloseable {
        private final State<T> s;

        private Sender(State<T> s) {
            this.s = s;
        }

        /**
         * Sends {@code value} and closes this sender.
         *
         * @return {@code true} if delivered; {@code false} if the receiver was already closed
         * @throws IllegalStateException if a value was already sent or this sender was closed
         * @throws NullPointerException if {@code value} is null
         */
        public boolean send(T value) {
            Objects.requireNonNull(value, "value");
            Waker w;
            synchronized (s) {
                if (s.sent) throw new IllegalStateException("Oneshot.Sender.send called twice: a oneshot carries one value");
                if (s.senderClosed) throw new IllegalStateException("Oneshot.Sender.send after close()");
                s.senderClosed = true;
                if (s.receiverClosed) return false;
                s.sent = true;
                s.value = value;
                w = s.rxWaker;
                s.rxWaker = null;
            }
            if (w != null) w.wake();
            return true;
        }

        /** Whether the receiver is closed (a send would return {@code false}). */
        public boolean isReceiverClosed() {
            synchronized (s) {
                return s.receiverClosed;
            }
        }

        /** Closes without sending (if nothing was sent): the receiver fails. Idempotent. */
        @Override
        public void close() {
            Waker w;
            synchronized (s) {
                if (s.senderClosed) return;
                s.senderClosed = true;
                w = s.rxWaker;
                s.rxWaker = null;
            }
            if (w != null) w.wake();
        }
    }

    /**
     * The receiving end, a future of the value. Polled by one task; a ready result spends one unit
     * of its budget.
     *
     * @param <T> the value type
     */
    public static final class Receiver<T> implements Future<T>, AutoCloseable {
        private final State<T> s;
        private boolean done;
        private volatile boolean cancelled;

        private Receiver(State<T> s) {
            this.s = s;
        }

        @Override
        public Poll<T> poll(Context cx) {
            if (done) throw new IllegalStateException("Oneshot.Receiver polled after it completed");
            if (cancelled) {
                done = true;
                throw new CancellationException("Oneshot.Receiver cancelled");
            }
            if (!Budget.hasBudget(cx)) return Poll.pending();
            T v;
            synchronized (s) {
                if (!s.sent) {
                    if (s.senderClosed) {
                        done = true;
                        throw new ChannelClosedException("Oneshot sender closed without sending a value");
                    }
                    s.rxWaker = cx.waker(); // latest waker wins
                    return Poll.pending();
                }
                v = s.value;
                s.value = null;
            }
            done = true;
            Budget.spend(cx);
            return Poll.ready(v);
        }

        /** Closes the receiver; its next poll throws {@link CancellationException}. */
        @Override
        public void cancel() {
            if (done) return;
            cancelled = true;
            close();
        }

        /** Refuses the value: a later {@code send} returns {@code false}. Idempotent. */
        @Override
        public void close() {
            synchronized (s) {
                s.receiverClosed = true;
                s.rxWaker = null;
                s.value = null;
            }
        }

        /**
         * For task dumps: {@code Oneshot.recv() (nothing sent yet, sender open)}, {@code (value
         * sent)}, {@code (sender closed without sending)}. Without the lock (a dump must never
         * wait on what it inspects): a racy snapshot of the state's flags.
         */
        @Override
        public String toString() {
            String state = s.sent ? "value sent" : s.senderClosed ? "sender closed without sending" : "nothing sent yet, sender open";
            return "Oneshot.recv() (" + (cancelled ? "cancelled" : state) + ")";
        }
    }
}
