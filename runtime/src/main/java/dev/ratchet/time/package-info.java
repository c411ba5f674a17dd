/**
 * Time: {@link dev.ratchet.time.Sleep}, {@link dev.ratchet.time.Timeout} and
 * {@link dev.ratchet.time.Interval}, futures over the executor's timing wheel
 * ({@code dev.ratchet.internal.time}); outside an executor they use the process-wide timer.
 * Uses the core API, {@code internal.time} and {@code internal.waker}; never the scheduler.
 */
package dev.ratchet.time;
