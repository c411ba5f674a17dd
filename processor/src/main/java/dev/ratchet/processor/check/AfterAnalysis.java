package dev.ratchet.processor.check;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs the checks on the classes of deferred units once javac has attributed them: on each
 * {@code ANALYZE} event (one per top-level class, after attribution and flow analysis) whose unit
 * was deferred, it hands the class's tree to the checker.
 *
 * <p>javac keeps the same unit objects from the processing rounds to the end, so units are matched
 * by identity. An event fires even when the class had errors (flow analysis is then skipped, the
 * trees are still attributed).
 */
final class AfterAnalysis implements TaskListener {
    private final Trees trees;
    private final Consumer<TreePath> checkClass;
    private final Set<CompilationUnitTree> deferred = Collections.newSetFromMap(new IdentityHashMap<>());

    AfterAnalysis(Trees trees, Consumer<TreePath> checkClass) {
        this.trees = trees;
        this.checkClass = checkClass;
    }

    void add(CompilationUnitTree unit) {
        deferred.add(unit);
    }

    @Override
    public void finished(TaskEvent e) {
        if (e.getKind() != TaskEvent.Kind.ANALYZE
                || e.getTypeElement() == null
                || !deferred.contains(e.getCompilationUnit())) {
            return;
        }
        TreePath unitPath = new TreePath(e.getCompilationUnit());
        for (Tree type : e.getCompilationUnit().getTypeDecls()) {
            TreePath classPath = new TreePath(unitPath, type);
            if (e.getTypeElement().equals(trees.getElement(classPath))) {
                checkClass.accept(classPath);
                return;
            }
        }
    }
}
