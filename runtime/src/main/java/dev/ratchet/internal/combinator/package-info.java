/**
 * Join and select combinators behind {@code Futures.join}, {@code joinAll} and {@code select}.
 *
 * <p>{@code Combinator} holds the shared lifecycle (run the children, decide the outcome, cancel
 * the rest and drive their cleanup to the end with {@code CancelledChildren}); {@code JoinArray},
 * {@code JoinAll} (per-child wakers via {@code ReadyChildren}) and {@code SelectFirst} decide
 * what "done" means. Uses only the public API ({@code dev.ratchet}).
 */
package dev.ratchet.internal.combinator;
