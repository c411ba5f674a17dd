package dev.ratchet.processor.check;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.util.Trees;
import dev.ratchet.processor.diagnostics.Reporter;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

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
 * AsyncCallFromSyncCheck}, {@link CompanionAccessCheck}, {@link SuperCallCheck}, {@link
 * AsyncOverrideCheck}; codes and texts are in {@link CheckMessages}.
 *
 * <p>Cost: meant to run on every unit of a round. A unit is first walked syntactically ({@link
 * QuickScan}); only a unit that mentions an {@code Async} annotation, calls {@code await}, or
 * calls, references or declares a method named like a known {@code @Async} method, or imports a
 * class that declares {@code @Async} methods, is resolved —
 * which makes javac attribute its classes during processing (the generator needs that too). Any
 * other unit only has its classes' supertypes looked at, for {@link AsyncOverrideCheck}.
 *
 * <p>Known names come from the {@code @Async} declarations in the units passed so far; pass all
 * of a round's units to {@link #check(Collection)} at once so that a call in one unit of an
 * {@code @Async} method declared in another is found whatever their order. A direct call of an
 * {@code @Async} method of a library (a class file) is found when the unit imports its class or is
 * resolved anyway; otherwise (a same-package or fully qualified library class) it is left to the
 * run-time {@code IllegalStateException} of {@code await}.
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
            new CompanionAccessCheck(),
            new SuperCallCheck(),
            new AsyncOverrideCheck());
    /** Per imported class name: whether it declares @Async methods. */
    private final Map<String, Boolean> importDeclaresAsync = new HashMap<>();
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
        scans.forEach((unit, scan) ->
                invalid.addAll(checkScanned(unit, scan.isRelevant(knownAsyncNames) || importsAsyncMethods(unit))));
        return invalid;
    }

    /**
     * Whether {@code unit} imports a class (single-type or static import) that declares {@code
     * @Async} methods: how a unit that calls a library's {@code @Async} method (from a class file,
     * so never among the known names) is still resolved and checked. Imports are resolved before
     * processing, so this costs a lookup per import, cached per class.
     */
    private boolean importsAsyncMethods(CompilationUnitTree unit) {
        for (ImportTree i : unit.getImports()) {
            String name = i.getQualifiedIdentifier().toString();
            if (i.isStatic()) {
                name = name.substring(0, Math.max(0, name.lastIndexOf('.')));
            }
            if (!name.endsWith("*")
                    && importDeclaresAsync.computeIfAbsent(name, this::declaresAsyncMethods)) {
                return true;
            }
        }
        return false;
    }

    private boolean declaresAsyncMethods(String qualifiedName) {
        TypeElement type = env.getElementUtils().getTypeElement(qualifiedName);
        if (type == null) {
            return false;
        }
        for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (AsyncAnnotation.carriedBy(m)) {
                return true;
            }
        }
        return false;
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
