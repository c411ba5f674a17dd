package dev.ratchet.internal;

import dev.ratchet.Future;
import dev.ratchet.internal.time.TimerDriver;
import dev.ratchet.runtime.JoinHandle;
import java.util.concurrent.Callable;

/**
 * What the public helpers ({@code Futures.spawn}, {@code sleep}, ...) need from the executor that
 * runs the caller. Implemented by {@code internal.scheduler.BaseExecutor} (both executors); found
 * through {@link CurrentRuntime}.
 */
public interface RuntimeHandle {
    /**
     * Spawns a task.
     *
     * @throws IllegalStateException "executor is closed" once the executor is closing
     */
    <T> JoinHandle<T> spawn(Future<T> future);

    /** Spawns a task with a name for diagnostics. */
    <T> JoinHandle<T> spawn(String name, Future<T> future);

    /**
     * Runs {@code work} on the executor's blocking pool.
     *
     * @throws IllegalStateException "executor is closed" once the executor is closing
     */
    <T> JoinHandle<T> spawnBlocking(Callable<T> work);

    /** The timing wheel of this executor (one per executor, closed by its {@code close()}). */
    TimerDriver timer();
}
