package dev.ratchet.runtime;

import dev.ratchet.Future;

/**
 * The result of a spawned task, as a {@link Future}: awaiting it gives the task's value or
 * rethrows the task's exception.
 *
 * <pre>{@code
 * JoinHandle<Integer> h = executor.spawn(work());
 * int n = executor.blockOn(h);
 * }</pre>
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
}
