/**
 * Compile errors of the processor: the {@link dev.ratchet.processor.diagnostics.Diagnostic}
 * value and the {@link dev.ratchet.processor.diagnostics.Reporter} that prints it. Message
 * catalogues live next to the stage that reports them ({@code CheckMessages}, {@code
 * LoweringMessages}). Uses nothing else of the processor.
 */
package dev.ratchet.processor.diagnostics;
