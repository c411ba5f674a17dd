package dev.ratchet;

/**
 * Tells an executor that a task can make progress: {@link #wake()} schedules the task to be
 * polled again.
 *
 * <p>Contract for implementations: {@code wake()} is safe to call from any thread, any number of
 * times, before, during or after a poll; it must not block and must not poll the task itself
 * (it only schedules). A wake during a poll causes exactly one more poll; a wake after the task
 * completed does nothing.
 *
 * <pre>{@code
 * Waker w = () -> readyQueue.add(task);
 * Context cx = Context.of(w);
 * }</pre>
 */
@FunctionalInterface
public interface Waker {
    /** Schedules the task this waker belongs to for another poll. */
    void wake();

    /** A waker that does nothing: for polling futures by hand in tests. */
    static Waker noop() {
        return NoopWaker.INSTANCE;
    }
}

enum NoopWaker implements Waker {
    INSTANCE;

    @Override
    public void wake() {}

    @Override
    public String toString() {
        return "Waker.noop()";
    }
}
