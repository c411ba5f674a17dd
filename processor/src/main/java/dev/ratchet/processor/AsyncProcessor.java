package dev.ratchet.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.ratchet.processor.analysis.BodyIndex;
import dev.ratchet.processor.check.MisuseChecker;
import dev.ratchet.processor.codegen.CompanionWriter;
import dev.ratchet.processor.codegen.MachineWriter;
import dev.ratchet.processor.diagnostics.Diagnostic;
import dev.ratchet.processor.diagnostics.Reporter;
import dev.ratchet.processor.lowering.LocalVar;
import dev.ratchet.processor.lowering.LoweringException;
import dev.ratchet.processor.lowering.LoweringMessages;
import dev.ratchet.processor.lowering.Lowerer;
import dev.ratchet.processor.lowering.StateGraph;
import dev.ratchet.processor.lowering.StatePlanner;
import dev.ratchet.processor.model.AsyncElements;
import dev.ratchet.processor.model.AsyncMethod;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
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
 * <p>Per round: (1) the {@link MisuseChecker} checks every compilation unit of the round;
 * (2) for each class with {@code @Async} methods, the companion {@code <Class>Async} is written
 * with its entries, which depend only on declarations; (3) each body is indexed, lowered,
 * planned and written. A body that refers to a class not generated yet (typically its own
 * companion) has {@code ERROR} types: its class's state machines are then written in a later
 * round, in {@code <Class>AsyncMachines}, once every body of the class types cleanly.
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
        Map<CompilationUnitTree, Boolean> units = new IdentityHashMap<>();
        Map<TypeElement, List<ExecutableElement>> byClass = new LinkedHashMap<>();
        for (Element root : round.getRootElements()) {
            if (!(root instanceof TypeElement type)) continue;
            TreePath path = trees.getPath(type);
            if (path != null && units.put(path.getCompilationUnit(), Boolean.TRUE) == null) {
                for (ExecutableElement bad : checker.check(path.getCompilationUnit())) invalid.add(key(bad));
            }
            collect(type, byClass);
        }
        for (Map.Entry<TypeElement, List<ExecutableElement>> e : byClass.entrySet()) {
            processClass(e.getKey(), e.getValue(), true, round.processingOver());
        }
        for (String name : new ArrayList<>(deferred)) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            Map<TypeElement, List<ExecutableElement>> again = new LinkedHashMap<>();
            if (type != null) collect(type, again);
            if (!byClass.containsKey(type) && again.containsKey(type)) {
                processClass(type, again.get(type), false, round.processingOver());
            }
        }
        return false;
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
    private void processClass(TypeElement type, List<ExecutableElement> methods, boolean firstTime, boolean lastRound) {
        String name = type.getQualifiedName().toString();
        List<AsyncMethod> valid = new ArrayList<>();
        for (ExecutableElement m : methods) {
            if (invalid.contains(key(m))) continue;
            TreePath path = trees.getPath(m);
            if (path == null || ((com.sun.source.tree.MethodTree) path.getLeaf()).getBody() == null) continue;
            valid.add(new AsyncMethod(m, type, path));
        }
        boolean hosted = firstTime && !deferred.contains(name);
        ClassName host = hosted ? CompanionWriter.companionName(type) : CompanionWriter.machinesName(type);
        List<Built> built = new ArrayList<>();
        boolean unresolved = false;
        Map<String, Integer> overloads = new HashMap<>();
        for (AsyncMethod m : valid) {
            int overload = overloads.merge(m.element().getSimpleName().toString(), 1, Integer::sum) - 1;
            ClassName machine = host.nestedClass(MachineWriter.machineName(m, overload));
            try {
                BodyIndex index = BodyIndex.of(m, trees);
                if (index.unresolved() != null) {
                    if (lastRound) {
                        reporter.error(LoweringMessages.UNRESOLVED_TYPE.at(m.unit(), index.unresolved()));
                    }
                    unresolved = true;
                    built.add(new Built(m, machine, null));
                    continue;
                }
                StateGraph graph = new Lowerer(m, index, trees, processingEnv.getTypeUtils(), processingEnv.getElementUtils())
                        .lower();
                StatePlanner.InternalNames names = StatePlanner.plan(graph, index);
                MachineWriter writer = new MachineWriter(graph, names, host);
                TypeSpec spec = writer.write(machine.simpleName());
                built.add(new Built(m, machine, spec));
            } catch (LoweringException e) {
                reporter.error(e.diagnostic());
            } catch (RuntimeException e) {
                reporter.error(LoweringMessages.INTERNAL.at(m.unit(), m.tree(), String.valueOf(e)));
            }
        }
        try {
            if (hosted) {
                if (unresolved) deferred.add(name);
                ClassName entryHost = unresolved ? CompanionWriter.machinesName(type) : host;
                List<CompanionWriter.Entry> entries = new ArrayList<>();
                for (Built b : built) {
                    entries.add(new CompanionWriter.Entry(b.method, entryHost.nestedClass(b.machine.simpleName())));
                }
                List<TypeSpec> machines = unresolved ? List.of() : built.stream().map(b -> b.spec).toList();
                write(CompanionWriter.companion(type, entries, machines));
            } else if (!unresolved) {
                deferred.remove(name);
                write(CompanionWriter.machines(type, built.stream().map(b -> b.spec).toList()));
            } else if (lastRound) {
                deferred.remove(name);
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Kind.ERROR, "ratchet-processor could not write for " + name + ": " + e, type);
        }
    }

    private record Built(AsyncMethod method, ClassName machine, TypeSpec spec) {}

    private void write(JavaFile file) throws IOException {
        file.writeTo(processingEnv.getFiler());
    }
}
