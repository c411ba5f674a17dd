package dev.ratchet.runtime;

import dev.ratchet.Future;

/** PLACEHOLDER (foundation skeleton): see SPEC. */
public interface Executor extends AutoCloseable {
    static Executor currentThread() {
        throw new UnsupportedOperationException();
    }

    static Executor multiThreaded() {
        throw new UnsupportedOperationException();
    }

    <T> T blockOn(Future<T> future);

    <T> JoinHandle<T> spawn(Future<T> future);

    @Override
    void close();
}
