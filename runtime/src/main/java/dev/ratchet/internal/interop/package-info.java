/**
 * Bridges between Ratchet futures and {@link java.util.concurrent.CompletionStage}: {@code
 * CompletionStageFuture} (await a stage from a task) and {@code FutureToCompletable} (run a future
 * as a task and expose a {@code CompletableFuture}). Uses the public API and {@code
 * internal.combinator.Rethrow}.
 */
package dev.ratchet.internal.interop;
