package dev.ratchet.processor.diagnostics;

import com.sun.source.util.Trees;
import javax.tools.Diagnostic.Kind;

/** Prints {@link Diagnostic}s as javac errors at their exact source position. */
public final class Reporter {
    private final Trees trees;
    private int errors;

    public Reporter(Trees trees) {
        this.trees = trees;
    }

    /** Reports {@code d} as an error on its tree. */
    public void error(Diagnostic d) {
        errors++;
        trees.printMessage(Kind.ERROR, d.text(), d.tree(), d.unit());
    }

    /** How many errors this reporter printed. */
    public int errorCount() {
        return errors;
    }
}
