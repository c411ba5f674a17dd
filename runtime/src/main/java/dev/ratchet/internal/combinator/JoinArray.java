package dev.ratchet.internal.combinator;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import java.util.function.Function;

/**
 * Joins a small fixed number of children ({@code join} of 2–4 futures): every poll polls each
 * child that has not completed yet, all with the caller's context.
 *
 * <p>Polling every child on each wake is simple and obviously wake-safe (a child that was not
 * woken just returns pending again); for 2–4 children it is also the cheapest choice, as it needs
 * no per-child waker. {@link JoinAll} is the variant for many children.
 *
 * @param <R> the assembled result, e.g. {@code Join2<A, B>}
 */
final class JoinArray<R> extends Combinator<R> {
    /** Children's values by index; poller-only. */
    private final Object[] results;
    private final Function<Object[], R> assemble;
    private int remaining;

    JoinArray(Future<?>[] children, Function<Object[], R> assemble) {
        super("join", children);
        this.results = new Object[children.length];
        this.assemble = assemble;
        this.remaining = children.length;
    }

    @Override
    Poll<R> pollChildren(Context cx) {
        for (int i = 0; i < childCount(); i++) {
            if (!isRunning(i)) continue;
            Poll<?> p = pollChild(i, cx);
            if (p.isReady()) {
                results[i] = p.value();
                remaining--;
            }
        }
        return remaining == 0 ? Poll.ready(assemble.apply(results)) : Poll.pending();
    }
}
