/**
 * Stop 6 of the tour: CPU-heavy work (PBKDF2 password hashing with {@code javax.crypto}) done
 * inline in a task stalls the other tasks of its thread; moved to {@code Futures.spawnBlocking},
 * it runs on the executor's blocking pool while a ticking task stays on time.
 */
package dev.ratchet.samples.blocking;
