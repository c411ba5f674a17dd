package dev.ratchet.internal.combinator;

/** PLACEHOLDER (foundation skeleton). */
public final class JoinFutures {
    private JoinFutures() {}

    public static <A, B> dev.ratchet.Future<dev.ratchet.Join2<A, B>> join2(dev.ratchet.Future<A> a, dev.ratchet.Future<B> b) { throw new UnsupportedOperationException(); }
    public static <A, B, C> dev.ratchet.Future<dev.ratchet.Join3<A, B, C>> join3(dev.ratchet.Future<A> a, dev.ratchet.Future<B> b, dev.ratchet.Future<C> c) { throw new UnsupportedOperationException(); }
    public static <A, B, C, D> dev.ratchet.Future<dev.ratchet.Join4<A, B, C, D>> join4(dev.ratchet.Future<A> a, dev.ratchet.Future<B> b, dev.ratchet.Future<C> c, dev.ratchet.Future<D> d) { throw new UnsupportedOperationException(); }
}
