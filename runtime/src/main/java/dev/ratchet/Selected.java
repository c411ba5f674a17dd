package dev.ratchet;

/** The winner of {@link Futures#select(java.util.List)}: its index in the list and its value. */
public record Selected<T>(int index, T value) {}
