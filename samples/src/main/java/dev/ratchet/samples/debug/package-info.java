/**
 * Seeing inside a running program: a deadlock shown by a task dump ({@link
 * dev.ratchet.samples.debug.Deadlock}), a worker blocked by a task and the executor's warning
 * ({@link dev.ratchet.samples.debug.BlockedWorker}), and the async backtrace a failure carries
 * out of a chain of {@code @Async} calls ({@link dev.ratchet.samples.debug.Backtrace}).
 *
 * <p>Uses {@code Executor.dump()}, {@code Executor.metrics()}, the executor's long-poll warning
 * and {@code dev.ratchet.debug.AsyncBacktrace}.
 */
package dev.ratchet.samples.debug;
