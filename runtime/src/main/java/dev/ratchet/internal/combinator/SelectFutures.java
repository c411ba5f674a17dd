package dev.ratchet.internal.combinator;

import dev.ratchet.Either;
import dev.ratchet.Future;
import dev.ratchet.Selected;
import java.util.List;
import java.util.Objects;

/**
 * {@code Futures.select(...)}: the first future to complete wins, the others are cancelled and
 * their cleanup runs to the end before the select completes (see {@link SelectFirst}).
 *
 * <pre>{@code
 * Either<String, Void> r = await(SelectFutures.select2(rx.recv(), Futures.sleep(Duration.ofSeconds(1))));
 * }</pre>
 */
public final class SelectFutures {
    private SelectFutures() {}

    /** {@link Either.First} if {@code a} completes first, {@link Either.Second} if {@code b} does. */
    @SuppressWarnings("unchecked")
    public static <A, B> Future<Either<A, B>> select2(Future<A> a, Future<B> b) {
        Future<?>[] children = {Objects.requireNonNull(a, "a"), Objects.requireNonNull(b, "b")};
        return new SelectFirst<>(children, (index, value) -> index == 0
                ? new Either.First<A, B>((A) value)
                : new Either.Second<A, B>((B) value));
    }

    /**
     * The index and value of the first of {@code futures} to complete.
     *
     * @throws IllegalArgumentException if {@code futures} is empty (nothing could ever win)
     * @throws NullPointerException if {@code futures} or any element is null
     */
    @SuppressWarnings("unchecked")
    public static <T> Future<Selected<T>> selectAll(List<? extends Future<? extends T>> futures) {
        Objects.requireNonNull(futures, "futures");
        if (futures.isEmpty()) {
            throw new IllegalArgumentException("select needs at least one future: an empty select could never complete");
        }
        Future<?>[] children = futures.toArray(new Future<?>[0]);
        for (int i = 0; i < children.length; i++) {
            Objects.requireNonNull(children[i], "futures[" + i + "]");
        }
        return new SelectFirst<>(children, (index, value) -> new Selected<>(index, (T) value));
    }
}
