package dev.ratchet;

/** The results of {@link Futures#join(Future, Future, Future)}, in argument order. */
public record Join3<A, B, C>(A first, B second, C third) {}
