/**
 * Runnable samples of Ratchet, built exactly as a user's project is (the processor runs from
 * {@code annotationProcessorPaths}). {@link dev.ratchet.samples.Tour} runs them in order.
 */
package dev.ratchet.samples;
