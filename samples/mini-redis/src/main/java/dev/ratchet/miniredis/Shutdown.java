package dev.ratchet.miniredis;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.Waker;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's stop signal: set once (by the JVM shutdown hook on Ctrl-C, or by a test), observed
 * by the accept loop, every connection and the expiry sweeper (mini-redis's {@code Shutdown}).
 *
 * <pre>{@code
 * Either<TcpStream, Void> next = await(select(listener.accept(), shutdown.signalled()));
 * }</pre>
 *
 * <h2>Why not a {@code dev.ratchet.sync.Notify}</h2>
 * Every connection waits for this signal in a {@code select} against its input, once per batch of
 * requests, and the signal loses nearly every time. A losing {@code Notify.notified()} takes the
 * Notify's one lock (shared by all connections) to register and again to withdraw, and its
 * cancelled poll throws a new {@link CancellationException} with a full stack trace: measured
 * under redis-benchmark, one exception per batch and about 2.5% of the server's perf samples
 * (filling in stack traces). {@link
 * #signalled()}'s future withdraws with one map removal and ends a lost select with a
 * {@code CancellationException} that has no stack trace.
 *
 * <p>Threading: {@link #signal()} from any thread; the futures are polled by their tasks.
 */
final class Shutdown {
    /** Written once, before the waiters are woken (volatile: read by polls without a lock). */
    private volatile boolean signalled;
    /** Futures waiting for the signal, with the waker of their latest pending poll. */
    private final ConcurrentHashMap<Signalled, Waker> waiters = new ConcurrentHashMap<>();

    /** Signals every current and future waiter. Idempotent, safe from any thread. */
    void signal() {
        signalled = true;
        for (Waker waker : waiters.values()) waker.wake(); // after the flag: see Signalled.poll
    }

    boolean isSignalled() {
        return signalled;
    }

    /**
     * A future that completes once the signal is given (at once if it was). Cancel-safe and cheap
     * to cancel, so it can lose a select any number of times; a cancelled one throws a
     * {@link CancellationException} (without a stack trace) when polled.
     */
    Future<Void> signalled() {
        return new Signalled();
    }

    /** See {@link #signalled()}. */
    private final class Signalled implements Future<Void> {
        private volatile boolean cancelled;

        @Override
        public Poll<Void> poll(Context cx) {
            if (cancelled) {
                waiters.remove(this);
                throw new LostSelect();
            }
            if (!signalled) {
                // Publish the waker, then read the flag again. signal() writes the flag, then
                // reads the waiters: either this read sees the flag, or that read (which begins
                // after the flag write, hence after our put) finds our waker. No wake is lost.
                waiters.put(this, cx.waker());
                if (!signalled) return Poll.pending();
            }
            waiters.remove(this);
            return Poll.ready(null);
        }

        @Override
        public void cancel() {
            cancelled = true;
            waiters.remove(this);
        }

        @Override
        public String toString() {
            return "shutdown signal";
        }
    }

    /** The end of a cancelled wait: expected and dropped by select, so no stack trace is taken. */
    static final class LostSelect extends CancellationException {
        private static final long serialVersionUID = 1L;

        LostSelect() {
            super("the wait for the shutdown signal was cancelled");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // thrown once per lost select, caught by the combinator: the trace is never read
        }
    }
}
