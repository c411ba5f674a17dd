package dev.ratchet.processor.check;

import com.sun.source.tree.CompilationUnitTree;
import dev.ratchet.processor.diagnostics.Reporter;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;

/** PLACEHOLDER (skeleton): finds every misuse of await and @Async in a compilation unit. */
public final class MisuseChecker {
    public MisuseChecker(ProcessingEnvironment env, Reporter reporter) {}

    /**
     * Reports every misuse in {@code unit} as an error and returns the {@code @Async} methods
     * that are invalid, which the processor must not generate code for.
     */
    public Set<ExecutableElement> check(CompilationUnitTree unit) {
        return Set.of();
    }
}
