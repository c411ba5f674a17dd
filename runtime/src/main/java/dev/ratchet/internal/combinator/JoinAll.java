package dev.ratchet.internal.combinator;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * {@code Futures.joinAll}: runs any number of futures concurrently within one task and completes
 * with their values in input order.
 *
 * <pre>{@code
 * List<String> pages = await(Futures.joinAll(List.of(fetch("a"), fetch("b"), fetch("c"))));
 * }</pre>
 *
 * <p>Each child is polled with its own waker ({@link ReadyChildren}), so a poll of the join only
 * polls the children woken since their last poll: joining N futures costs O(wakes), not O(N) per
 * wake. The budget the children spend is charged to the caller's context.
 *
 * <p>The first child to fail decides the outcome: the other running children are cancelled and
 * driven to the end of their cleanup, then its exception is rethrown (the same object). {@link
 * #cancel()} cancels and drives all children, then throws {@code CancellationException}. An empty
 * list completes at once with an empty list.
 *
 * @param <T> the children's value type
 */
public final class JoinAll<T> extends Combinator<List<T>> {
    private final Object[] results;
    private final ReadyChildren ready;
    private int remaining;

    /**
     * @param futures the children, in the order of the results
     * @throws NullPointerException if {@code futures} or any element is null
     */
    public JoinAll(List<? extends Future<? extends T>> futures) {
        super("joinAll", copy(futures));
        this.results = new Object[childCount()];
        this.ready = new ReadyChildren(childCount());
        this.remaining = childCount();
    }

    private static Future<?>[] copy(List<? extends Future<?>> futures) {
        Objects.requireNonNull(futures, "futures");
        Future<?>[] children = futures.toArray(new Future<?>[0]);
        for (int i = 0; i < children.length; i++) {
            Objects.requireNonNull(children[i], "futures[" + i + "]");
        }
        return children;
    }

    @Override
    Poll<List<T>> pollChildren(Context cx) {
        ready.beginPass(cx.waker());
        int i;
        while (remaining > 0 && cx.budgetRemaining() > 0 && (i = ready.next()) >= 0) {
            if (isRunning(i)) pollWithSharedBudget(i, cx); // a stray wake of a finished child is ignored
        }
        if (remaining == 0) return Poll.ready(resultList());
        if (cx.budgetRemaining() == 0) cx.waker().wake(); // spent: yield, the woken children wait in the queue
        return Poll.pending();
    }

    /** Polls child {@code i} with its own context, carrying the caller's budget over and back. */
    private void pollWithSharedBudget(int i, Context cx) {
        int budget = cx.budgetRemaining();
        Context child = ready.contextOf(i);
        child.refillBudget(budget);
        Poll<?> p = pollChild(i, child);
        for (int spent = budget - child.budgetRemaining(); spent > 0; spent--) {
            cx.consumeBudget(); // an unlimited budget stays unlimited: spent is 0
        }
        if (p.isReady()) {
            results[i] = p.value();
            remaining--;
        }
    }

    @SuppressWarnings("unchecked")
    private List<T> resultList() {
        return Collections.unmodifiableList(Arrays.asList((T[]) results));
    }
}
