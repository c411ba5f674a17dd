/**
 * Executors and join handles: {@link dev.ratchet.runtime.Executor} ({@code currentThread()},
 * {@code multiThreaded()}, a builder) and {@link dev.ratchet.runtime.JoinHandle}. A thin façade
 * over {@code dev.ratchet.internal.scheduler}, which does the work.
 */
package dev.ratchet.runtime;
