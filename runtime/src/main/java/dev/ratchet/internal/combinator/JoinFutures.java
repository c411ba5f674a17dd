package dev.ratchet.internal.combinator;

import dev.ratchet.Future;
import dev.ratchet.Join2;
import dev.ratchet.Join3;
import dev.ratchet.Join4;
import java.util.Objects;

/**
 * {@code Futures.join(a, b[, c[, d]])}: typed joins of 2–4 futures over {@link JoinArray}.
 *
 * <pre>{@code
 * Join2<User, Cart> both = await(JoinFutures.join2(loadUser(id), loadCart(id)));
 * }</pre>
 *
 * <p>Each poll polls every child that has not completed. The first failure cancels the others,
 * drives their cleanup, and is rethrown; cancelling the join cancels and drives all children.
 */
public final class JoinFutures {
    private JoinFutures() {}

    /** Both futures' values. */
    @SuppressWarnings("unchecked")
    public static <A, B> Future<Join2<A, B>> join2(Future<A> a, Future<B> b) {
        Future<?>[] children = {Objects.requireNonNull(a, "a"), Objects.requireNonNull(b, "b")};
        return new JoinArray<>(children, r -> new Join2<>((A) r[0], (B) r[1]));
    }

    /** The three futures' values. */
    @SuppressWarnings("unchecked")
    public static <A, B, C> Future<Join3<A, B, C>> join3(Future<A> a, Future<B> b, Future<C> c) {
        Future<?>[] children = {
            Objects.requireNonNull(a, "a"), Objects.requireNonNull(b, "b"), Objects.requireNonNull(c, "c")
        };
        return new JoinArray<>(children, r -> new Join3<>((A) r[0], (B) r[1], (C) r[2]));
    }

    /** The four futures' values. */
    @SuppressWarnings("unchecked")
    public static <A, B, C, D> Future<Join4<A, B, C, D>> join4(
            Future<A> a, Future<B> b, Future<C> c, Future<D> d) {
        Future<?>[] children = {
            Objects.requireNonNull(a, "a"), Objects.requireNonNull(b, "b"),
            Objects.requireNonNull(c, "c"), Objects.requireNonNull(d, "d")
        };
        return new JoinArray<>(children, r -> new Join4<>((A) r[0], (B) r[1], (C) r[2], (D) r[3]));
    }
}
