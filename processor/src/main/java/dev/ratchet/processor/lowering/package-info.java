/**
 * The state graph of one {@code @Async} body: basic {@link dev.ratchet.processor.lowering.Block
 * blocks} of {@link dev.ratchet.processor.lowering.Snippet source snippets}, the edges between
 * them (branches, awaits, switch dispatch, catch dispatch, finally routing), {@link
 * dev.ratchet.processor.lowering.TryRegion try regions} and the variables that must survive a
 * suspension. {@link dev.ratchet.processor.lowering.Lowerer} builds it from the trees, {@link
 * dev.ratchet.processor.lowering.StatePlanner} decides states, fields and nulling from liveness.
 * Uses model and analysis; knows nothing of JavaPoet.
 */
package dev.ratchet.processor.lowering;
