package dev.ratchet.miniredis;

import dev.ratchet.Future;
import dev.ratchet.Futures;
import dev.ratchet.sync.Notify;

/**
 * The server's stop signal: set once (by the JVM shutdown hook on Ctrl-C, or by a test), observed
 * by the accept loop, every connection and the expiry sweeper (mini-redis's {@code Shutdown}).
 *
 * <pre>{@code
 * Either<TcpStream, Void> next = await(select(listener.accept(), shutdown.signalled()));
 * }</pre>
 *
 * <p>Why a flag and a {@link Notify}: {@code Notify.notifyWaiters()} wakes only the futures that
 * exist when it is called, so a task between two waits would miss it; the flag covers that task.
 * See {@link #signalled()} for why no signal can fall between the two.
 */
final class Shutdown {
    /** Written once before notifyWaiters() (volatile: read without the Notify's lock). */
    private volatile boolean signalled;
    private final Notify notify = new Notify();

    /** Signals every current and future waiter. Idempotent, safe from any thread. */
    void signal() {
        signalled = true;
        notify.notifyWaiters();
    }

    boolean isSignalled() {
        return signalled;
    }

    /**
     * A future that completes once the signal is given (at once if it was). Cancel-safe (it is a
     * {@code Notify.notified()}), so it can lose a select any number of times.
     *
     * <p>Ordering: the {@code notified()} future is created (under the Notify's lock) before the
     * flag is read. If the read sees {@code false}, the {@link #signal()} that sets it has not
     * written it yet, so its {@code notifyWaiters()} takes the lock after the future was created
     * and completes it. If the read sees {@code true}, we return a ready future. Either way the
     * signal is not missed.
     */
    Future<Void> signalled() {
        Future<Void> notified = notify.notified();
        return signalled ? Futures.ready(null) : notified;
    }
}
