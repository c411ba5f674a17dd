/**
 * Facts about an {@code @Async} body: the exact type and element of every tree ({@link
 * dev.ratchet.processor.analysis.BodyIndex}), its suspension points ({@link
 * dev.ratchet.processor.analysis.Suspension}), which statements can complete normally (JLS
 * 14.22, {@link dev.ratchet.processor.analysis.Completion}) and liveness over a control-flow
 * graph ({@link dev.ratchet.processor.analysis.Liveness}). Uses model.
 */
package dev.ratchet.processor.analysis;
