package dev.ratchet.bench.ratchet;

import dev.ratchet.Context;

/**
 * What the state machines here do at each await, as generated code will: spend one unit of the
 * task's cooperative budget (SPEC "Executors and wakers"), yielding when it is spent.
 *
 * <pre>{@code
 * case AWAIT_RECV -> {
 *     if (Await.mustYield(cx)) return Poll.pending();
 *     Poll<Long> p = recv.poll(cx);
 *     ...
 * }
 * }</pre>
 */
final class Await {
    private Await() {}

    /** Spends one budget unit; true (after waking the task) if the task must return pending. */
    static boolean mustYield(Context cx) {
        return cx.yieldIfSpent();
    }
}
