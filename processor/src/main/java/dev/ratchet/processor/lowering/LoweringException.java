package dev.ratchet.processor.lowering;

import dev.ratchet.processor.diagnostics.Diagnostic;

/** Stops the lowering of one method with a compile error at an exact position. */
public final class LoweringException extends RuntimeException {
    private final Diagnostic diagnostic;

    public LoweringException(Diagnostic diagnostic) {
        super(diagnostic.text(), null, false, false);
        this.diagnostic = diagnostic;
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }
}
