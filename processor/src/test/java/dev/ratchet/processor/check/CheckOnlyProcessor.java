package dev.ratchet.processor.check;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.ratchet.processor.diagnostics.Reporter;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Test-only stand-in for the real processor: claims nothing, sees every round, and runs {@link
 * MisuseChecker} on the compilation unit of every root element. Records what the checker
 * declared invalid so tests can assert it.
 */
final class CheckOnlyProcessor extends AbstractProcessor {
    private MisuseChecker checker;
    private Trees trees;
    /** The @Async methods the checker returned as invalid, over all rounds. */
    final Set<ExecutableElement> invalid = new LinkedHashSet<>();

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        trees = Trees.instance(env);
        checker = new MisuseChecker(env, new Reporter(trees));
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (round.processingOver()) {
            return false;
        }
        // Several root classes may share a unit: check each unit once, as the real processor must.
        Set<CompilationUnitTree> units = new LinkedHashSet<>();
        for (Element root : round.getRootElements()) {
            TreePath path = trees.getPath(root);
            if (path != null) {
                units.add(path.getCompilationUnit());
            }
        }
        for (CompilationUnitTree unit : units) {
            invalid.addAll(checker.check(unit));
        }
        return false;
    }
}
