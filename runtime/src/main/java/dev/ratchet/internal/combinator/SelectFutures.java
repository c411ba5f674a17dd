package dev.ratchet.internal.combinator;

/** PLACEHOLDER (foundation skeleton). */
public final class SelectFutures {
    private SelectFutures() {}

    public static <A, B> dev.ratchet.Future<dev.ratchet.Either<A, B>> select2(dev.ratchet.Future<A> a, dev.ratchet.Future<B> b) { throw new UnsupportedOperationException(); }
    public static <T> dev.ratchet.Future<dev.ratchet.Selected<T>> selectAll(java.util.List<? extends dev.ratchet.Future<? extends T>> futures) { throw new UnsupportedOperationException(); }
}
