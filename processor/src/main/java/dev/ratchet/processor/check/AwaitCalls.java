package dev.ratchet.processor.check;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.util.TreePath;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Decides whether a call or method reference is {@code dev.ratchet.Futures.await}.
 *
 * <p>The resolved element decides. Only when javac could not resolve the call (an argument that
 * is no future: javac drops that resolution error during processing as recoverable, and once the
 * checker reports an error it never gets further) does the source decide: {@code await(...)} under
 * a static import of {@code Futures.await} (or {@code Futures.*}), or {@code Q.await(...)} whose
 * qualifier resolves to {@code Futures}. A method of another class that happens to be called
 * {@code await} is never taken for it. (An argument mentioning a companion that is not generated
 * yet does not get here: javac still resolves the call.)
 */
final class AwaitCalls {
    private final CheckContext cx;
    private Boolean staticallyImported;

    AwaitCalls(CheckContext cx) {
        this.cx = cx;
    }

    /** Whether {@code resolved} is one of the {@code Futures.await} overloads. */
    static boolean isAwait(Element resolved) {
        return resolved instanceof ExecutableElement method
                && method.getSimpleName().contentEquals(RatchetNames.AWAIT)
                && method.getEnclosingElement() instanceof TypeElement owner
                && owner.getQualifiedName().contentEquals(RatchetNames.FUTURES);
    }

    /**
     * Whether the call or reference at {@code path}, with method part {@code select} and resolved
     * element {@code resolved} (possibly null or erroneous), calls {@code Futures.await}.
     */
    boolean isAwait(TreePath path, ExpressionTree select, Element resolved) {
        if (resolved instanceof ExecutableElement) {
            return isAwait(resolved);
        }
        if (select instanceof IdentifierTree id) {
            return id.getName().contentEquals(RatchetNames.AWAIT) && awaitIsStaticallyImported(cx.unit);
        }
        if (select instanceof MemberSelectTree member && member.getIdentifier().contentEquals(RatchetNames.AWAIT)) {
            ExpressionTree qualifier = member.getExpression();
            if (qualifier.toString().equals(RatchetNames.FUTURES)) {
                return true;
            }
            Element owner = cx.elementAt(new TreePath(new TreePath(path, member), qualifier));
            return owner instanceof TypeElement t && t.getQualifiedName().contentEquals(RatchetNames.FUTURES);
        }
        return false;
    }

    private boolean awaitIsStaticallyImported(CompilationUnitTree unit) {
        if (staticallyImported == null) {
            staticallyImported = false;
            for (ImportTree i : unit.getImports()) {
                String imported = i.getQualifiedIdentifier().toString();
                if (i.isStatic()
                        && (imported.equals(RatchetNames.FUTURES + "." + RatchetNames.AWAIT)
                                || imported.equals(RatchetNames.FUTURES + ".*"))) {
                    staticallyImported = true;
                }
            }
        }
        return staticallyImported;
    }
}
