package dev.ratchet.processor.model;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import java.util.Objects;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @Async} method as the user wrote it: its element, the class declaring it and its
 * source tree (valid for the current round only).
 */
public record AsyncMethod(ExecutableElement element, TypeElement owner, TreePath path) {
    public AsyncMethod {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(path, "path");
    }

    public MethodTree tree() {
        return (MethodTree) path.getLeaf();
    }

    public CompilationUnitTree unit() {
        return path.getCompilationUnit();
    }

    public boolean isStatic() {
        return element.getModifiers().contains(Modifier.STATIC);
    }

    /** The name of the source file, e.g. {@code Checkout.java}, for comments in generated code. */
    public String fileName() {
        String name = unit().getSourceFile().getName();
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

    /** A key that identifies the method across rounds (elements do not survive a round). */
    public String key() {
        return owner.getQualifiedName() + "#" + element;
    }
}
