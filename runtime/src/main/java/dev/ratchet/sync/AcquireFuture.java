package dev.ratchet.sync;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.internal.waker.Budget;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * The future of a {@link BatchSemaphore} acquisition, turning the permits into a result (a
 * {@link Semaphore.Permit}, a {@link Mutex.Guard}) when it completes. Shared by the primitives
 * that wait for permits: budget check first, one unit spent on ready, cancellation returns any
 * assigned permits.
 */
final class AcquireFuture<R> implements Future<R> {
    private final BatchSemaphore.Acquire acquire;
    private final Supplier<R> onAcquired;
    private final String what;
    /** The primitive's state for task dumps, e.g. {@code held, 2 waiting}; must be lock-free. */
    private final Supplier<String> poolState;
    private boolean done;
    /** Set by cancel() (the owner, possibly another thread); read by poll. */
    private volatile boolean cancelled;

    /**
     * @param what the operation, for messages and dumps: {@code Mutex.lock()}
     * @param poolState the primitive's state for {@link #toString()}, read racily without its lock
     */
    AcquireFuture(BatchSemaphore.Acquire acquire, Supplier<R> onAcquired, String what, Supplier<String> poolState) {
        this.acquire = acquire;
        this.onAcquired = onAcquired;
        this.what = what;
        this.poolState = poolState;
    }

    @Override
    public Poll<R> poll(Context cx) {
        if (done) throw new IllegalStateException(what + " polled after it completed");
        if (cancelled) {
            done = true;
            throw new CancellationException(what + " cancelled");
        }
        if (!Budget.hasBudget(cx)) return Poll.pending();
        switch (acquire.poll(cx.waker())) {
            case ACQUIRED -> {
                done = true;
                Budget.spend(cx);
                return Poll.ready(onAcquired.get());
            }
            case PENDING -> {
                return Poll.pending();
            }
            default -> {
                done = true;
                throw new IllegalStateException(what + " failed: the semaphore is closed");
            }
        }
    }

    /** Leaves the queue, returning any permits already assigned; the next poll throws CancellationException. */
    @Override
    public void cancel() {
        if (done) return;
        cancelled = true;
        acquire.cancel();
    }

    /**
     * For task dumps: {@code Mutex.lock() (held, 2 waiting)}, {@code Semaphore.acquire(3) (1 of 3
     * assigned; 0 of 4 permits free, 2 waiting)}. Lock-free: a dump never waits on the primitive
     * it inspects, so the figures are a racy snapshot.
     */
    @Override
    public String toString() {
        String progress = acquire.progressRacy();
        return what + " (" + (progress == null ? "" : progress + "; ") + poolState.get() + ")";
    }
}
