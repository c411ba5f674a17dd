/**
 * Time: {@link dev.ratchet.time.Sleep}, {@link dev.ratchet.time.Timeout} and
 * {@link dev.ratchet.time.Interval}, futures over the executor's timing wheel
 * ({@code dev.ratchet.internal.time}); outside an executor they use the process-wide timer.
 * In a task dump a sleep says its duration and the time left ({@code sleep(50 ms), 12 ms left}),
 * and a timeout is {@link dev.ratchet.debug.Traceable}: its limit and time left, with the future
 * it limits under it.
 * Uses the core API, {@code internal.time}, {@code internal.waker} and {@code dev.ratchet.debug}
 * (dump support); never the scheduler.
 */
package dev.ratchet.time;
