package dev.ratchet.runtime;

import dev.ratchet.Future;

/**
 * The result of a spawned task, as a {@link Future}: awaiting it gives the task's value or
 * rethrows the task's exception — the same object the task threw.
 *
 * <pre>{@code
 * JoinHandle<Integer> h = executor.spawn(work());
 * int n = executor.blockOn(h);          // or, inside an @Async method: await(h)
 * }</pre>
 *
 * <h2>Awaiting</h2>
 * A handle may be awaited from another task (it stores that task's waker and wakes it when the
 * task completes; no wake is lost) or through {@code blockOn}. One task awaits a handle at a
 * time. A completed handle can be polled again and gives the same outcome. Dropping a handle
 * does not cancel the task: it keeps running, detached.
 *
 * <h2>Cancellation</h2>
 * {@link #abort()} requests cancellation: the task's future is {@linkplain Future#cancel()
 * cancelled} on the thread that polls it next, and polled so that its cleanup ({@code finally}
 * blocks) runs; the handle then completes with {@link java.util.concurrent.CancellationException}
 * (or whatever the cleanup threw). Cancellation is cooperative: a future that ignores {@code
 * cancel()} keeps running, and if it still returns a value, the handle gives that value. Abort
 * racing completion is safe: the handle gives one outcome or the other. Cancelling the handle
 * itself, as a {@link Future} ({@link #cancel()}, e.g. because an awaiting state machine was
 * cancelled), aborts the task too.
 *
 * <h2>Failures nobody awaits</h2>
 * A task that fails is logged at {@code DEBUG} by the {@link System.Logger} {@code
 * "dev.ratchet.runtime"} when it fails (Java has no hook for "the handle was dropped"), and the
 * exception is kept in the handle for whoever awaits it later.
 *
 * <p>Thread safety: every method may be called from any thread.
 *
 * @param <T> the task's output type
 */
public interface JoinHandle<T> extends Future<T> {
    /**
     * Cancels the task: its next poll runs its cleanup ({@code finally} blocks) and it completes
     * with {@link java.util.concurrent.CancellationException}. Does nothing if it has finished.
     */
    void abort();

    /** Whether the task has completed (with a value, an exception, or cancelled). */
    boolean isFinished();

    /** Same as {@link #abort()}: cancelling the handle cancels the task. */
    @Override
    default void cancel() {
        abort();
    }
}
