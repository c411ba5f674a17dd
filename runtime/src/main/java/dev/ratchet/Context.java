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
 *
 * <h2>For executors</h2>
 * The class is abstract only so that an executor's task can <em>be</em> its own context (one
 * object per spawned task instead of two: the task supplies {@link #waker()}, this class keeps
 * the budget). Everyone else obtains contexts from {@link #of} and {@link #withBudget}.
 */
public abstract class Context {
    /** Budget of a context that never forces a yield. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    /** Units left in the current poll; owner thread only (see the class documentation). */
    private int budget;

    /**
     * For executors whose task object is its own context: starts with {@code budget} units
     * (positive).
     */
    protected Context(int budget) {
        if (budget <= 0) throw new IllegalArgumentException("budget must be positive, got " + budget);
        this.budget = budget;
    }

    /** A context for {@code waker} with an unlimited budget. */
    public static Context of(Waker waker) {
        return new OfWaker(Objects.requireNonNull(waker, "waker"), UNLIMITED);
    }

    /** A context for {@code waker} whose budget starts at {@code units} (positive). */
    public static Context withBudget(Waker waker, int units) {
        return new OfWaker(Objects.requireNonNull(waker, "waker"), units);
    }

    /** The waker of the task being polled. */
    public abstract Waker waker();

    /**
     * Spends one unit of the task's budget.
     *
     * @return {@code true} if the caller may proceed; {@code false} if the budget is spent, in
     *     which case the caller must {@linkplain Waker#wake() wake} the task and return pending
     *     (use {@link #yieldIfSpent()} for both steps)
     */
    public final boolean consumeBudget() {
        int b = budget;
        if (b <= 0) return false;
        if (b != UNLIMITED) budget = b - 1;
        return true;
    }

    /**
     * Spends one unit; when the budget is spent, wakes the task so it is polled again soon.
     *
     * @return {@code true} if the caller must now return {@link Poll#pending()}
     */
    public final boolean yieldIfSpent() {
        // Kept tiny so that the JIT inlines it at every await; the rare spent path is a call.
        if (consumeBudget()) return false;
        return wakeSpent();
    }

    private boolean wakeSpent() {
        if (renewBudget() && consumeBudget()) return false;
        waker().wake();
        return true;
    }

    /**
     * For executors: the budget is spent at {@link #yieldIfSpent()}, and the task is about to
     * yield. An executor whose polling thread has no other task waiting may {@linkplain
     * #refillBudget refill} the budget and return {@code true}: the task goes on instead of
     * yielding to nobody. The default returns {@code false}.
     */
    protected boolean renewBudget() {
        return false;
    }

    /**
     * Units left in this poll ({@link #UNLIMITED} if unlimited). Only meaningful during a poll,
     * on the polling thread: between polls an executor may keep other data in this field (the
     * executors' tasks keep the time of their last poll there; every poll refills the budget
     * first).
     */
    public final int budgetRemaining() {
        return budget;
    }

    /**
     * For executors: sets the budget at the start of a poll of the task. Between polls an
     * executor may store any positive value here (see {@link #budgetRemaining()}).
     */
    public final void refillBudget(int units) {
        if (units <= 0) throw new IllegalArgumentException("budget must be positive, got " + units);
        this.budget = units;
    }

    /** For subclasses' {@link #toString()}: the budget as text. */
    protected final String describeBudget() {
        return budget == UNLIMITED ? "unlimited" : Integer.toString(budget);
    }

    @Override
    public String toString() {
        return "Context[waker=" + waker() + ", budget=" + describeBudget() + "]";
    }

    /** The context of {@link #of} and {@link #withBudget}: a waker and a budget. */
    private static final class OfWaker extends Context {
        private final Waker waker;

        OfWaker(Waker waker, int budget) {
            super(budget);
            this.waker = waker;
        }

        @Override
        public Waker waker() {
            return waker;
        }
    }
}
