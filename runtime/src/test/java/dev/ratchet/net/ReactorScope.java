package dev.ratchet.net;

import dev.ratchet.Future;
import dev.ratchet.internal.CurrentRuntime;
import dev.ratchet.internal.RuntimeHandle;
import dev.ratchet.internal.io.Reactor;
import dev.ratchet.internal.io.ReactorOwner;
import dev.ratchet.internal.time.TimerDriver;
import dev.ratchet.runtime.JoinHandle;
import java.util.concurrent.Callable;

/**
 * Makes a private {@link Reactor} current on the calling thread, as an executor that owns one
 * would: channels first waiting inside the scope register there. For tests that need to control
 * the reactor thread.
 */
final class ReactorScope implements RuntimeHandle, ReactorOwner, AutoCloseable {
    private final Reactor reactor;
    private final RuntimeHandle previous;

    ReactorScope(Reactor reactor) {
        this.reactor = reactor;
        this.previous = CurrentRuntime.enter(this);
    }

    @Override
    public Reactor reactor() {
        return reactor;
    }

    @Override
    public void close() {
        CurrentRuntime.exit(previous);
    }

    @Override
    public <T> JoinHandle<T> spawn(Future<T> future) {
        throw new UnsupportedOperationException("test scope: no executor");
    }

    @Override
    public <T> JoinHandle<T> spawnBlocking(Callable<T> work) {
        throw new UnsupportedOperationException("test scope: no executor");
    }

    @Override
    public TimerDriver timer() {
        throw new UnsupportedOperationException("test scope: no executor");
    }
}
