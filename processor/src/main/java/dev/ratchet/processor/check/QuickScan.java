package dev.ratchet.processor.check;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreeScanner;

/**
 * A syntactic pass that needs no attribution: does the unit mention an annotation named {@code
 * Async} (simple or qualified)? Only such a unit can declare an {@code @Async} method, and only
 * such a unit is resolved during processing (see {@link MisuseChecker}).
 */
final class QuickScan extends TreeScanner<Boolean, Void> {
    private QuickScan() {}

    static boolean mentionsAsync(CompilationUnitTree unit) {
        return Boolean.TRUE.equals(new QuickScan().scan(unit, null));
    }

    @Override
    public Boolean visitAnnotation(AnnotationTree tree, Void unused) {
        return AsyncAnnotation.isNamedAsync(tree.getAnnotationType()) || Boolean.TRUE.equals(super.visitAnnotation(tree, unused));
    }

    @Override
    public Boolean reduce(Boolean a, Boolean b) {
        return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
    }
}
