package dev.ratchet.processor.check;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreeScanner;
import java.util.HashSet;
import java.util.Set;

/**
 * A syntactic pass over a unit that needs no attribution: which method names the unit calls,
 * references or declares, which of its methods are annotated {@code @Async} (by name), and whether
 * it mentions an annotation named {@code Async} at all.
 *
 * <p>{@link MisuseChecker} only resolves (and so attributes) a unit that mentions {@code Async},
 * calls {@code await}, or uses the name of a known {@code @Async} method; every other unit costs
 * this one walk.
 */
final class QuickScan extends TreeScanner<Void, Void> {
    /** Names of methods the unit calls, references or declares. */
    final Set<String> usedNames = new HashSet<>();
    /** Names of the unit's methods annotated {@code @Async} or {@code @dev.ratchet.Async}. */
    final Set<String> asyncMethodNames = new HashSet<>();
    /** Whether any annotation in the unit is named {@code Async}. */
    boolean mentionsAsync;

    private QuickScan() {}

    static QuickScan of(CompilationUnitTree unit) {
        QuickScan scan = new QuickScan();
        scan.scan(unit, null);
        return scan;
    }

    /** Whether the unit may contain anything a check reports, given the known {@code @Async} names. */
    boolean isRelevant(Set<String> knownAsyncNames) {
        if (mentionsAsync || usedNames.contains(RatchetNames.AWAIT)) {
            return true;
        }
        for (String name : usedNames) {
            if (knownAsyncNames.contains(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Void visitMethod(MethodTree tree, Void unused) {
        usedNames.add(tree.getName().toString());
        for (AnnotationTree a : tree.getModifiers().getAnnotations()) {
            if (AsyncAnnotation.isNamedAsync(a.getAnnotationType())) {
                asyncMethodNames.add(tree.getName().toString());
            }
        }
        return super.visitMethod(tree, unused);
    }

    @Override
    public Void visitAnnotation(AnnotationTree tree, Void unused) {
        if (AsyncAnnotation.isNamedAsync(tree.getAnnotationType())) {
            mentionsAsync = true;
        }
        return super.visitAnnotation(tree, unused);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        usedNames.add(UnitScanner.nameOf(tree.getMethodSelect()));
        return super.visitMethodInvocation(tree, unused);
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
        usedNames.add(tree.getName().toString());
        return super.visitMemberReference(tree, unused);
    }
}
