package dev.ratchet.processor.check;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.ratchet.processor.diagnostics.Diagnostic;
import dev.ratchet.processor.diagnostics.Reporter;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * What a {@link Check} needs while it checks one compilation unit: the javac utilities, a way to
 * report an error at a tree, and the set of {@code @Async} methods found invalid so far.
 */
final class CheckContext {
    final Trees trees;
    final Elements elements;
    final Types types;
    final CompilationUnitTree unit;
    final AsyncAnnotation async;
    private final Reporter reporter;
    private final Set<ExecutableElement> invalid = new LinkedHashSet<>();

    CheckContext(Trees trees, Elements elements, Types types, CompilationUnitTree unit, Reporter reporter) {
        this.trees = trees;
        this.elements = elements;
        this.types = types;
        this.unit = unit;
        this.reporter = reporter;
        this.async = new AsyncAnnotation();
    }

    /** Reports the error {@code code} at {@code tree}, which must belong to this unit. */
    void report(String code, String message, Tree tree) {
        reporter.error(new Diagnostic(code, message, unit, tree));
    }

    /** Marks {@code method} as one the generator must skip. */
    void invalidate(ExecutableElement method) {
        invalid.add(method);
    }

    Set<ExecutableElement> invalid() {
        return invalid;
    }

    /**
     * The element {@code path} refers to, or null when javac could not resolve it. During
     * processing, the first call in a class attributes that class (javac does so lazily), which is
     * why only units that {@link QuickScan} found to mention {@code Async} are checked then.
     */
    Element elementAt(TreePath path) {
        return trees.getElement(path);
    }
}
