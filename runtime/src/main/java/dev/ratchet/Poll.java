package dev.ratchet;

import java.util.Objects;

/**
 * The result of one {@link Future#poll(Context) poll}: either ready with a value, or pending.
 *
 * <p>A future that fails does not return a {@code Poll}: {@code poll} throws the failure.
 *
 * <pre>{@code
 * Poll<String> p = future.poll(cx);
 * if (p.isReady()) use(p.value());
 * }</pre>
 *
 * <p>A {@code Poll} from {@link #ready} or {@link #pending} never changes (its fields are not
 * final, so hand one to another thread through a happens-before edge, as any result of a poll
 * is). The class is not final
 * for one reason: the runtime's state machines (the code the processor generates) are their own
 * ready result, so that completing one allocates nothing. Such a result is ready only once the
 * machine has completed, and its {@code equals} is the machine's identity. Other subclasses are
 * not supported.
 *
 * @param <T> the type of the value
 */
public class Poll<T> {
    private static final Poll<?> PENDING = new Poll<>(null, false);
    private static final Poll<?> READY_NULL = new Poll<>(null, true);

    /** Final in every Poll but a state machine's, which sets both once, at its completion. */
    private T value;
    private boolean ready;

    private Poll(T value, boolean ready) {
        this.value = value;
        this.ready = ready;
    }

    /**
     * For the runtime's state machines only (see the class documentation): not ready until
     * {@link #readyWith}.
     */
    protected Poll() {}

    /**
     * For the runtime's state machines only: makes this object the ready result carrying {@code
     * value}, and returns it. Called once, by the thread that polls the machine, which hands the
     * result to its caller on the same thread.
     */
    protected final Poll<T> readyWith(T value) {
        this.value = value;
        this.ready = true;
        return this;
    }

    /** A ready result carrying {@code value} (which may be {@code null}, e.g. for {@code Void}). */
    @SuppressWarnings("unchecked")
    public static <T> Poll<T> ready(T value) {
        return value == null ? (Poll<T>) READY_NULL : new Poll<>(value, true);
    }

    /** The pending result: the future has arranged for its waker to be woken. Shared instance. */
    @SuppressWarnings("unchecked")
    public static <T> Poll<T> pending() {
        return (Poll<T>) PENDING;
    }

    public final boolean isReady() {
        return ready;
    }

    public final boolean isPending() {
        return !ready;
    }

    /**
     * The value of a ready result.
     *
     * @throws IllegalStateException if this result is pending
     */
    public final T value() {
        if (!ready) {
            throw new IllegalStateException("Poll.value() called on a pending result; check isReady() first");
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Poll<?> p && p.ready == ready && Objects.equals(p.value, value);
    }

    @Override
    public int hashCode() {
        return ready ? 31 + Objects.hashCode(value) : 0;
    }

    @Override
    public String toString() {
        return ready ? "Ready(" + value + ")" : "Pending";
    }
}
