package dev.ratchet.internal.combinator;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;

/**
 * Select: polls the children in input order on every poll; the first to return a value wins
 * (ties within one poll go to the lower index, like Tokio's {@code biased} select), and the
 * others are cancelled and driven to the end of their cleanup before the winner is returned.
 *
 * <p>A child that throws before any wins fails the select the same way: the others are cancelled
 * and driven, then its exception is rethrown. A loser whose cleanup throws something other than
 * {@code CancellationException} fails the select with that exception even though a winner exists:
 * the failure must not be lost, and the winner's value cannot carry it.
 *
 * <p>Cancel safety: a loser that completes with a value while being cancelled (it ignored the
 * cancellation) has that value dropped, as in any select.
 *
 * @param <R> the result that names the winner: {@code Either} or {@code Selected}
 */
final class SelectFirst<R> extends Combinator<R> {
    /** Builds the result from the winner's index and value. */
    interface Winner<R> {
        R of(int index, Object value);
    }

    private final Winner<R> winner;

    SelectFirst(Future<?>[] children, Winner<R> winner) {
        super("select", children);
        this.winner = winner;
    }

    @Override
    Poll<R> pollChildren(Context cx) {
        for (int i = 0; i < childCount(); i++) {
            Poll<?> p = pollChild(i, cx); // all children run until one completes
            if (p.isReady()) return Poll.ready(winner.of(i, p.value()));
        }
        return Poll.pending();
    }
}
