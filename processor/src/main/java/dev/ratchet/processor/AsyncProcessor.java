package dev.ratchet.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.ratchet.processor.analysis.BodyIndex;
import dev.ratchet.processor.analysis.Suspension;
import dev.ratchet.processor.check.MisuseChecker;
import dev.ratchet.processor.codegen.CompanionWriter;
import dev.ratchet.processor.codegen.MachineWriter;
import dev.ratchet.processor.diagnostics.Diagnostic;
import dev.ratchet.processor.diagnostics.Reporter;
import dev.ratchet.processor.lowering.LoweringException;
import dev.ratchet.processor.lowering.LoweringMessages;
import dev.ratchet.processor.lowering.Lowerer;
import dev.ratchet.processor.lowering.StateGraph;
import dev.ratchet.processor.lowering.StatePlanner;
import dev.ratchet.processor.model.AsyncElements;
import dev.ratchet.processor.model.AsyncMethod;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic.Kind;

/**
 * Compiles {@code @Async} methods into state machines.
 *
 * <p>Per round: (1) the {@link MisuseChecker} checks every compilation unit of the round (a
 * unit that names a companion written this round waits for the next one: see {@link
 * #namesPendingCompanion});
 * (2) for each class with {@code @Async} methods, the companion {@code <Class>Async} is written
 * with its entries, which depend only on declarations; (3) each body is indexed, lowered,
 * planned and written. A body that refers to a class not generated yet (typically its own
 * companion) has {@code ERROR} types: its class's state machines are then written in a later
 * round, in {@code <Class>AsyncMachines}, once every body of the class types cleanly (and its
 * unit has been checked).
 *
 * <p>Supports every annotation ({@code *}) to see every source, and claims none.
 */
@AutoService(Processor.class)
public final class AsyncProcessor extends AbstractProcessor {
    private Trees trees;
    private Reporter reporter;
    private MisuseChecker checker;
    /** Methods the checker rejected, by key: never generated. */
    private final Set<String> invalid = new HashSet<>();
    /**
     * Simple names of the companions this round writes, which do not exist as classes yet: a body
     * that names one is not attributed this round (see {@link #namesPendingCompanion}).
     */
    private Set<String> pendingCompanions = Set.of();

    /** Compilation units whose misuse check waits for a later round (in the order they came). */
    private final Set<CompilationUnitTree> uncheckedUnits =
            java.util.Collections.newSetFromMap(new java.util.LinkedHashMap<>());

