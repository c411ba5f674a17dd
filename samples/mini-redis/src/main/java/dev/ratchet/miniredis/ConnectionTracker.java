package dev.ratchet.miniredis;

import static dev.ratchet.Futures.await;

import dev.ratchet.Async;
import dev.ratchet.Future;
import dev.ratchet.sync.Notify;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts open connections so that shutdown can wait until they have all finished (Tokio's
 * {@code TaskTracker}).
 *
 * <pre>{@code
 * tracker.opened();                       // before spawning the connection's task
 * ... finally { tracker.closed(); }       // at the end of that task
 * await(ConnectionTrackerAsync.awaitIdle(tracker));
 * }</pre>
 */
final class ConnectionTracker {
    /** Open connections. */
    final AtomicInteger open = new AtomicInteger();
    /** Notified (all waiters) when {@link #open} drops to zero. */
    final Notify idle = new Notify();

    void opened() {
        open.incrementAndGet();
    }

    void closed() {
        if (open.decrementAndGet() == 0) idle.notifyWaiters();
    }

    int open() {
        return open.get();
    }

    /**
     * Completes when no connection is open. The {@code notified()} future is created before the
     * count is read (same reasoning as {@link Shutdown#signalled()}): a {@code closed()} that
     * reaches zero after the read calls {@code notifyWaiters()} after the future exists.
     */
    @Async
    void awaitIdle() {
        while (true) {
            Future<Void> wake = idle.notified();
            if (open.get() == 0) return;
            await(wake);
        }
    }
}
