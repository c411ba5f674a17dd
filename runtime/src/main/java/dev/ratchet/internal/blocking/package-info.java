/**
 * The blocking pool behind {@code Futures.spawnBlocking}: a bounded, growing set of threads kept
 * apart from the workers, and the jobs it runs. Uses {@code internal.task} (join handles) and
 * {@code internal.CurrentRuntime}.
 */
package dev.ratchet.internal.blocking;