    /** Classes whose companion exists but whose machines wait for a later round. */
    private final Set<String> deferred = new LinkedHashSet<>();

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        trees = Trees.instance(env);
        reporter = new Reporter(trees);
        checker = new MisuseChecker(env, reporter);
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
        // In source order, so that javac attributes the units in the same order on every run (an
        // identity-hashed set made the order, and some javac 17 crashes, vary from run to run).
        Set<CompilationUnitTree> units = new java.util.LinkedHashSet<>();
        Map<TypeElement, List<ExecutableElement>> byClass = new LinkedHashMap<>();
        for (Element root : round.getRootElements()) {
            if (!(root instanceof TypeElement type)) continue;
            TreePath path = trees.getPath(type);
            if (path != null) units.add(path.getCompilationUnit());
            collect(type, byClass);
        }
        pendingCompanions = new java.util.HashSet<>();
        for (TypeElement type : byClass.keySet()) {
            ClassName companion = CompanionWriter.companionName(type);
            if (processingEnv.getElementUtils().getTypeElement(companion.canonicalName()) == null) {
                pendingCompanions.add(companion.simpleName());
            }
        }
        // Misuse checks attribute the code: a unit that names a companion written this round is
        // checked in a later round, once the companion exists (see namesPendingCompanion).
        uncheckedUnits.addAll(units);
        for (java.util.Iterator<CompilationUnitTree> it = uncheckedUnits.iterator(); it.hasNext(); ) {
            CompilationUnitTree unit = it.next();
            if (!round.processingOver() && namesPendingCompanion(unit)) continue;
            for (ExecutableElement bad : checker.check(unit)) invalid.add(key(bad));
            it.remove();
        }
        // Plan every class of the round first: a body's eager calls need to know where each
        // callee's machine is written (see machineClasses), whatever the order of the classes.
        List<ClassPlan> plans = new ArrayList<>();
        for (Map.Entry<TypeElement, List<ExecutableElement>> e : byClass.entrySet()) {
            guarded(e.getKey(), () -> plans.add(plan(e.getKey(), e.getValue(), true, round.processingOver())));
        }
        for (String name : new ArrayList<>(deferred)) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            Map<TypeElement, List<ExecutableElement>> again = new LinkedHashMap<>();
            if (type != null) collect(type, again);
            if (!byClass.containsKey(type) && again.containsKey(type)) {
                guarded(type, () -> plans.add(plan(type, again.get(type), false, round.processingOver())));
            }
        }
        for (ClassPlan plan : plans) {
            if (plan != null) guarded(plan.type(), () -> write(plan));
        }
        return false;
    }

    /**
     * The machine class of each {@code @Async} method compiled here, by {@link #key}: its {@code
     * start} is what an implicit await of it calls.
     */
    private final Map<String, ClassName> machineClasses = new HashMap<>();

    /**
     * Methods whose implicit awaits seen so far (in this run, from the same package) will call
     * their {@code start}: only their machines print the body a second time for it (the others get
     * a {@code start} that polls a new machine in place, enough for a caller seen later). About
     * half of the processor's compile time went into those second printings.
     */
    private final Set<String> eagerlyCalled = new HashSet<>();

    /** Notes the callees that the implicit awaits of a body of {@code caller} will call eagerly. */
    private void noteEagerCalls(BodyIndex index, TypeElement caller) {
        var elements = processingEnv.getElementUtils();
        for (Suspension s : index.suspensions()) {
            if (s.kind() == Suspension.Kind.IMPLICIT && elements.getPackageOf(s.method()).equals(elements.getPackageOf(caller))) {
                eagerlyCalled.add(key(s.method()));
            }
        }
    }

    /**
     * The machine of {@code callee} whose {@code start} code written into {@code host} may call:
     * compiled here (so it has one) and in the same package ({@code start} is package-private).
     * Null: the await stays lazy.
     */
    private ClassName eagerCallee(ExecutableElement callee, ClassName host) {
        ClassName machine = machineClasses.get(key(callee));
        return machine != null && machine.packageName().equals(host.packageName()) ? machine : null;
    }

    /**
     * Whether {@code tree} names a companion this round is writing. Such code is not attributed
     * (by the misuse checks or the lowering) until the companion exists: javac 25 turns some
     * attribution errors over a missing class (inference through a generic call such as {@code
     * await(select(OtherAsync.m(), ...))}) into hard errors instead of deferring them to the next
     * round, as javac 17 does.
     */
    private boolean namesPendingCompanion(Tree tree) {
        if (pendingCompanions.isEmpty()) return false;
        Boolean found = new com.sun.source.util.TreeScanner<Boolean, Void>() {
            @Override
            public Boolean visitIdentifier(com.sun.source.tree.IdentifierTree node, Void v) {
                return pendingCompanions.contains(node.getName().toString());
            }

            @Override
            public Boolean visitMemberSelect(com.sun.source.tree.MemberSelectTree node, Void v) {
                return pendingCompanions.contains(node.getIdentifier().toString())
                        || Boolean.TRUE.equals(super.visitMemberSelect(node, v));
            }

            @Override
            public Boolean reduce(Boolean a, Boolean b) {
                return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
            }
        }.scan(tree, null);
        return Boolean.TRUE.equals(found);
    }

    /** Runs one class's step; a crash becomes a compile error on the class instead of killing javac. */
    private void guarded(TypeElement type, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | AssertionError e) {
            processingEnv.getMessager().printMessage(Kind.ERROR,
                    "[ratchet:Internal] ratchet-processor failed on this class: " + e + "; please report it", type);
        }
    }

    private static boolean mentionsPrivateType(ExecutableElement m) {
        List<javax.lang.model.type.TypeMirror> types = new ArrayList<>();
        types.add(m.getReturnType());
        for (var p : m.getParameters()) types.add(p.asType());
        types.addAll(m.getThrownTypes());
        for (var tp : m.getTypeParameters()) types.addAll(tp.getBounds());
        return types.stream().anyMatch(AsyncProcessor::mentionsPrivateType);
    }

    private static boolean mentionsPrivateType(javax.lang.model.type.TypeMirror t) {
        if (t instanceof javax.lang.model.type.ArrayType a) return mentionsPrivateType(a.getComponentType());
        if (t instanceof javax.lang.model.type.WildcardType w) {
            return (w.getExtendsBound() != null && mentionsPrivateType(w.getExtendsBound()))
                    || (w.getSuperBound() != null && mentionsPrivateType(w.getSuperBound()));
        }
        if (!(t instanceof javax.lang.model.type.DeclaredType d)) return false;
        for (Element e = d.asElement(); e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (e.getModifiers().contains(javax.lang.model.element.Modifier.PRIVATE)) return true;
        }
        return d.getTypeArguments().stream().anyMatch(AsyncProcessor::mentionsPrivateType);
    }

    /** Finds the {@code @Async} methods of {@code type} and its member classes. */
    private void collect(TypeElement type, Map<TypeElement, List<ExecutableElement>> byClass) {
        for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (AsyncElements.isAsync(m)) byClass.computeIfAbsent(type, t -> new ArrayList<>()).add(m);
        }
        for (TypeElement member : ElementFilter.typesIn(type.getEnclosedElements())) collect(member, byClass);
    }

    private static String key(ExecutableElement m) {
        return ((TypeElement) m.getEnclosingElement()).getQualifiedName() + "#" + m;
    }

    /**
     * Writes what can be written for {@code type}: on its first round the companion (with the
     * machines nested if every body types), on a later round the deferred machines.
     */
    /**
     * What {@link #write(ClassPlan)} does for a class this round: its methods with entries, the
     * bodies that type cleanly, whether its companion is written now ({@code hosted}), and whether
     * some body waits for a later round ({@code unresolved}).
     */
    private record ClassPlan(TypeElement type, List<AsyncMethod> all, Map<AsyncMethod, BodyIndex> indexes, boolean hosted,
            boolean unresolved) {}

    /** Plans {@code type} (null: nothing to write) and notes where its machines are written. */
    private ClassPlan plan(TypeElement type, List<ExecutableElement> methods, boolean firstTime, boolean lastRound) {
        String name = type.getQualifiedName().toString();
        // A private class (or one nested in a private class) cannot be named by its companion: the
        // misuse checker reported it (AsyncInPrivateClass); a companion would only add errors.
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (e.getModifiers().contains(javax.lang.model.element.Modifier.PRIVATE)) return null;
        }
        List<AsyncMethod> all = new ArrayList<>();
        List<AsyncMethod> valid = new ArrayList<>();
        for (ExecutableElement m : methods) {
            TreePath path = trees.getPath(m);
            if (path == null || ((com.sun.source.tree.MethodTree) path.getLeaf()).getBody() == null) continue;
            // A rejected method whose signature names a private type gets no entry: the entry could
            // not name it either, and the checker already reported it.
            if (invalid.contains(key(m)) && mentionsPrivateType(m)) continue;
            AsyncMethod method = new AsyncMethod(m, type, path);
            all.add(method);
            if (!invalid.contains(key(m))) valid.add(method);
        }
        boolean hosted = firstTime && !deferred.contains(name);
        Map<AsyncMethod, BodyIndex> indexes = new LinkedHashMap<>();
        boolean unresolved = false;
        for (AsyncMethod m : valid) {
            // A body naming a companion written this round is in a unit whose check waits too.
            if (!lastRound && uncheckedUnits.contains(m.unit())) {
                unresolved = true;
                continue;
            }
            try {
                BodyIndex index = BodyIndex.of(m, trees);
                if (index.unresolved() == null) {
                    indexes.put(m, index);
                    noteEagerCalls(index, type);
                } else if (lastRound) {
                    reporter.error(LoweringMessages.UNRESOLVED_TYPE.at(m.unit(), index.unresolved())); // stubbed below
                } else {
                    unresolved = true;
                }
            } catch (RuntimeException e) {
                reporter.error(LoweringMessages.INTERNAL.at(m.unit(), m.tree(), describe(e)));
            }
        }
        // Deferred machines are written in <Class>AsyncMachines, the others nested in the companion.
        ClassName host = hosted && !unresolved ? CompanionWriter.companionName(type) : CompanionWriter.machinesName(type);
        Map<String, Integer> overloads = new HashMap<>();
        for (AsyncMethod m : all) {
            String machineName = machineName(m, overloads);
            machineClasses.put(key(m.element()), host.nestedClass(machineName));
        }
        return new ClassPlan(type, all, indexes, hosted, unresolved);
    }

    /** Writes what {@code plan} says: the companion (with its machines, or without), or deferred machines. */
    private void write(ClassPlan plan) {
        TypeElement type = plan.type();
        String name = type.getQualifiedName().toString();
        List<AsyncMethod> all = plan.all();
        boolean hosted = plan.hosted();
        try {
            if (plan.unresolved()) {
                // Some body names a class generated this round (e.g. its own companion): write the
                // entries now, the machines in a later round, in <Class>AsyncMachines.
                if (hosted) {
                    deferred.add(name);
                    write(CompanionWriter.companion(type, entries(all, CompanionWriter.machinesName(type)), List.of(),
                            generatedAvailable()));
                }
                return;
            }
            ClassName host = hosted ? CompanionWriter.companionName(type) : CompanionWriter.machinesName(type);
            List<TypeSpec> machines = new ArrayList<>();
            Map<String, Integer> overloads = new HashMap<>();
            for (AsyncMethod m : all) {
                String machineName = machineName(m, overloads);
                BodyIndex index = plan.indexes().get(m);
                TypeSpec machine = null;
                if (index != null) {
                    try {
                        StateGraph graph = new Lowerer(m, index, trees, processingEnv.getTypeUtils(),
                                processingEnv.getElementUtils()).lower();
                        StatePlanner.InternalNames names = StatePlanner.plan(graph, index);
                        machine = new MachineWriter(graph, names, host, callee -> eagerCallee(callee, host),
                                eagerlyCalled.contains(key(m.element()))).write(machineName);
                    } catch (LoweringException ex) {
                        reporter.error(ex.diagnostic());
                    } catch (RuntimeException ex) {
                        reporter.error(LoweringMessages.INTERNAL.at(m.unit(), m.tree(), describe(ex)));
                    }
                }
                machines.add(machine != null ? machine : MachineWriter.stub(m, machineName, host));
            }
            if (hosted) {
                write(CompanionWriter.companion(type, entries(all, host), machines, generatedAvailable()));
            } else {
                deferred.remove(name);
                write(CompanionWriter.machines(type, machines, generatedAvailable()));
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Kind.ERROR, "ratchet-processor could not write for " + name + ": " + e, type);
        }
    }

    /**
     * Whether {@code @javax.annotation.processing.Generated} can be used: a user's module that does
     * not read {@code java.compiler} cannot see it.
     */
    private boolean generatedAvailable() {
        return processingEnv.getElementUtils().getTypeElement("javax.annotation.processing.Generated") != null;
    }

    /** An unexpected exception, with where it happened, for the bug report. */
    private static String describe(RuntimeException e) {
        StackTraceElement[] at = e.getStackTrace();
        return e + (at.length > 0 ? " at " + at[0] + (at.length > 1 ? " < " + at[1] : "") : "");
    }

    /** One entry per method, creating its machine nested in {@code host}. */
    private static List<CompanionWriter.Entry> entries(List<AsyncMethod> methods, ClassName host) {
        Map<String, Integer> overloads = new HashMap<>();
        List<CompanionWriter.Entry> entries = new ArrayList<>();
        for (AsyncMethod m : methods) entries.add(new CompanionWriter.Entry(m, host.nestedClass(machineName(m, overloads))));
        return entries;
    }

    /** {@code Buy}, then {@code Buy2} for the second overload of {@code buy}: same order every round. */
    private static String machineName(AsyncMethod m, Map<String, Integer> overloads) {
        int overload = overloads.merge(m.element().getSimpleName().toString(), 1, Integer::sum) - 1;
        return MachineWriter.machineName(m, overload);
    }


    private void write(JavaFile file) throws IOException {
        file.writeTo(processingEnv.getFiler());
    }
}
