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

    /**
     * The type parameters of the companion entry and the machine, in order: for an instance method
     * those of the enclosing instances' classes (outermost first; an inner class's receiver type
     * names them), then the owner's; then the method's own.
     */
    public static java.util.List<javax.lang.model.element.TypeParameterElement> typeParameters(ExecutableElement method) {
        java.util.List<javax.lang.model.element.TypeParameterElement> out = new java.util.ArrayList<>();
        if (!method.getModifiers().contains(Modifier.STATIC)) {
            java.util.Deque<TypeElement> classes = new java.util.ArrayDeque<>();
            javax.lang.model.element.Element e = method.getEnclosingElement();
            while (e instanceof TypeElement t) {
                classes.push(t);
                if (t.getModifiers().contains(Modifier.STATIC) || t.getNestingKind() != javax.lang.model.element.NestingKind.MEMBER
                        || t.getKind() != javax.lang.model.element.ElementKind.CLASS) {
                    break; // a static, top-level, record, enum or interface type has no enclosing instance
                }
                e = t.getEnclosingElement();
            }
            for (TypeElement t : classes) out.addAll(t.getTypeParameters());
        }
        out.addAll(method.getTypeParameters());
        return out;
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
