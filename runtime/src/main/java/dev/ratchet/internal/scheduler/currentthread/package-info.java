/**
 * The single-threaded executor: every task is polled on the thread inside {@code blockOn}.
 * Uses {@code internal.scheduler} and {@code internal.task}.
 */
package dev.ratchet.internal.scheduler.currentthread;
