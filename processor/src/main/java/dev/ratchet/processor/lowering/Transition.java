package dev.ratchet.processor.lowering;

import java.util.List;

/**
 * A jump to another state: a {@code break}/{@code continue} to a split loop, or a {@code return},
 * possibly through the {@code finally} blocks it crosses (innermost first). Each crossed finally
 * is told where to go when it completes: the next finally, the target, or the return.
 *
 * @param crossed the finally regions crossed, innermost first
 * @param target the state to reach after them; null for a return
 * @param returnValue the returned value (null for {@code return;} and for non-returns)
 * @param isReturn whether this completes the future
 */
public record Transition(List<TryRegion> crossed, Block target, Snippet returnValue, boolean isReturn) {
    /** The block the transition enters first (a finally, or the target), null for a plain return. */
    public Block firstBlock() {
        return crossed.isEmpty() ? (target == null ? null : target.resolved()) : crossed.get(0).finallyEntry();
    }

    /** Where the jump ends up after the finally blocks (null for a return). */
    public Block resolvedTarget() {
        return target == null ? null : target.resolved();
    }
}
