package dev.ratchet.processor.check;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.ratchet.processor.diagnostics.Reporter;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;

/**
 * Finds every misuse of {@code await} and {@code @Async} in compilation units and reports each
 * as a compile error at the exact tree, with a message that says why and what to do instead.
 *
 * <pre>{@code
 * MisuseChecker checker = new MisuseChecker(processingEnv, new Reporter(trees));   // in init
 * for (CompilationUnitTree unit : unitsOfThisRound) {
 *     Set<ExecutableElement> skip = checker.check(unit);   // errors already reported
 * }
 * }</pre>
 *
 * <p>The rules, one {@link Check} class each: {@link AsyncMethodShapeCheck}, {@link
 * AwaitInLambdaCheck}, {@link AwaitInSynchronizedCheck}, {@link AwaitOutsideAsyncCheck}, {@link
 * AsyncCallFromSyncCheck}, {@link CompanionAccessCheck}, {@link SuperCallCheck}, {@link
 * AsyncOverrideCheck}; codes and texts are in {@link CheckMessages}.
 *
 * <p>When: resolving a unit's trees during processing makes javac attribute its classes then, and
 * again after the last round (processing rounds reset the trees), which costs time and repeats the
 * unit's lint warnings. So a syntactic {@link QuickScan} splits the units:
 *
 * <ul>
 *   <li>a unit that mentions an {@code Async} annotation is checked at once — the generator needs
 *       its invalid {@code @Async} methods now, and attributes the unit anyway;
 *   <li>any other unit (a caller of {@code @Async} methods or of {@code await}, or unrelated code)
 *       is checked after javac has attributed it, from a {@link
 *       com.sun.source.util.TaskListener} on {@code ANALYZE}: no extra attribution and no repeated
 *       warning, only one walk over resolved trees. Its errors appear with javac's own; if
 *       processing already failed, javac stops before attribution and they are not reported (they
 *       would be once the other errors are fixed). Such a unit has no {@code @Async} method, so
 *       {@link #check} returns nothing for it.
 * </ul>
 *
 * <p>Not thread-safe: one instance per processor (per compilation); it registers one task
 * listener, so create it once (in {@code init}), not per round.
 */
public final class MisuseChecker {
    /** Code of the error reported when a check itself fails, so that nothing fails silently. */
    static final String CHECK_FAILED = "CheckFailed";

    private final Trees trees;
    private final ProcessingEnvironment env;
    private final Reporter reporter;
    private final List<Check> checks = List.of(
            new AsyncMethodShapeCheck(),
            new AwaitInLambdaCheck(),
            new AwaitInSynchronizedCheck(),
            new AwaitOutsideAsyncCheck(),
            new AsyncCallFromSyncCheck(),
            new CompanionAccessCheck(),
            new SuperCallCheck(),
            new AsyncOverrideCheck());
    private final AfterAnalysis afterAnalysis;

    /**
     * @throws IllegalArgumentException if {@code env} is not javac's (the Tree API needs it)
     */
    public MisuseChecker(ProcessingEnvironment env, Reporter reporter) {
        this.env = env;
        this.trees = Trees.instance(env);
        this.reporter = reporter;
        this.afterAnalysis = new AfterAnalysis(trees, this::checkClass);
        JavacTask.instance(env).addTaskListener(afterAnalysis);
    }

    /**
     * Reports every misuse in {@code unit} as an error and returns the {@code @Async} methods
     * that are invalid, which the processor must not generate code for. A unit without {@code
     * @Async} methods is checked once javac has attributed it (see the class comment).
     */
    public Set<ExecutableElement> check(CompilationUnitTree unit) {
        if (!QuickScan.mentionsAsync(unit)) {
            afterAnalysis.add(unit);
            return Set.of();
        }
        CheckContext cx = newContext(unit);
        UnitFacts facts;
        try {
            facts = UnitScanner.scan(cx, new TreePath(unit));
        } catch (RuntimeException e) {
            cx.report(CHECK_FAILED, "internal error while scanning for misuses, please report it: " + e, unit);
            return Set.of();
        }
        runChecks(facts, cx);
        return cx.invalid();
    }

    /** Checks one top-level class of a deferred unit, after javac attributed it. */
    private void checkClass(TreePath classPath) {
        CheckContext cx = newContext(classPath.getCompilationUnit());
        try {
            runChecks(UnitScanner.scan(cx, classPath), cx);
        } catch (RuntimeException e) {
            cx.report(CHECK_FAILED, "internal error while scanning for misuses, please report it: " + e,
                    classPath.getLeaf());
        }
    }

    private CheckContext newContext(CompilationUnitTree unit) {
        return new CheckContext(trees, env.getElementUtils(), env.getTypeUtils(), unit, reporter);
    }

    private void runChecks(UnitFacts facts, CheckContext cx) {
        for (Check check : checks) {
            try {
                check.run(facts, cx);
            } catch (RuntimeException e) {
                // A bug in a check must not hide the misuses it was looking for: fail loudly.
                cx.report(CHECK_FAILED, "internal error in " + check.name() + ", please report it: " + e, cx.unit);
            }
        }
    }
}
