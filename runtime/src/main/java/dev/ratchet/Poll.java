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
 * @param <T> the type of the value
 */
public final class Poll<T> {
    private static final Poll<?> PENDING = new Poll<>(null, false);
    private static final Poll<?> READY_NULL = new Poll<>(null, true);

    private final T value;
    private final boolean ready;

    private Poll(T value, boolean ready) {
        this.value = value;
        this.ready = ready;
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

    public boolean isReady() {
        return ready;
    }

    public boolean isPending() {
        return !ready;
    }

    /**
     * The value of a ready result.
     *
     * @throws IllegalStateException if this result is pending
     */
    public T value() {
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
