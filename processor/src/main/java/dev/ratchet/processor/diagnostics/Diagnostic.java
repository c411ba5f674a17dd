package dev.ratchet.processor.diagnostics;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import java.util.Objects;

/**
 * One compile error the processor reports: a stable code (e.g. {@code AwaitInLambda}), a message
 * that says what is wrong and what to do instead, and the exact tree it is about.
 *
 * <p>Immutable: stages collect diagnostics and the {@link Reporter} prints them.
 */
public record Diagnostic(String code, String message, CompilationUnitTree unit, Tree tree) {
    public Diagnostic {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(tree, "tree");
    }

    /** The text javac prints: {@code [ratchet:Code] message}. */
    public String text() {
        return "[ratchet:" + code + "] " + message;
    }
}
