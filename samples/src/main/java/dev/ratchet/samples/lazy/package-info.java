/**
 * Stop 1 of the tour: futures are lazy. Creating one runs nothing; awaiting it (or spawning it)
 * runs its body. Uses {@code Executor.currentThread()}, {@code Futures.spawn} and a companion entry.
 */
package dev.ratchet.samples.lazy;
