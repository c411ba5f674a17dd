package dev.ratchet.processor.check;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.Trees;
import dev.ratchet.processor.diagnostics.Reporter;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;

/**
 * Finds every misuse of {@code await} and {@code @Async} in compilation units and reports each
 * as a compile error at the exact tree, with a message that says why and what to do instead.
 *
 * <pre>{@code
 * MisuseChecker checker = new MisuseChecker(processingEnv, new Reporter(trees));
 * Set<ExecutableElement> skip = checker.check(unitsOfThisRound);   // errors already reported
 * }</pre>
 *
 * <p>The rules, one {@link Check} class each: {@link AsyncMethodShapeCheck}, {@link
 * AwaitInLambdaCheck}, {@link AwaitInSynchronizedCheck}, {@link AwaitOutsideAsyncCheck}, {@link
 * AsyncCallFromSyncCheck}, {@link PrivateAccessCheck}, {@link SuperCallCheck}, {@link
 * AsyncOverrideCheck}; codes and texts are in {@link CheckMessages}.
 *
 * <p>Cost: meant to run on every unit of a round. A unit is first walked syntactically ({@link
 * QuickScan}); only a unit that mentions an {@code Async} annotation, calls {@code await}, or
 * calls, references or declares a method named like a known {@code @Async} method is resolved —
 * which makes javac attribute its classes during processing (the generator needs that too). Any
 * other unit only has its classes' supertypes looked at, for {@link AsyncOverrideCheck}.
 *
 * <p>Known names come from the {@code @Async} declarations in the units passed so far; pass all
 * of a round's units to {@link #check(Collection)} at once so that a call in one unit of an
 * {@code @Async} method declared in another is found whatever their order. A direct call of an
 * {@code @Async} method of a library (a class file) is found in a unit that is resolved anyway; in
 * other units it is left to the run-time {@code IllegalStateException} of {@code await}.
 *
 * <p>Not thread-safe: one instance per processor (per compilation).
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
            new PrivateAccessCheck(),
            new SuperCallCheck(),
            new AsyncOverrideCheck());
    /** Simple names of the {@code @Async} methods declared in the units seen so far. */
    private final Set<String> knownAsyncNames = new HashSet<>();

    public MisuseChecker(ProcessingEnvironment env, Reporter reporter) {
        this.env = env;
        this.trees = Trees.instance(env);
        this.reporter = reporter;
    }

    /**
     * Reports every misuse in {@code unit} as an error and returns the {@code @Async} methods
     * that are invalid, which the processor must not generate code for.
     */
    public Set<ExecutableElement> check(CompilationUnitTree unit) {
        return check(List.of(unit));
    }

    /**
     * Checks all {@code units} (typically every root of a round) and returns the invalid {@code
     * @Async} methods among them. Learns the {@code @Async} method names of all the units before
     * checking any, so the order of the units does not matter.
     */
    public Set<ExecutableElement> check(Collection<? extends CompilationUnitTree> units) {
        Map<CompilationUnitTree, QuickScan> scans = new LinkedHashMap<>();
        for (CompilationUnitTree unit : units) {
            QuickScan scan = QuickScan.of(unit);
            knownAsyncNames.addAll(scan.asyncMethodNames);
            scans.put(unit, scan);
        }
        Set<ExecutableElement> invalid = new LinkedHashSet<>();
        scans.forEach((unit, scan) -> invalid.addAll(checkScanned(unit, scan.isRelevant(knownAsyncNames))));
        return invalid;
    }

    private Set<ExecutableElement> checkScanned(CompilationUnitTree unit, boolean relevant) {
        CheckContext cx = new CheckContext(trees, env.getElementUtils(), env.getTypeUtils(), unit, reporter);
        UnitFacts facts;
        try {
            facts = relevant ? UnitScanner.scanAll(cx) : UnitScanner.scanDeclarations(cx);
        } catch (RuntimeException e) {
            cx.report(CHECK_FAILED, "internal error while scanning for misuses, please report it: " + e, unit);
            return cx.invalid();
        }
        for (Check check : checks) {
            try {
                check.run(facts, cx);
            } catch (RuntimeException e) {
                // A bug in a check must not hide the misuses it was looking for: fail loudly.
                cx.report(CHECK_FAILED, "internal error in " + check.name() + ", please report it: " + e, unit);
            }
        }
        return cx.invalid();
    }
}
