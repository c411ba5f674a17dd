/**
 * Join and select combinators behind {@code Futures.join}, {@code joinAll} and {@code select}.
 *
 * <p>{@code Combinator} holds the shared lifecycle (run the children, decide the outcome, cancel
 * the rest and drive their cleanup to the end with {@code CancelledChildren}); {@code JoinArray},
 * {@code JoinAll} (per-child wakers via {@code ReadyChildren}) and {@code SelectFirst} decide
 * what "done" means.
 *
 * <p>Every combinator is a {@link dev.ratchet.debug.Traceable}: a task dump shows it as {@code
 * join of 3 (2 pending)} with a branch per child it still waits for (or per cancelled child whose
 * cleanup it drives). Uses only the public API ({@code dev.ratchet}, {@code dev.ratchet.debug}).
 */
package dev.ratchet.internal.combinator;
