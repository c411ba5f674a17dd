package dev.ratchet.time;

import dev.ratchet.Future;
import dev.ratchet.internal.CurrentRuntime;
import dev.ratchet.internal.RuntimeHandle;
import dev.ratchet.internal.time.TimerDriver;
import dev.ratchet.runtime.JoinHandle;
import java.util.concurrent.Callable;

/**
 * Makes a private {@link TimerDriver} the current runtime's timer on the test thread, so a test
 * can see exactly which timers its futures registered.
 */
final class TimerRuntime implements RuntimeHandle, AutoCloseable {
    final TimerDriver driver;
    private final RuntimeHandle previous;

    TimerRuntime(String name) {
        this.driver = new TimerDriver(name);
        this.previous = CurrentRuntime.enter(this);
    }

    @Override
    public <T> JoinHandle<T> spawn(Future<T> future) {
        throw new UnsupportedOperationException("timer-only test runtime");
    }

    @Override
    public <T> JoinHandle<T> spawn(String name, Future<T> future) {
        throw new UnsupportedOperationException("timer-only test runtime");
    }

    @Override
    public <T> JoinHandle<T> spawnBlocking(Callable<T> work) {
        throw new UnsupportedOperationException("timer-only test runtime");
    }

    @Override
    public TimerDriver timer() {
        return driver;
    }

    @Override
    public void close() {
        CurrentRuntime.exit(previous);
        driver.close();
    }
}
