package dev.ratchet.internal;

import dev.ratchet.Future;
import dev.ratchet.internal.time.TimerDriver;
import dev.ratchet.runtime.JoinHandle;
import java.util.concurrent.Callable;

/**
 * What the public helpers ({@code Futures.spawn}, {@code sleep}, ...) need from the executor that
 * runs the caller. Implemented by the schedulers; found through {@link CurrentRuntime}.
 */
public interface RuntimeHandle {
    <T> JoinHandle<T> spawn(dev.ratchet.Future<T> future);

    <T> JoinHandle<T> spawnBlocking(Callable<T> work);

    /** The timing wheel of this executor. */
    TimerDriver timer();
}
