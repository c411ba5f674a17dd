/**
 * Stop 4 of the tour: {@code Futures.select} races futures and cancels the losers (whose {@code
 * finally} blocks run before the select completes), {@code Futures.timeout} gives up with {@code
 * TimeoutException}, and a {@code select} in a loop serves an {@code Interval} ticker and a
 * {@code Channel} receiver with cancel-safe futures.
 */
package dev.ratchet.samples.select;
