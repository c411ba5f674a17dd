/**
 * What an executor knows about itself, cheaply: its {@link dev.ratchet.internal.diag.CoarseClock}
 * (the tick that stamps each task at the end of its polls), each worker's {@link
 * dev.ratchet.internal.diag.WorkerStats} (the poll in progress and owner-written counters), the
 * {@link dev.ratchet.internal.diag.Watchdog} that samples them to find polls blocking a worker,
 * the JFR events ({@link dev.ratchet.internal.diag.TaskEvents}) and the registry of open
 * executors that {@code Diagnostics.dumpAll()} reads.
 *
 * <p>Uses the public API, {@code dev.ratchet.debug} ({@code Traceable}), {@code
 * internal.machine} (a state machine's current await) and {@code jdk.jfr}; the schedulers and
 * {@code internal.task} use it, not the reverse.
 */
package dev.ratchet.internal.diag;
