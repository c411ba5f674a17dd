package dev.ratchet.fs;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Futures;
import dev.ratchet.Poll;
import dev.ratchet.debug.Traceable;
import dev.ratchet.runtime.JoinHandle;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;

/**
 * A lazy {@link Futures#spawnBlocking}: the work is submitted on the first poll (so creating the
 * future runs nothing, and the executor is the one polling it), then the future follows the job.
 *
 * <p>Cancellation: before the first poll, the work never runs. Afterwards the job is aborted if
 * it has not started; if it is running (blocking I/O cannot be stopped), the future waits for it
 * to end, so that once it completes — always with {@link CancellationException} — the operation
 * is no longer in progress.
 *
 * <p>{@link Traceable}: a task dump shows the operation ({@code readString(/etc/hosts)}) and,
 * under it, the blocking job it waits for ({@code spawnBlocking job (running for 12 ms)}).
 */
final class BlockingCall<T> implements Future<T>, Traceable {
    private final String description;
    private final Callable<T> work;
    /** Set by the first poll; volatile so that a cancel() from another thread can abort it. */
    private volatile JoinHandle<T> job;
    private volatile boolean cancelled;
    private boolean done; // poller only

    BlockingCall(String description, Callable<T> work) {
        this.description = description;
        this.work = work;
    }

    @Override
    public Poll<T> poll(Context cx) {
        if (done) throw new IllegalStateException(description + " was polled after it completed");
        JoinHandle<T> j = job;
        if (j == null) {
            if (cancelled) {
                done = true;
                throw new CancellationException(description + " was cancelled before it started");
            }
            j = Futures.spawnBlocking(work); // IllegalStateException outside an executor
            job = j;
            if (cancelled) j.cancel(); // cancel() ran between our check and the spawn
        }
        Poll<T> p;
        try {
            p = j.poll(cx);
        } catch (Throwable t) {
            done = true;
            if (cancelled) throw cancellation(t);
            throw t; // the work's own exception, unchanged
        }
        if (p.isPending()) return p;
        done = true;
        if (cancelled) throw cancellation(null);
        return p;
    }

    private CancellationException cancellation(Throwable jobFailure) {
        CancellationException e = new CancellationException(description + " was cancelled");
        if (jobFailure != null && !(jobFailure instanceof CancellationException)) e.addSuppressed(jobFailure);
        return e;
    }

    @Override
    public void cancel() {
        cancelled = true;
        JoinHandle<T> j = job;
        if (j != null) j.cancel();
    }

    @Override
    public StackTraceElement suspendedAt() {
        return null;
    }

    /** The job's handle once submitted (volatile read). */
    @Override
    public List<? extends Future<?>> awaiting() {
        JoinHandle<T> j = job;
        return j == null ? List.of() : List.of(j);
    }

    @Override
    public String toString() {
        return description;
    }
}
