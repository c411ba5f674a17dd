package dev.ratchet.processor.check;

import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import javax.lang.model.element.ExecutableElement;

/**
 * A place where the written code suspends, or would if it were in an {@code @Async} body: an
 * explicit {@code Futures.await} or an implicit await (a call of an {@code @Async} method), as a
 * call or as a method reference.
 *
 * @param callee the resolved method; for an await whose call javac could not resolve (an
 *     argument that refers to a companion not generated yet) it may be null
 */
record SuspensionSite(Kind kind, TreePath path, ExecutableElement callee, Placement placement) {
    enum Kind {
        AWAIT_CALL,
        AWAIT_REFERENCE,
        ASYNC_CALL,
        ASYNC_REFERENCE;

        boolean isExplicitAwait() {
            return this == AWAIT_CALL || this == AWAIT_REFERENCE;
        }

        boolean isReference() {
            return this == AWAIT_REFERENCE || this == ASYNC_REFERENCE;
        }
    }

    /** The invocation or reference. */
    Tree tree() {
        return path.getLeaf();
    }

    /**
     * Where errors about this site go, following javac's convention for calls: the method name
     * ({@code await}), or the dot of a qualified one ({@code Futures.await}); a method reference
     * as a whole.
     */
    Tree errorTree() {
        return path.getLeaf() instanceof MethodInvocationTree call ? call.getMethodSelect() : path.getLeaf();
    }
}
