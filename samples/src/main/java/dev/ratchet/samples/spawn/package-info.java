/**
 * Stop 2 of the tour: three slow operations run one after the other, concurrently with {@code
 * Futures.join}, and in parallel with {@code Futures.spawn}, on {@code Executor.multiThreaded()}.
 */
package dev.ratchet.samples.spawn;
