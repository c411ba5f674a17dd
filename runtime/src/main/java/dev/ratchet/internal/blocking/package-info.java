/**
 * The blocking pool behind {@code Futures.spawnBlocking}: a bounded, growing set of threads kept
 * apart from the workers, and the jobs it runs; in a task dump a job says whether it is queued,
 * running (for how long) or done. Uses {@code internal.task} (join handles), {@code
 * internal.CurrentRuntime} and {@code dev.ratchet.debug} (duration format).
 */
package dev.ratchet.internal.blocking;
