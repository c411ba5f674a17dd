package dev.ratchet.processor.check;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import javax.lang.model.element.TypeElement;

/**
 * Rule: no {@code super.m(...)} (nor {@code Iface.super.m(...)}, {@code super::m}) in an {@code
 * @Async} body, lambdas in it included. A non-virtual call of the superclass's method is only
 * possible from the subclass itself; the generated state machine can only call {@code m}
 * virtually, which would run this class's override instead. Classes declared inside the body are
 * not looked into: there {@code super} is their own.
 */
final class SuperCallCheck implements Check {
    @Override
    public void run(UnitFacts facts, CheckContext cx) {
        for (AsyncMethod method : facts.asyncMethods()) {
            if (method.tree().getBody() != null && AsyncMethodShapeCheck.problemOf(method.element()).isEmpty()) {
                String companion =
                        RatchetNames.companionSimpleName((TypeElement) method.element().getEnclosingElement());
                new Scanner(cx, method, companion).scan(new TreePath(method.path(), method.tree().getBody()), null);
            }
        }
    }

    private static final class Scanner extends TreePathScanner<Void, Void> {
        private final CheckContext cx;
        private final AsyncMethod method;
        private final String companion;

        Scanner(CheckContext cx, AsyncMethod method, String companion) {
            this.cx = cx;
            this.method = method;
            this.companion = companion;
        }

        @Override
        public Void visitClass(ClassTree tree, Void unused) {
            return null;
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
            if (tree.getMethodSelect() instanceof MemberSelectTree select && isSuper(select.getExpression())) {
                report(select.getIdentifier().toString(), select); // javac's position for a call: the dot
            }
            return super.visitMethodInvocation(tree, unused);
        }

        @Override
        public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
            if (isSuper(tree.getQualifierExpression())) {
                report(tree.getName().toString(), tree);
            }
            return super.visitMemberReference(tree, unused);
        }

        private void report(String name, Tree at) {
            cx.report(CheckMessages.SUPER_CALL_IN_ASYNC, CheckMessages.superCall(name, companion), at);
            cx.invalidate(method.element());
        }

        /** {@code super} or {@code Qualifier.super}. */
        private static boolean isSuper(ExpressionTree qualifier) {
            if (qualifier instanceof IdentifierTree id) {
                return id.getName().contentEquals("super");
            }
            return qualifier instanceof MemberSelectTree select && select.getIdentifier().contentEquals("super");
        }
    }
}
