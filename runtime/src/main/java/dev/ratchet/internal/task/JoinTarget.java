package dev.ratchet.internal.task;

/**
 * Something that completes once with an output: a spawned {@link Task} (its own handle) or a
 * blocking job (behind a {@link TaskJoinHandle}).
 *
 * @param <T> the output type
 */
public interface JoinTarget<T> {
    /** Whether the output is stored. A volatile read: the output is visible once it is true. */
    boolean isComplete();

    /**
     * The output of a complete target: its value, or its failure rethrown unchanged (checked
     * exceptions sneakily). Only called after {@link #isComplete()} returned {@code true}.
     */
    T resultNow();

    /** Requests cancellation; see {@link dev.ratchet.runtime.JoinHandle#abort()}. */
    void abort();
}
