package dev.ratchet;

import java.util.Objects;

/**
 * What a {@link Future} is given when polled: the {@link Waker} of the task being polled, and
 * that task's cooperative budget.
 *
 * <p>The budget is how Ratchet keeps one busy task from starving the others on its thread (as
 * Tokio does): every await in generated code and every ready result of the runtime's own
 * resources {@linkplain #consumeBudget() spends one unit}; when the budget is spent, the task
 * wakes itself and returns pending. Executors {@linkplain #refillBudget(int) refill} it at the
 * start of every poll of a task. A context made with {@link #of(Waker)} has an unlimited budget,
 * which suits hand-driven tests.
 *
 * <pre>{@code
 * Context cx = Context.of(Waker.noop());
 * Poll<Integer> p = future.poll(cx);
 * }</pre>
 *
 * <p>A context belongs to one task and is used by one thread at a time (the executor's rule that
 * a task is never polled concurrently); it is not thread-safe.
 */
public final class Context {
    /** Budget of a context that never forces a yield. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    private final Waker waker;
    private int budget;

    private Context(Waker waker, int budget) {
        this.waker = waker;
        this.budget = budget;
    }

    /** A context for {@code waker} with an unlimited budget. */
    public static Context of(Waker waker) {
        return new Context(Objects.requireNonNull(waker, "waker"), UNLIMITED);
    }

    /** A context for {@code waker} whose budget starts at {@code units} (positive). */
    public static Context withBudget(Waker waker, int units) {
        Objects.requireNonNull(waker, "waker");
        if (units <= 0) throw new IllegalArgumentException("budget must be positive, got " + units);
        return new Context(waker, units);
    }

    /** The waker of the task being polled. */
    public Waker waker() {
        return waker;
    }

    /**
     * Spends one unit of the task's budget.
     *
     * @return {@code true} if the caller may proceed; {@code false} if the budget is spent, in
     *     which case the caller must {@linkplain Waker#wake() wake} the task and return pending
     *     (use {@link #yieldIfSpent()} for both steps)
     */
    public boolean consumeBudget() {
        if (budget == UNLIMITED) return true;
        if (budget == 0) return false;
        budget--;
        return true;
    }

    /**
     * Spends one unit; when the budget is spent, wakes the task so it is polled again soon.
     *
     * @return {@code true} if the caller must now return {@link Poll#pending()}
     */
    public boolean yieldIfSpent() {
        if (consumeBudget()) return false;
        waker.wake();
        return true;
    }

    /** Units left in this poll ({@link #UNLIMITED} if unlimited). */
    public int budgetRemaining() {
        return budget;
    }

    /** For executors: sets the budget at the start of a poll of the task. */
    public void refillBudget(int units) {
        if (units <= 0) throw new IllegalArgumentException("budget must be positive, got " + units);
        this.budget = units;
    }

    @Override
    public String toString() {
        return "Context[waker=" + waker + ", budget=" + (budget == UNLIMITED ? "unlimited" : budget) + "]";
    }
}
