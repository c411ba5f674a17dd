package dev.ratchet.processor.check;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Gathers {@link UnitFacts} from a unit (or one class of it) in one pre-order pass, resolving every
 * call and method reference. During processing that makes javac attribute the unit's classes (see
 * {@link CheckContext#elementAt}); after analysis it only reads what javac resolved.
 */
final class UnitScanner extends TreePathScanner<Void, Void> {
    private final CheckContext cx;
    private final AwaitCalls awaitCalls;
    /** The {@code @Async} declarations seen so far; pre-order means enclosing ones come first. */
    private final Map<MethodTree, AsyncMethod> asyncByTree = new IdentityHashMap<>();
    private final List<AsyncMethod> asyncMethods = new ArrayList<>();
    private final List<SuspensionSite> sites = new ArrayList<>();
    private final List<TreePath> classes = new ArrayList<>();

    private UnitScanner(CheckContext cx) {
        this.cx = cx;
        this.awaitCalls = new AwaitCalls(cx);
    }

    /** Scans every declaration and body under {@code path}: the whole unit, or one class of it. */
    static UnitFacts scan(CheckContext cx, TreePath path) {
        UnitScanner scanner = new UnitScanner(cx);
        scanner.scan(path, null);
        return new UnitFacts(scanner.asyncMethods, scanner.sites, scanner.classes);
    }

    @Override
    public Void visitClass(ClassTree tree, Void unused) {
        classes.add(getCurrentPath());
        return super.visitClass(tree, unused);
    }

    @Override
    public Void visitMethod(MethodTree tree, Void unused) {
        if (cx.elementAt(getCurrentPath()) instanceof ExecutableElement method && cx.async.isPresentOn(method)) {
            AnnotationTree annotation = AsyncAnnotation.findIn(tree.getModifiers());
            AsyncMethod async = new AsyncMethod(getCurrentPath(), method, annotation);
            asyncByTree.put(tree, async);
            asyncMethods.add(async);
        }
        return super.visitMethod(tree, unused);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        TreePath path = getCurrentPath();
        Element callee = cx.elementAt(path);
        if (awaitCalls.isAwait(path, tree.getMethodSelect(), callee)) {
            addSite(SuspensionSite.Kind.AWAIT_CALL, path, callee);
        } else if (callee instanceof ExecutableElement method && cx.async.isPresentOn(method)) {
            addSite(SuspensionSite.Kind.ASYNC_CALL, path, callee);
        }
        return super.visitMethodInvocation(tree, unused);
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
        TreePath path = getCurrentPath();
        Element callee = cx.elementAt(path);
        if (AwaitCalls.isAwait(callee) || awaitReferenceUnresolved(tree, callee)) {
            addSite(SuspensionSite.Kind.AWAIT_REFERENCE, path, callee);
        } else if (callee instanceof ExecutableElement method && cx.async.isPresentOn(method)) {
            addSite(SuspensionSite.Kind.ASYNC_REFERENCE, path, callee);
        }
        return super.visitMemberReference(tree, unused);
    }

    /** {@code Futures::await} whose target type javac could not resolve. */
    private boolean awaitReferenceUnresolved(MemberReferenceTree tree, Element callee) {
        return !(callee instanceof ExecutableElement)
                && tree.getName().contentEquals(RatchetNames.AWAIT)
                && cx.elementAt(new TreePath(getCurrentPath(), tree.getQualifierExpression())) instanceof TypeElement owner
                && owner.getQualifiedName().contentEquals(RatchetNames.FUTURES);
    }

    private void addSite(SuspensionSite.Kind kind, TreePath path, Element callee) {
        ExecutableElement method = callee instanceof ExecutableElement m ? m : null;
        sites.add(new SuspensionSite(kind, path, method, placementOf(path, kind.isReference())));
    }

    /**
     * Walks out from the site to the code that would run it. The first lambda, local or anonymous
     * class (or the site itself, for a method reference) is the barrier; a {@code synchronized}
     * only matters when no barrier lies between it and the site. The walk ends at an {@code
     * @Async} method, or at a top-level or member class, whose code is synchronous.
     */
    private Placement placementOf(TreePath site, boolean isReference) {
        Tree barrier = isReference ? site.getLeaf() : null;
        Placement.Construct construct = isReference ? Placement.Construct.METHOD_REFERENCE : null;
        SynchronizedTree monitor = null;
        String syncMethodName = null;
        boolean syncMethodSeen = false;
        for (TreePath p = site.getParentPath(); p != null; p = p.getParentPath()) {
            Tree leaf = p.getLeaf();
            if (leaf instanceof SynchronizedTree s) {
                if (barrier == null && monitor == null) {
                    monitor = s;
                }
            } else if (leaf.getKind() == Tree.Kind.LAMBDA_EXPRESSION) {
                if (barrier == null) {
                    barrier = leaf;
                    construct = Placement.Construct.LAMBDA;
                }
            } else if (leaf instanceof MethodTree m) {
                AsyncMethod async = asyncByTree.get(m);
                if (async != null) {
                    return barrier == null
                            ? new Placement.InAsyncBody(async, monitor)
                            : new Placement.BehindBarrier(async, barrier, construct);
                }
                if (!syncMethodSeen) {
                    syncMethodSeen = true;
                    syncMethodName = m.getName().toString();
                }
            } else if (leaf instanceof ClassTree c) {
                Tree parent = p.getParentPath().getLeaf();
                boolean local = !(parent instanceof ClassTree) && parent.getKind() != Tree.Kind.COMPILATION_UNIT;
                if (!local) {
                    return new Placement.InSyncCode(syncMethodName, construct);
                }
                if (barrier == null) {
                    barrier = c;
                    construct = parent.getKind() == Tree.Kind.NEW_CLASS
                            ? Placement.Construct.ANONYMOUS_CLASS
                            : Placement.Construct.LOCAL_CLASS;
                }
            }
        }
        return new Placement.InSyncCode(syncMethodName, construct);
    }
}
