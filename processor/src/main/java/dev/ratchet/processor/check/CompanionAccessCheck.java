package dev.ratchet.processor.check;

import com.sun.source.tree.ClassTree;
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
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;

/**
 * Rule: an {@code @Async} method's signature and body only use members that its generated
 * companion can use too. The state machine and the companion entry live in a generated class of the
 * same package that is neither nested in nor a subclass of the user's class, so:
 *
 * <ul>
 *   <li>{@code PrivateAccess}: no private member (field, method, constructor, class) of the
 *       method's top-level class — the privates that nested classes share in Java are closed to
 *       it. Not reported: privates of classes declared inside the body (they move into the state
 *       machine with it), privates of other top-level classes (javac already rejects those), a
 *       private {@code @Async} method (a call is an implicit await of its non-private companion
 *       entry), and a record's component fields, which the generator reads through accessors.
 *   <li>{@code ProtectedAccess}: no protected member inherited from a class of another package —
 *       only subclasses reach those. Not reported inside classes declared in the body: a subclass
 *       declared there is still a subclass in the generated code.
 * </ul>
 */
final class CompanionAccessCheck implements Check {
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
        private final PackageElement pkg;
        private final String companion;
        /** How many classes declared in the body enclose the current tree. */
        private int classDepth;

        Scanner(CheckContext cx, AsyncMethod method) {
            this.cx = cx;
            this.method = method;
            this.topLevel = topLevelOf(method.element());
            this.pkg = cx.elements.getPackageOf(method.element());
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
        public Void visitClass(ClassTree tree, Void unused) {
            classDepth++;
            try {
                return super.visitClass(tree, unused);
            } finally {
                classDepth--;
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
            // The class name is checked as an identifier; here only a constructor that is less
            // accessible than its class (else the error on the class says it all). With a class
            // body, the constructor is called by the anonymous subclass, which may.
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
            if (isClosedPrivate(used)) {
                cx.report(
                        CheckMessages.PRIVATE_ACCESS,
                        CheckMessages.privateAccess(describe(used), ownerName(used, false), companion),
                        tree);
                cx.invalidate(method.element());
            } else if (isClosedProtected(used)) {
                cx.report(
                        CheckMessages.PROTECTED_ACCESS,
                        CheckMessages.protectedAccess(describe(used), ownerName(used, true), companion),
                        tree);
                cx.invalidate(method.element());
            }
        }

        private boolean isClosedPrivate(Element used) {
            return used.getModifiers().contains(Modifier.PRIVATE)
                    && !isRecordComponentField(used)
                    && !(used instanceof ExecutableElement e && cx.async.isPresentOn(e))
                    && !declaredInside(used, method.element())
                    && topLevelOf(used) == topLevel;
        }

        private boolean isClosedProtected(Element used) {
            return classDepth == 0
                    && used.getModifiers().contains(Modifier.PROTECTED)
                    && used.getKind() != ElementKind.CONSTRUCTOR // only via super(...) or new X() {}: both fine
                    && !cx.elements.getPackageOf(used).equals(pkg);
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

    /** The declaring class, qualified when it is in another package. */
    private static String ownerName(Element used, boolean qualified) {
        Element owner = used.getEnclosingElement();
        if (!(owner instanceof TypeElement t)) {
            return owner.getSimpleName().toString();
        }
        return qualified ? t.getQualifiedName().toString() : RatchetNames.nestedName(t);
    }
}
