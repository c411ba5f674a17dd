package dev.ratchet;

import java.util.concurrent.CancellationException;

/** {@link Futures#pending()}: pending until cancelled. */
final class PendingFuture<T> implements Future<T> {
    private volatile boolean cancelled;

    @Override
    public Poll<T> poll(Context cx) {
        if (cancelled) throw new CancellationException("Futures.pending() was cancelled");
        return Poll.pending();
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public String toString() {
        return "pending()";
    }
}
