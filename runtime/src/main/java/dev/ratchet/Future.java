package dev.ratchet;

/**
 * A value that will be available later, computed by being polled — Rust's {@code Future} in Java.
 *
 * <p>A future is lazy: creating it runs nothing. An executor (or an awaiting state machine) calls
 * {@link #poll(Context)}; the future makes as much progress as it can without blocking and
 * returns {@link Poll#ready(Object)} with its value, or {@link Poll#pending()} after arranging
 * for {@code cx.waker()} to be woken when polling again can make progress. A future that fails
 * throws from {@code poll} (checked exceptions are rethrown unchanged).
 *
 * <pre>{@code
 * final class Ready<T> implements Future<T> {
 *     private final T value;
 *     Ready(T value) { this.value = value; }
 *     public Poll<T> poll(Context cx) { return Poll.ready(value); }
 * }
 * }</pre>
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>{@code poll} is never called concurrently for one future, and must not block.
 *   <li>Once a future has returned ready (or thrown), polling it again is a usage error: runtime
 *       futures throw {@link IllegalStateException}.
 *   <li>Returning pending without having arranged a wake is a bug that hangs the task.
 * </ul>
 *
 * <h2>Cancellation</h2>
 * {@link #cancel()} requests cooperative cancellation. A future that supports it completes, at
 * its next poll, by throwing {@link java.util.concurrent.CancellationException} after running its
 * cleanup (generated state machines run their {@code finally} blocks). Whoever cancels a future
 * keeps polling it until it has completed, so cleanup is never cut short.
 *
 * @param <T> the type of the value
 */
@FunctionalInterface
public interface Future<T> {
    /** Makes progress; see the class documentation. */
    Poll<T> poll(Context cx);

    /**
     * Requests cancellation: the next poll should run the future's cleanup and complete by
     * throwing {@link java.util.concurrent.CancellationException}. Cancelling a completed future
     * does nothing. The default does nothing: a future with no cleanup and no waiting may simply
     * run to completion.
     */
    default void cancel() {}
}
