package dev.ratchet.processor.check;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;

/**
 * Rule: an {@code @Async} method's signature and body use no private member (field, method,
 * constructor, class) of its top-level class. The state machine and the companion entry live in a
 * generated class of the same package: they reach package-private and protected members, but the
 * privates that nested classes share in Java are closed to them.
 *
 * <p>Not reported: private members of classes declared inside the body itself (they move into the
 * state machine with it), privates of other top-level classes (javac already rejects those), and
 * reads of a record's component fields, which the generator turns into accessor calls.
 */
final class PrivateAccessCheck implements Check {
    @Override
    public void run(UnitFacts facts, CheckContext cx) {
        for (AsyncMethod method : facts.asyncMethods()) {
            if (AsyncMethodShapeCheck.problemOf(method.element()).isEmpty()) {
                new Scanner(cx, method).scanSignatureAndBody();
            }
        }
    }

    private static final class Scanner extends TreePathScanner<Void, Void> {
        private final CheckContext cx;
        private final AsyncMethod method;
        private final TypeElement topLevel;
        private final String companion;

        Scanner(CheckContext cx, AsyncMethod method) {
            this.cx = cx;
            this.method = method;
            this.topLevel = topLevelOf(method.element());
            this.companion = RatchetNames.companionSimpleName((TypeElement) method.element().getEnclosingElement());
        }

        void scanSignatureAndBody() {
            MethodTree tree = method.tree();
            TreePath path = method.path();
            for (Tree part : tree.getTypeParameters()) {
                scan(new TreePath(path, part), null);
            }
            if (tree.getReturnType() != null) {
                scan(new TreePath(path, tree.getReturnType()), null);
            }
            for (Tree part : tree.getParameters()) {
                scan(new TreePath(path, part), null);
            }
            for (Tree part : tree.getThrows()) {
                scan(new TreePath(path, part), null);
            }
            if (tree.getBody() != null) {
                scan(new TreePath(path, tree.getBody()), null);
            }
        }

        @Override
        public Void visitIdentifier(IdentifierTree tree, Void unused) {
            check(tree);
            return super.visitIdentifier(tree, unused);
        }

        @Override
        public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
            check(tree);
            return super.visitMemberSelect(tree, unused);
        }

        @Override
        public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
            check(tree);
            return super.visitMemberReference(tree, unused);
        }

        @Override
        public Void visitNewClass(NewClassTree tree, Void unused) {
            // The class name is checked as an identifier; here only a private constructor of a
            // class that is not itself private (else that one error says it all).
            if (tree.getClassBody() == null
                    && cx.elementAt(getCurrentPath()) instanceof ExecutableElement constructor
                    && !constructor.getEnclosingElement().getModifiers().contains(Modifier.PRIVATE)) {
                check(tree, constructor);
            }
            return super.visitNewClass(tree, unused);
        }

        private void check(Tree tree) {
            Element used = cx.elementAt(getCurrentPath());
            if (used != null) {
                check(tree, used);
            }
        }

        private void check(Tree tree, Element used) {
            if (!used.getModifiers().contains(Modifier.PRIVATE)
                    || isRecordComponentField(used)
                    || isAsyncMethod(used)
                    || declaredInside(used, method.element())
                    || topLevelOf(used) != topLevel) {
                return;
            }
            cx.report(
                    CheckMessages.PRIVATE_ACCESS,
                    CheckMessages.privateAccess(describe(used), ownerName(used), companion),
                    tree);
            cx.invalidate(method.element());
        }

        /**
         * A private {@code @Async} method is fine: a call is an implicit await, compiled to its
         * companion entry, which is not private.
         */
        private boolean isAsyncMethod(Element used) {
            return used instanceof ExecutableElement e && cx.async.isPresentOn(e);
        }
    }

    private static boolean isRecordComponentField(Element used) {
        if (used.getKind() != ElementKind.FIELD
                || used.getModifiers().contains(Modifier.STATIC)
                || used.getEnclosingElement().getKind() != ElementKind.RECORD) {
            return false;
        }
        for (RecordComponentElement component : ((TypeElement) used.getEnclosingElement()).getRecordComponents()) {
            if (component.getSimpleName().contentEquals(used.getSimpleName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean declaredInside(Element used, ExecutableElement method) {
        for (Element e = used.getEnclosingElement(); e != null; e = e.getEnclosingElement()) {
            if (e.equals(method)) {
                return true;
            }
        }
        return false;
    }

    /** The top-level class enclosing {@code e} (or {@code e} itself), or null. */
    private static TypeElement topLevelOf(Element e) {
        TypeElement top = null;
        for (Element x = e; x != null; x = x.getEnclosingElement()) {
            if (x instanceof TypeElement t) {
                top = t;
            }
            if (x.getKind() == ElementKind.PACKAGE) {
                break;
            }
        }
        return top;
    }

    private static String describe(Element used) {
        return switch (used.getKind()) {
            case FIELD -> "field " + used.getSimpleName();
            case METHOD -> "method " + EntryCalls.callee((ExecutableElement) used);
            case CONSTRUCTOR -> "constructor " + used.getEnclosingElement().getSimpleName() + "(...)";
            case CLASS, INTERFACE, ENUM, RECORD, ANNOTATION_TYPE -> "class " + used.getSimpleName();
            default -> used.getSimpleName().toString();
        };
    }

    private static String ownerName(Element used) {
        Element owner = used.getEnclosingElement();
        return owner instanceof TypeElement t ? RatchetNames.nestedName(t) : owner.getSimpleName().toString();
    }
}
