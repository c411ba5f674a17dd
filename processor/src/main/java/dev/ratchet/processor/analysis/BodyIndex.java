package dev.ratchet.processor.analysis;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.ratchet.processor.model.AsyncElements;
import dev.ratchet.processor.model.AsyncMethod;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The exact element and type of every tree of one {@code @Async} body, its suspension points,
 * and which trees contain one.
 *
 * <p>Types come from javac's own attribution of the original trees. {@link Trees#getScope}
 * attributes only a copy of the body (javac 17+), but {@link Trees#getElement} on a tree that has
 * no symbol yet attributes the enclosing class, after which {@link Trees#getTypeMirror} answers
 * for every tree (generic inference and {@code var} included). Paths are taken inside a {@link
 * TreePathScanner}; a tree still untyped is retried through its own path. A tree whose type is {@code ERROR} refers
 * to a class that does not exist yet (typically a companion generated this round): {@link
 * #unresolved()} then tells the processor to retry in the next round.
 */
public final class BodyIndex {
    private final Map<Tree, Element> elements = new IdentityHashMap<>();
    private final Map<Tree, TypeMirror> types = new IdentityHashMap<>();
    private final Map<Tree, Suspension> suspensions = new IdentityHashMap<>();
    private final Set<Tree> containing = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<String> names = new HashSet<>();
    private final java.util.List<VariableTree> declarations = new java.util.ArrayList<>();
    private Tree unresolved;

    private BodyIndex() {}

    /** Indexes the body of {@code method}. */
    public static BodyIndex of(AsyncMethod method, Trees trees) {
        BodyIndex index = new BodyIndex();
        TreePath body = new TreePath(method.path(), method.tree().getBody());
        trees.getElement(body); // attributes the enclosing class (see class comment)
        index.new Scanner(trees).scan(body, null);
        for (var p : method.tree().getParameters()) index.names.add(p.getName().toString());
        return index;
    }

    public Element element(Tree tree) {
        return elements.get(tree);
    }

    public TypeMirror type(Tree tree) {
        return types.get(tree);
    }

    /** The suspension point {@code tree} is, or null. */
    public Suspension suspension(Tree tree) {
        return suspensions.get(tree);
    }

    /** Every suspension point of the body. */
    public java.util.Collection<Suspension> suspensions() {
        return suspensions.values();
    }

    /** Whether {@code tree} is or contains a suspension point. */
    public boolean suspends(Tree tree) {
        return tree != null && containing.contains(tree);
    }

    /** Every simple name used in the body: generated names must avoid them. */
    public Set<String> names() {
        return names;
    }

    /** Every variable declared in the body (locals, loop variables, catch parameters, lambda parameters). */
    public java.util.List<VariableTree> declarations() {
        return declarations;
    }

    /** The first tree whose type could not be resolved yet, or null. */
    public Tree unresolved() {
        return unresolved;
    }

    private final class Scanner extends TreePathScanner<Void, Void> {
        private final Trees trees;
        private int opaque; // depth inside lambda or class bodies: awaits there are the checker's business

        Scanner(Trees trees) {
            this.trees = trees;
        }

        @Override
        public Void scan(Tree tree, Void unused) {
            if (tree == null) return null;
            return super.scan(tree, unused);
        }

        @Override
        public Void scan(TreePath path, Void unused) {
            return super.scan(path, unused);
        }

        private void record(Tree tree) {
            TreePath path = getCurrentPath();
            TypeMirror type = trees.getTypeMirror(path);
            Element e = trees.getElement(path);
            if (type == null && tree instanceof ExpressionTree) type = trees.getTypeMirror(path); // now attributed
            if (type != null) {
                types.put(tree, type);
                if (type.getKind() == TypeKind.ERROR && unresolved == null) unresolved = tree;
            }
            if (e != null) elements.put(tree, e);
        }

        @Override
        public Void visitIdentifier(com.sun.source.tree.IdentifierTree node, Void unused) {
            names.add(node.getName().toString());
            record(node);
            return null;
        }

        @Override
        public Void visitMemberSelect(com.sun.source.tree.MemberSelectTree node, Void unused) {
            record(node);
            return super.visitMemberSelect(node, unused);
        }

        @Override
        public Void visitVariable(VariableTree node, Void unused) {
            names.add(node.getName().toString());
            declarations.add(node);
            record(node);
            return super.visitVariable(node, unused);
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
            record(node);
            Element e = elements.get(node);
            if (e == null) {
                e = trees.getElement(new TreePath(getCurrentPath(), node.getMethodSelect()));
                if (e != null) elements.put(node, e);
            }
            if (opaque == 0 && e instanceof ExecutableElement m) {
                Suspension.Kind kind = null;
                if (AsyncElements.isAwait(m)) {
                    kind = AsyncElements.isStageAwait(m) ? Suspension.Kind.AWAIT_STAGE : Suspension.Kind.AWAIT_FUTURE;
                } else if (AsyncElements.isAsync(m)) {
                    kind = Suspension.Kind.IMPLICIT;
                }
                if (kind != null) {
                    suspensions.put(node, new Suspension(node, kind, m, types.get(node)));
                    for (TreePath p = getCurrentPath(); p != null; p = p.getParentPath()) containing.add(p.getLeaf());
                }
            }
            return super.visitMethodInvocation(node, unused);
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
            record(node);
            opaque++;
            try {
                return super.visitLambdaExpression(node, unused);
            } finally {
                opaque--;
            }
        }

        @Override
        public Void visitClass(ClassTree node, Void unused) {
            record(node);
            opaque++;
            try {
                return super.visitClass(node, unused);
            } finally {
                opaque--;
            }
        }

        @Override
        public Void visitLabeledStatement(com.sun.source.tree.LabeledStatementTree node, Void unused) {
            names.add(node.getLabel().toString());
            return super.visitLabeledStatement(node, unused);
        }

        // Every other expression: record its type.
        @Override
        public Void visitSwitchExpression(com.sun.source.tree.SwitchExpressionTree node, Void unused) {
            record(node);
            return super.visitSwitchExpression(node, unused);
        }

        @Override
        public Void visitCompoundAssignment(com.sun.source.tree.CompoundAssignmentTree node, Void unused) {
            record(node);
            return super.visitCompoundAssignment(node, unused);
        }

        @Override
        public Void visitInstanceOf(com.sun.source.tree.InstanceOfTree node, Void unused) {
            record(node);
            return super.visitInstanceOf(node, unused);
        }

        @Override
        public Void visitMemberReference(com.sun.source.tree.MemberReferenceTree node, Void unused) {
            record(node);
            return super.visitMemberReference(node, unused);
        }

        @Override
        public Void visitBinary(com.sun.source.tree.BinaryTree node, Void unused) {
            record(node);
            return super.visitBinary(node, unused);
        }

        @Override
        public Void visitNewClass(com.sun.source.tree.NewClassTree node, Void unused) {
            record(node);
            return super.visitNewClass(node, unused);
        }

        @Override
        public Void visitNewArray(com.sun.source.tree.NewArrayTree node, Void unused) {
            record(node);
            return super.visitNewArray(node, unused);
        }

        @Override
        public Void visitConditionalExpression(com.sun.source.tree.ConditionalExpressionTree node, Void unused) {
            record(node);
            return super.visitConditionalExpression(node, unused);
        }

        @Override
        public Void visitTypeCast(com.sun.source.tree.TypeCastTree node, Void unused) {
            record(node);
            return super.visitTypeCast(node, unused);
        }

        @Override
        public Void visitParenthesized(com.sun.source.tree.ParenthesizedTree node, Void unused) {
            record(node);
            return super.visitParenthesized(node, unused);
        }

        @Override
        public Void visitArrayAccess(com.sun.source.tree.ArrayAccessTree node, Void unused) {
            record(node);
            return super.visitArrayAccess(node, unused);
        }

        @Override
        public Void visitUnary(com.sun.source.tree.UnaryTree node, Void unused) {
            record(node);
            return super.visitUnary(node, unused);
        }

        @Override
        public Void visitAssignment(com.sun.source.tree.AssignmentTree node, Void unused) {
            record(node);
            return super.visitAssignment(node, unused);
        }

        @Override
        public Void visitLiteral(com.sun.source.tree.LiteralTree node, Void unused) {
            record(node);
            return null;
        }
    }
}
