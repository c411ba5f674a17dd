package dev.ratchet.internal.combinator;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import java.util.List;

/** PLACEHOLDER (foundation skeleton). */
public final class JoinAll<T> implements Future<List<T>> {
    public JoinAll(List<? extends Future<? extends T>> futures) {}

    @Override
    public Poll<List<T>> poll(Context cx) {
        throw new UnsupportedOperationException();
    }
}
