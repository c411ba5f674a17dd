/**
 * Seeing inside a running program: {@link dev.ratchet.debug.Traceable} (a future that can say
 * where it is suspended; every {@code @Async} state machine is one) and {@link
 * dev.ratchet.debug.AsyncBacktrace} (the chain of {@code @Async} frames a failure passed
 * through, attached to the failure). Executors build their task dumps ({@link
 * dev.ratchet.debug.TaskDump}) from these; {@link dev.ratchet.debug.Diagnostics} dumps every open
 * executor.
 *
 * <pre>{@code
 * try {
 *     executor.blockOn(ShopAsync.checkout(shop, cart));
 * } catch (OutOfStockException e) {
 *     e.printStackTrace(); // "Suppressed: dev.ratchet.debug.AsyncBacktrace: ..." lists the @Async frames
 * }
 * }</pre>
 *
 * <p>Uses only {@code dev.ratchet.Future}, except {@code Diagnostics}, which reads the registry
 * of open executors ({@code internal.diag}) and calls {@code Executor.dump()}; the rest of the
 * runtime's internals depend on this package, not the reverse.
 */
package dev.ratchet.debug;
