package dev.ratchet;

/** The results of {@link Futures#join(Future, Future)}, in argument order. */
public record Join2<A, B>(A first, B second) {}
