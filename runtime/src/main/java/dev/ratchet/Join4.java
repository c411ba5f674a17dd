package dev.ratchet;

/** The results of {@link Futures#join(Future, Future, Future, Future)}, in argument order. */
public record Join4<A, B, C, D>(A first, B second, C third, D fourth) {}
