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
    /**
     * How a primitive names its acquisitions and describes itself, for messages and task dumps.
     * One per primitive instance (made once, not per acquisition: {@code lock()} allocates no
     * more for it); its texts are built only when asked.
     */
    interface Describer {
        /** The operation for {@code permits} permits: {@code Mutex.lock()}, {@code Semaphore.acquire(3)}. */
        String operation(int permits);

        /** The primitive's state, read without its lock (a racy snapshot): {@code held, 2 waiting}. */
        String stateRacy();
    }

    private final BatchSemaphore.Acquire acquire;
    private final Supplier<R> onAcquired;
    private final Describer describer;
    private boolean done;
    /** Set by cancel() (the owner, possibly another thread); read by poll. */
    private volatile boolean cancelled;

    AcquireFuture(BatchSemaphore.Acquire acquire, Supplier<R> onAcquired, Describer describer) {
        this.acquire = acquire;
        this.onAcquired = onAcquired;
        this.describer = describer;
    }

    private String what() {
        return describer.operation(acquire.wanted);
    }

    @Override
    public Poll<R> poll(Context cx) {
        if (done) throw new IllegalStateException(what() + " polled after it completed");
        if (cancelled) {
            done = true;
            throw new CancellationException(what() + " cancelled");
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
                throw new IllegalStateException(what() + " failed: the semaphore is closed");
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
        return what() + " (" + (progress == null ? "" : progress + "; ") + describer.stateRacy() + ")";
    }
}
