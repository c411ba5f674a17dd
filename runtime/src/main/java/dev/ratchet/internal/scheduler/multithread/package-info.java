/**
 * The work-stealing executor: {@link dev.ratchet.internal.scheduler.multithread.Worker} threads
 * with bounded {@link dev.ratchet.internal.scheduler.multithread.LocalQueue}s (owner push/pop,
 * thieves steal half), a LIFO slot per worker, the shared inject queue, and {@link
 * dev.ratchet.internal.scheduler.multithread.Idle} to park and wake workers without thundering
 * herds. Uses {@code internal.scheduler} and {@code internal.task}.
 */
package dev.ratchet.internal.scheduler.multithread;
