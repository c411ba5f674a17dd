package dev.ratchet.internal.waker;

import dev.ratchet.Context;

/**
 * Cooperative budget for the runtime's own resources, following Tokio's {@code coop}: a resource
 * checks the budget <em>before</em> doing anything, and spends one unit only when it returns
 * ready. When the budget is spent, the resource wakes the task and returns pending without
 * touching its state (no message taken, no permit consumed), so nothing is lost by yielding.
 *
 * <pre>{@code
 * public Poll<T> poll(Context cx) {
 *     if (!Budget.hasBudget(cx)) return Poll.pending();  // already woke the task
 *     T v = tryTake();
 *     if (v != null) { Budget.spend(cx); return Poll.ready(v); }
 *     ...
 * }
 * }</pre>
 */
public final class Budget {
    private Budget() {}

    /**
     * Whether the task may make progress in this poll. When not, the task has been woken (it will
     * be polled again after the others) and the caller must return pending.
     */
    public static boolean hasBudget(Context cx) {
        if (cx.budgetRemaining() > 0) return true;
        cx.waker().wake();
        return false;
    }

    /** Spends one unit, when returning ready after {@link #hasBudget} said yes. */
    public static void spend(Context cx) {
        cx.consumeBudget();
    }
}
