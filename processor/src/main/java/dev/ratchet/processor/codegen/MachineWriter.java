package dev.ratchet.processor.codegen;

import static dev.ratchet.processor.codegen.RuntimeNames.CONTEXT;
import static dev.ratchet.processor.codegen.RuntimeNames.POLL;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import dev.ratchet.processor.lowering.Block;
import dev.ratchet.processor.lowering.LocalVar;
import dev.ratchet.processor.lowering.Snippet;
import dev.ratchet.processor.lowering.StateGraph;
import dev.ratchet.processor.lowering.StatePlanner;
import dev.ratchet.processor.lowering.StatePlanner.InternalNames;
import dev.ratchet.processor.lowering.Transition;
import dev.ratchet.processor.lowering.TryRegion;
import dev.ratchet.processor.model.AsyncMethod;
import dev.ratchet.processor.model.CompanionNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Writes the state machine of one method: constants for its states named after their awaits,
 * fields for exactly the variables live across a suspension, and {@code poll}, a {@code for (;;)}
 * loop over a {@code switch} on the state in which every state runs to its next await or a
 * return. A return assigns the result and breaks out of the loop to {@code complete(result)},
 * outside the body's {@code try}, so that no catch of the body sees what completing throws.
 *
 * <p>The states are an enum named after the awaits (SPEC: the generated source is something users
 * open to learn from), each constant carrying the source line it resumes at.
 *
 * <p>Every machine also gets {@code start}, its eager entry ({@link EagerEntry}; {@code
 * AsyncStateMachine}, "Eager calls"): the same states printed a second time, in a static method
 * whose locals stand for the fields, run by a caller's implicit await. At an await that is pending
 * it makes the machine at that state with a private constructor that takes every field, hands it
 * to the holder and returns its type's sentinel. A method that no implicit await compiled here
 * calls, or whose body declares a local class or is too large to print twice, gets a {@code start}
 * that polls a new machine in place instead ({@link #pollingStart}). Both methods print an implicit await of a callee compiled here as a call of its
 * {@code start} ({@link #eagerCall}).
 */
public final class MachineWriter {
    private final StateGraph g;
    private final InternalNames n;
    private final StatePlanner.Eager e;
    private final ClassName host;
    /** An implicit await's callee to the machine class whose start may be called here, or null. */
    private final Function<ExecutableElement, ClassName> eagerCallees;
    /** Some implicit await calls this machine's {@code start}: worth printing the body twice. */
    private final boolean eagerlyCalled;
    /** The simple name of the machine being written. */
    private String machineName;
    /** Printing {@code start} (locals for the fields, no machine), not {@code poll}. */
    private boolean inStart;
    /** Poll locals that would be declared where an await resumes; an eager call assigns them earlier. */
    private final Set<LocalVar> hoistedTargets = new HashSet<>();
    /** Every temporary (not a field) that receives an await's value. */
    private final Set<LocalVar> temporaryTargets = new HashSet<>();
    /** The awaits called eagerly, with the callee's machine class (see {@link #eagerClass}). */
    private final Map<Block.Await, ClassName> eagerCalls = new java.util.IdentityHashMap<>();
    /** The reference fields dead from each await on (its block's {@code clearBeforeSuspending}). */
    private final Map<Block.Await, List<LocalVar>> deadAt = new java.util.IdentityHashMap<>();
    private boolean unchecked;
    private boolean usesDispatchLabel;
    private boolean usesSelf;
    /** Some return was written: {@code poll} has its {@code result} variable. */
    private boolean returns;
    /**
     * Some written return can arrive: the loop can end, and {@code poll} ends in {@code
     * complete}. Not so when every return is behind a finally that cannot complete normally:
     * javac would reject that {@code complete} as unreachable.
     */
    private boolean completes;
    /** The enum of states. */
    private final ClassName stateType;

    /**
     * @param eagerCallees for an implicit await's callee, its machine class if this code may call
     *     its {@code start} (compiled here, same package), else null
     * @param eagerlyCalled whether implicit awaits compiled here call this machine's {@code start}:
     *     if not, {@code start} polls a new machine ({@link #pollingStart}) instead of printing the
     *     body twice
     */
    public MachineWriter(StateGraph g, InternalNames names, ClassName host, Function<ExecutableElement, ClassName> eagerCallees,
            boolean eagerlyCalled) {
        this.eagerlyCalled = eagerlyCalled;
        this.g = g;
        this.n = names;
        this.e = names.eager();
        this.host = host;
        this.eagerCallees = eagerCallees;
        this.stateType = ClassName.get("", names.stateType());
    }

    /** The simple name of the machine class for {@code method}: {@code Buy}, {@code Buy2} for overloads. */
    public static String machineName(AsyncMethod m, int overload) {
        String name = m.element().getSimpleName().toString();
        String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return overload == 0 ? cap : cap + (overload + 1);
    }

    /** Type variables of the machine and the entry: see {@link AsyncMethod#typeParameters}. */
    static List<TypeVariableName> typeVariables(AsyncMethod m) {
        List<TypeVariableName> vars = new ArrayList<>();
        for (TypeParameterElement p : AsyncMethod.typeParameters(m.element())) vars.add(TypeVariableName.get(p));
        return vars;
    }

    static TypeName outputType(AsyncMethod m) {
        TypeMirror r = m.element().getReturnType();
        return r.getKind() == TypeKind.VOID ? ClassName.get(Void.class) : TypeNames.boxed(r);
    }


    /**
     * A machine for a method that could not be compiled (an error was reported): it keeps the
     * entry and its callers compiling, so the user sees the real error, not a cascade; it never
     * runs, since the compilation fails.
     */
    public static TypeSpec stub(AsyncMethod m, String simpleName, ClassName host) {
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
        if (!m.isStatic()) ctor.addParameter(TypeNames.of(m.owner().asType()), "self");
        for (var p : m.element().getParameters()) ctor.addParameter(TypeNames.of(p.asType()), p.getSimpleName().toString());
        TypeName output = outputType(m);
        String notCompiled = m.element().getSimpleName() + " was not compiled: see the compile error reported on it";
        TypeSpec.Builder stub = TypeSpec.classBuilder(simpleName)
                .addJavadoc("Not generated: compiling {@code $L} failed with the error reported on it.\n", m.element().getSimpleName())
                .addModifiers(Modifier.STATIC, Modifier.FINAL)
                .addTypeVariables(typeVariables(m))
                .superclass(ParameterizedTypeName.get(RuntimeNames.STATE_MACHINE, output))
                .addMethod(ctor.build())
                .addMethod(MethodSpec.methodBuilder("poll")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(POLL, output))
                        .addParameter(CONTEXT, "cx")
                        .addStatement("throw new $T($S)", IllegalStateException.class, notCompiled)
                        .build());
        // Callers compiled with this one call it: keep them compiling, so only the real error shows.
        MethodSpec.Builder start = EagerEntry.signature(m, "cx", "holder", "self");
        for (var p : m.element().getParameters()) start.addParameter(TypeNames.of(p.asType()), p.getSimpleName().toString());
        stub.addMethod(start.addStatement("throw new $T($S)", IllegalStateException.class, notCompiled).build());
        return stub.build();
    }

    public TypeSpec write(String simpleName) {
        this.machineName = simpleName;
        AsyncMethod m = g.method();
        TypeName output = outputType(m);
        for (Block b : g.blocks()) {
            if (!(b.terminator() instanceof Block.Await a)) continue;
            deadAt.put(a, b.clearBeforeSuspending());
            ClassName callee = calleeMachine(a);
            if (callee != null) eagerCalls.put(a, callee);
            if (a.target() != null && a.target().kind() == LocalVar.Kind.TEMP && !a.target().isField()) {
                temporaryTargets.add(a.target());
                if (callee != null) hoistedTargets.add(a.target());
            }
        }
        TypeSpec.Builder type = TypeSpec.classBuilder(simpleName)
                .addJavadoc("The state machine of {@code $L.$L}: each poll runs from its state to the next pending await.\n",
                        m.owner().getSimpleName(), m.element().getSimpleName())
                .addModifiers(Modifier.STATIC, Modifier.FINAL)
                .addTypeVariables(typeVariables(m))
                .superclass(ParameterizedTypeName.get(RuntimeNames.STATE_MACHINE, output));
        MethodSpec poll = poll(output); // first: it tells whether the body uses the receiver
        MethodSpec start = eagerlyCalled && printsTwice() ? start() : null;
        if (start != null && start.toString().length() > MAX_START_CHARS) start = null;
        boolean eager = start != null;
        if (!eager) start = pollingStart();
        List<TypeSpec> localClasses = new ArrayList<>();
        for (dev.ratchet.processor.lowering.LocalClass lc : g.localClasses()) localClasses.add(localClass(lc, simpleName));
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
        if (!m.isStatic()) {
            TypeName self = TypeNames.of(m.owner().asType());
            ctor.addParameter(self, n.self());
            if (usesSelf) {
                type.addField(self, n.self(), Modifier.PRIVATE, Modifier.FINAL);
                ctor.addStatement("this.$L = $L", n.self(), n.self());
            }
        }
        for (LocalVar v : g.fields()) {
            FieldSpec.Builder f = FieldSpec.builder(typeOf(v), v.name(), Modifier.PRIVATE);
            if (v.kind() == LocalVar.Kind.HIDDEN) {
                // Expression temporaries carry the expression's tree; loop and resource variables do not.
                f.addJavadoc(v.declaration() != null ? "An operand or result of an expression that awaits, kept across the await.\n"
                        : "Hidden variable of a loop or try-with-resources.\n");
            }
            type.addField(f.build());
        }
        // The constructor takes every parameter (the entry is written before liveness may be known)
        // and keeps those live at the first poll.
        for (LocalVar v : g.vars()) {
            if (v.kind() != LocalVar.Kind.PARAMETER) continue;
            ctor.addParameter(typeOf(v), v.name());
            if (v.isField()) ctor.addStatement("this.$L = $L", v.name(), v.name());
        }
        for (TryRegion r : g.regions()) {
            type.addField(FieldSpec.builder(Throwable.class, r.pendingName(), Modifier.PRIVATE)
                    .addJavadoc("Completion record of the finally at line $L: the exception to rethrow, if any…\n", r.line()).build());
            type.addField(FieldSpec.builder(stateType, r.nextName(), Modifier.PRIVATE)
                    .addJavadoc("…otherwise the state to continue with.\n").build());
        }
        if (g.returnsThroughFinally()) type.addField(output, n.result(), Modifier.PRIVATE);
        type.addField(FieldSpec.builder(stateType, n.state(), Modifier.PRIVATE)
                .initializer("$L.$L", n.stateType(), g.entry().stateName()).build());
        type.addMethod(ctor.build());
        if (eager) type.addMethod(resumeConstructor(output));
        type.addMethod(poll);
        type.addMethod(start);
        type.addMethod(sourceFrame());
        type.addMethod(frame(m));
        type.addType(stateEnum(m));
        type.addTypes(localClasses);
        return type.build();
    }

    /**
     * The states, each with the line of the user's source it resumes at: what {@code sourceFrame}
     * reports to task dumps and async backtraces.
     */
    private TypeSpec stateEnum(AsyncMethod m) {
        TypeSpec.Builder states = TypeSpec.enumBuilder(n.stateType()).addModifiers(Modifier.PRIVATE);
        for (Block b : g.states()) {
            states.addEnumConstant(b.stateName(), TypeSpec.anonymousClassBuilder("$L", b.line()).build());
        }
        if (g.returnsThroughFinally()) states.addEnumConstant("RETURN", TypeSpec.anonymousClassBuilder("$L", -1).build());
        states.addField(FieldSpec.builder(int.class, "line", Modifier.FINAL)
                .addJavadoc("The line in $L this state resumes at.\n", m.fileName()).build());
        states.addMethod(MethodSpec.constructorBuilder().addParameter(int.class, "line")
                .addStatement("this.line = line").build());
        return states.build();
    }

    /** Where the machine is, in the user's terms: for task dumps and async backtraces. */
    private MethodSpec sourceFrame() {
        return MethodSpec.methodBuilder("sourceFrame")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(StackTraceElement.class)
                .addStatement("return frame($L.line)", n.state())
                .build();
    }

    /** The user's method at {@code line}: for {@code sourceFrame} and for failures leaving {@code start}. */
    private static MethodSpec frame(AsyncMethod m) {
        return MethodSpec.methodBuilder("frame")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(StackTraceElement.class)
                .addParameter(int.class, "line")
                .addStatement("return new $T($S, $S, $S, line)", StackTraceElement.class,
                        binaryName(m.owner()), m.element().getSimpleName().toString(), m.fileName())
                .build();
    }

    /**
     * The constructor {@code start} suspends with: the machine at {@code state}, with every field
     * as {@code start}'s locals hold it.
     */
    private MethodSpec resumeConstructor(TypeName output) {
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder()
                .addJavadoc("For {@code start}: the machine at {@code $L}, where it suspended, with its fields.\n", n.state())
                .addModifiers(Modifier.PRIVATE)
                .addParameter(stateType, n.state())
                .addStatement("this.$L = $L", n.state(), n.state());
        for (Field f : resumedFields(output)) {
            ctor.addParameter(f.type(), f.name()).addStatement("this.$L = $L", f.name(), f.name());
        }
        return ctor.build();
    }

    /**
     * A {@code start} longer than this many characters is not kept: printed a second time, the
     * body could pass the JVM's 64 KB limit on a method (far off: a character of generated source
     * makes well under a byte of bytecode).
     */
    private static final int MAX_START_CHARS = 40_000;

    /**
     * Whether {@code start} can print the body again: not if it declares a local class (an inner
     * class of the machine, which a static method cannot create), nor if the constructor it
     * suspends with would pass the JVM's limit of 255 parameter slots.
     */
    private boolean printsTwice() {
        if (!g.localClasses().isEmpty()) return false;
        int slots = 2; // the machine and its state
        for (Field f : resumedFields(outputType(g.method()))) {
            slots += f.type() == TypeName.LONG || f.type() == TypeName.DOUBLE ? 2 : 1;
        }
        return slots <= 200;
    }

    /**
     * The {@code start} of a machine whose body is not printed twice: it makes the machine and
     * polls it once, in place. The callee's machine is allocated, but the caller's await still
     * costs no allocation of its own and receives a primitive result unboxed from the poll.
     */
    private MethodSpec pollingStart() {
        AsyncMethod m = g.method();
        String sentinel = EagerEntry.sentinel(m.element().getReturnType());
        String machine = e.called();
        MethodSpec.Builder start = EagerEntry.signature(m, n.cx(), e.holder(), n.self())
                .addJavadoc("Runs {@code $L.$L} for a caller's await: polls a new machine once, in place, and returns its\n"
                        + "result, or hands the pending machine to {@code $L} and returns {@code $L}. (The body is not\n"
                        + "printed a second time here: it declares a local class, or is too large.)\n",
                        m.owner().getSimpleName(), m.element().getSimpleName(), e.holder(), sentinel);
        CodeBlock.Builder args = CodeBlock.builder();
        if (!m.isStatic()) args.add("$L", n.self());
        for (LocalVar v : g.vars()) {
            if (v.kind() != LocalVar.Kind.PARAMETER) continue;
            start.addParameter(typeOf(v), v.name());
            args.add(args.isEmpty() ? "$L" : ", $L", v.name());
        }
        List<TypeVariableName> vars = typeVariables(m);
        TypeName type = vars.isEmpty() ? ClassName.get("", machineName)
                : ParameterizedTypeName.get(ClassName.get("", machineName), vars.toArray(TypeName[]::new));
        if (!m.isStatic()) start.addStatement(EagerEntry.receiverCheck(m, n.self()));
        return start.addStatement("$T $L = new $L($L)", type, machine, vars.isEmpty() ? machineName : machineName + "<>", args.build())
                .beginControlFlow("if (mustDefer($L, $L))", n.cx(), e.holder())
                .addStatement("defer($L, $L)", e.holder(), machine)
                .addStatement("return $L", sentinel)
                .endControlFlow()
                .addStatement("$T $L = $L.poll($L)", ParameterizedTypeName.get(POLL, outputType(m)), n.ready(), machine, n.cx())
                .beginControlFlow("if ($L.isPending())", n.ready())
                .addStatement("suspendPolled($L, $L)", e.holder(), machine)
                .addStatement("return $L", sentinel)
                .endControlFlow()
                .addStatement("return $L.value()", n.ready())
                .build();
    }

    /** A field {@code start} hands to {@link #resumeConstructor}; {@code var}: the user's variable, if it is one. */
    private record Field(TypeName type, String name, LocalVar var) {}

    /** Every field but the state, in the order of {@link #resumeConstructor}'s parameters. */
    private List<Field> resumedFields(TypeName output) {
        List<Field> fields = new ArrayList<>();
        if (usesSelf) fields.add(new Field(TypeNames.of(g.method().owner().asType()), n.self(), null));
        for (LocalVar v : g.fields()) fields.add(new Field(typeOf(v), v.name(), v));
        for (TryRegion r : g.regions()) {
            fields.add(new Field(ClassName.get(Throwable.class), r.pendingName(), null));
            fields.add(new Field(stateType, r.nextName(), null));
        }
        if (g.returnsThroughFinally()) fields.add(new Field(output, n.result(), null));
        return fields;
    }

    /**
     * {@code new Chain(state, depth)}: the machine made where {@code start} suspends at {@code
     * await}. A reference dead from that await on is passed as null, as {@code poll} clears its
     * field there (SPEC: reference fields are cleared once dead).
     */
    private CodeBlock materialize(Block.Await await) {
        List<LocalVar> dead = deadAt.getOrDefault(await, List.of());
        CodeBlock.Builder args = CodeBlock.builder().add("$L", n.state());
        for (Field f : resumedFields(outputType(g.method()))) args.add(", $L", dead.contains(f.var()) ? "null" : f.name());
        return CodeBlock.of(typeVariables(g.method()).isEmpty() ? "new $L($L)" : "new $L<>($L)", machineName, args.build());
    }

    /** The machine of an implicit await's callee, when it is called eagerly here; else null (it is awaited lazily). */
    private ClassName eagerClass(Block.Await a) {
        return eagerCalls.get(a);
    }

    /** {@link #eagerClass}, decided once per await by {@link #write}. */
    private ClassName calleeMachine(Block.Await a) {
        if (a.call() == null) return null;
        ClassName callee = eagerCallees.apply(a.call().method());
        if (callee == null) return null;
        TypeMirror type = a.suspension().type();
        if (type.getKind() == TypeKind.VOID) return callee;
        try {
            TypeNames.of(type); // the call's result is received in a local of its type
            return callee;
        } catch (TypeNames.Undenotable undenotable) {
            return null;
        }
    }

    /** The binary name a stack trace uses ({@code a.Outer$Inner}); @Async methods live only in named classes. */
    private static String binaryName(TypeElement type) {
        if (type.getEnclosingElement() instanceof TypeElement outer) {
            return binaryName(outer) + "$" + type.getSimpleName();
        }
        return type.getQualifiedName().toString();
    }

    /**
     * The states, shared by {@code poll} and {@code start} ({@link #inStart}): the locals, then the
     * dispatch loop.
     */
    private CodeBlock dispatch() {
        usesDispatchLabel = false;
        CodeBlock.Builder body = CodeBlock.builder();
        for (LocalVar v : g.vars()) {
            boolean local = !v.isField() && (v.kind() != LocalVar.Kind.TEMP || hoisted(v));
            if (inStart && v.kind() == LocalVar.Kind.PARAMETER) continue; // start's parameters
            if (local || inStart && v.isField()) {
                body.addStatement("$T $L = $L", typeOf(v), v.name(), defaultValue(v.type()));
            }
        }
        if (inStart) {
            for (TryRegion r : g.regions()) {
                body.addStatement("$T $L = null", Throwable.class, r.pendingName());
                body.addStatement("$T $L = null", stateType, r.nextName());
            }
        } else if (awaits(true)) {
            body.addStatement("boolean $L = false", e.eagerReturned());
        }
        boolean catches = g.states().stream().anyMatch(b -> b.terminator() instanceof Block.CatchDispatch);
        if (catches) body.addStatement("$T $L = null", Throwable.class, n.caught());
        CodeBlock.Builder loop = CodeBlock.builder();
        boolean routed = !g.regions().isEmpty();
        if (routed) {
            // Exceptions are routed by the state the pass began in, not by `state`: a jump out of a
            // kept try statement sets `state` before its finally or resource close runs, and what
            // those throw still belongs to the regions of the state that ran them (fuzzer finding).
            loop.addStatement("$T $L = $L", stateType, n.entered(), n.state());
            loop.beginControlFlow("try");
        }
        // Without try regions, the entry runs before the switch and goes on to the state it enters
        // (typically its first await) in the same turn of the loop: a turn of the loop costs every
        // machine (each call) measurably more than the switch. With regions, exceptions are routed
        // by the state the turn began in, so every state stays a case.
        Block hoisted = routed ? null : g.entry();
        if (hoisted != null) {
            loop.beginControlFlow("if ($L == $L.$L)", n.state(), n.stateType(), hoisted.stateName());
            stateCode(loop, hoisted);
            loop.endControlFlow();
        }
        CodeBlock.Builder cases = CodeBlock.builder();
        for (Block b : g.states()) {
            if (b == hoisted || inlined(b)) continue;
            cases.beginControlFlow("case $L ->", b.stateName());
            stateCode(cases, b);
            cases.endControlFlow();
        }
        if (g.returnsThroughFinally()) {
            cases.beginControlFlow("case RETURN ->").addStatement("break $L", completeLabel(true)).endControlFlow();
        }
        if (!cases.isEmpty()) loop.beginControlFlow("switch ($L)", n.state()).add(cases.build()).endControlFlow();
        if (routed) {
            loop.nextControlFlow("catch ($T $L)", Throwable.class, n.exception());
            loop.beginControlFlow("switch ($L)", n.entered());
            Map<TryRegion.Handler, List<String>> byHandler = new LinkedHashMap<>();
            for (Block b : g.states()) {
                if (b.handler() != null) {
                    byHandler.computeIfAbsent(b.handler(), h -> new ArrayList<>()).add(b.stateName());
                }
            }
            for (Map.Entry<TryRegion.Handler, List<String>> e : byHandler.entrySet()) {
                TryRegion.Handler h = e.getKey();
                loop.beginControlFlow("case $L ->", String.join(", ", e.getValue()));
                if (h.toFinally()) {
                    loop.addStatement("$L = $L", h.region().pendingName(), n.exception());
                } else {
                    loop.addStatement("$L = $L", n.caught(), n.exception());
                }
                loop.addStatement("$L = $L.$L", n.state(), n.stateType(), h.entry().stateName());
                loop.endControlFlow();
            }
            loop.addStatement("default -> throw $L", n.exception());
            loop.endControlFlow();
            loop.endControlFlow();
        }
        if (usesDispatchLabel) body.add("$L:\n", n.dispatch());
        body.beginControlFlow("for (;;)").add(loop.build()).endControlFlow();
        return body.build();
    }

    /**
     * Whether state {@code b} is printed where its await is, not as a case: in {@code start},
     * which never resumes, a state entered only from its await needs no dispatch. Not with try
     * regions, whose exceptions are routed by the state a turn of the loop began in.
     */
    private boolean inlined(Block b) {
        return inStart && g.regions().isEmpty() && b.resumes() != null && b.predecessors().size() == 1;
    }

    /**
     * Whether a temporary that receives an await's value is declared with the locals, not where
     * the await resumes: in {@code poll} when an eager call assigns it; in {@code start} always,
     * since each await's code there is a block of its own (states are printed inline, one after
     * the other, and the locals of one await's code must not clash with the next one's).
     */
    private boolean hoisted(LocalVar v) {
        return hoistedTargets.contains(v) || inStart && temporaryTargets.contains(v);
    }

    /** Whether some await is called eagerly ({@code eager}), or awaited lazily. */
    private boolean awaits(boolean eager) {
        for (Block b : g.blocks()) {
            if (b.terminator() instanceof Block.Await a && (eagerClass(a) != null) == eager) return true;
        }
        return false;
    }

    private MethodSpec poll(TypeName output) {
        inStart = false;
        CodeBlock body = dispatch();
        CodeBlock.Builder code = CodeBlock.builder().addStatement("beginPoll($L)", n.cx());
        // With a return through a finally, the result is a field (kept across the finally's awaits).
        if (returns && !g.returnsThroughFinally()) code.addStatement("$T $L", output, n.result());
        code.beginControlFlow("try")
                .add(body)
                .nextControlFlow("catch ($T $L)", Throwable.class, n.exception())
                .addStatement("throw failed($L)", n.exception())
                .endControlFlow();
        if (completes) code.addStatement("return complete($L)", n.result());
        MethodSpec.Builder poll = MethodSpec.methodBuilder("poll")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(POLL, output))
                .addParameter(CONTEXT, n.cx())
                .addCode(code.build());
        if (unchecked) {
            poll.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build());
        }
        return poll.build();
    }

    /**
     * The eager entry: the body from its start, for a caller's await, to its value, or to an await
     * that is pending, where it makes the machine and hands it to the holder.
     */
    private MethodSpec start() {
        inStart = true;
        CodeBlock body = dispatch();
        AsyncMethod m = g.method();
        String sentinel = EagerEntry.sentinel(m.element().getReturnType());
        CodeBlock.Builder lazy = CodeBlock.builder();
        if (!m.isStatic()) lazy.add("$L", n.self());
        for (LocalVar v : g.vars()) {
            if (v.kind() != LocalVar.Kind.PARAMETER) continue;
            lazy.add(lazy.isEmpty() ? "$L" : ", $L", v.name());
        }
        CodeBlock.Builder code = CodeBlock.builder();
        if (!m.isStatic()) code.addStatement(EagerEntry.receiverCheck(m, n.self()));
        code.add("// The checks of the caller's await: its budget unit, cancellation; to wait, it awaits the lazy machine.\n")
                .beginControlFlow("if (mustDefer($L, $L))", n.cx(), e.holder())
                .addStatement("defer($L, $L)", e.holder(),
                        CodeBlock.of(typeVariables(m).isEmpty() ? "new $L($L)" : "new $L<>($L)", machineName, lazy.build()))
                .addStatement("return $L", sentinel)
                .endControlFlow()
                .addStatement("$T $L = $L.$L", stateType, n.state(), n.stateType(), g.entry().stateName());
        List<String> fromAwait = new ArrayList<>();
        if (awaits(false)) {
            code.addStatement("$T $L = null", ParameterizedTypeName.get(RuntimeNames.FUTURE, WildcardTypeName.subtypeOf(Object.class)),
                    e.awaiting());
            fromAwait.add(e.awaiting() + " != null");
        }
        if (awaits(true)) {
            code.addStatement("boolean $L = false", e.calling());
            fromAwait.add(e.calling());
        }
        TypeMirror r = m.element().getReturnType();
        if (returns) {
            if (g.returnsThroughFinally()) code.addStatement("$T $L = $L", EagerEntry.resultType(m), n.result(), defaultValue(r));
            else code.addStatement("$T $L", EagerEntry.resultType(m), n.result());
        }
        String line = fromAwait.isEmpty() ? "-1" : String.join(" || ", fromAwait) + " ? " + n.state() + ".line : -1";
        code.beginControlFlow("try")
                .add(body)
                .nextControlFlow("catch ($T $L)", Throwable.class, n.exception())
                .addStatement("throw failedEagerly($L, frame($L))", n.exception(), line)
                .endControlFlow();
        if (completes) code.addStatement("return $L", n.result());
        MethodSpec.Builder start = EagerEntry.signature(m, n.cx(), e.holder(), n.self())
                .addJavadoc("Runs {@code $L.$L} at once for a caller's await: returns its result, or, once an await is pending,\n"
                        + "hands this machine to {@code $L} and returns {@code $L}.\n", m.owner().getSimpleName(),
                        m.element().getSimpleName(), e.holder(), sentinel);
        for (LocalVar v : g.vars()) {
            if (v.kind() == LocalVar.Kind.PARAMETER) start.addParameter(typeOf(v), v.name());
        }
        start.addCode(code.build());
        if (unchecked) {
            start.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build());
        }
        inStart = false;
        return start.build();
    }

    /**
     * The label a return breaks out to, on its way to {@code return complete(result)} after the
     * loop; a return that {@code arrives} means the loop can end.
     */
    private String completeLabel(boolean arrives) {
        usesDispatchLabel = true;
        returns = true;
        if (arrives) completes = true;
        return n.dispatch();
    }

    /** The code of state {@code b}: where it is in the source, its await's poll, its body. */
    private void stateCode(CodeBlock.Builder c, Block b) {
        String where = g.method().fileName() + ":" + b.line();
        if (b.resumes() != null) {
            c.add("// $L: $L\n", where, oneLine(b.resumes().source()));
            resumePrologue(c, b);
        } else if (!b.comment().isEmpty()) {
            c.add("// $L: $L\n", where, oneLine(b.comment()));
        }
        printBody(c, b);
    }

    /** A local class of the body as an inner class of the machine (it may use {@code self}). */
    private TypeSpec localClass(dev.ratchet.processor.lowering.LocalClass lc, String machineName) {
        TypeElement e = lc.element();
        String name = e.getSimpleName().toString();
        if (name.equals(machineName) || name.equals(n.stateType())) {
            throw new dev.ratchet.processor.lowering.LoweringException(dev.ratchet.processor.lowering.LoweringMessages.LOCAL_CLASS_SHAPE
                    .at(g.method().unit(), g.method().tree(), "a local class named like the machine (" + name + ")"));
        }
        TypeSpec.Builder t = TypeSpec.classBuilder(name).addModifiers(Modifier.PRIVATE);
        if (e.getModifiers().contains(Modifier.FINAL)) t.addModifiers(Modifier.FINAL);
        if (e.getModifiers().contains(Modifier.ABSTRACT)) t.addModifiers(Modifier.ABSTRACT);
        for (TypeParameterElement p : e.getTypeParameters()) t.addTypeVariable(TypeVariableName.get(p));
        if (e.getSuperclass().getKind() == TypeKind.DECLARED
                && !((TypeElement) ((javax.lang.model.type.DeclaredType) e.getSuperclass()).asElement()).getQualifiedName()
                        .contentEquals("java.lang.Object")) {
            t.superclass(TypeNames.of(e.getSuperclass()));
        }
        for (TypeMirror i : e.getInterfaces()) t.addSuperinterface(TypeNames.of(i));
        for (dev.ratchet.processor.lowering.LocalClass.Member m : lc.members()) {
            if (m instanceof dev.ratchet.processor.lowering.LocalClass.Field f) {
                FieldSpec.Builder fs = FieldSpec.builder(TypeNames.of(f.element().asType()), f.element().getSimpleName().toString())
                        .addModifiers(f.element().getModifiers().toArray(Modifier[]::new));
                if (f.initializer() != null) fs.initializer(snippet(f.initializer()));
                t.addField(fs.build());
            } else if (m instanceof dev.ratchet.processor.lowering.LocalClass.Method md) {
                javax.lang.model.element.ExecutableElement x = md.element();
                MethodSpec.Builder ms = x.getKind() == javax.lang.model.element.ElementKind.CONSTRUCTOR
                        ? MethodSpec.constructorBuilder()
                        : MethodSpec.methodBuilder(x.getSimpleName().toString()).returns(TypeNames.of(x.getReturnType()));
                ms.addModifiers(x.getModifiers().toArray(Modifier[]::new));
                if (md.override()) ms.addAnnotation(Override.class);
                for (TypeParameterElement p : x.getTypeParameters()) ms.addTypeVariable(TypeVariableName.get(p));
                for (var p : x.getParameters()) {
                    ms.addParameter(com.palantir.javapoet.ParameterSpec.builder(TypeNames.of(p.asType()), p.getSimpleName().toString())
                            .addModifiers(p.getModifiers().toArray(Modifier[]::new)).build());
                }
                ms.varargs(x.isVarArgs());
                for (TypeMirror thrown : x.getThrownTypes()) ms.addException(TypeNames.of(thrown));
                if (md.body() != null) ms.addCode(snippet(md.body()));
                t.addMethod(ms.build());
            } else if (m instanceof dev.ratchet.processor.lowering.LocalClass.Initializer in) {
                if (in.isStatic()) t.addStaticBlock(snippet(in.body()));
                else t.addInitializerBlock(snippet(in.body()));
            }
        }
        return t.build();
    }

    /**
     * The poll of the awaited future where a state resumes an await. In {@code poll}, after an
     * eager call that returned, it is skipped; in {@code start}, which never resumes, an eager
     * call needs none, and a pending await suspends by making the machine.
     */
    private void resumePrologue(CodeBlock.Builder c, Block b) {
        Block.Await a = b.resumes();
        boolean eager = eagerClass(a) != null;
        TypeName anyPoll = ParameterizedTypeName.get(POLL, WildcardTypeName.subtypeOf(Object.class));
        if (inStart) {
            if (eager) return;
            String sentinel = EagerEntry.sentinel(g.method().element().getReturnType());
            if (inlined(b)) c.add("{\n$>"); // the next await's code follows in this scope
            c.beginControlFlow("if ($L.yieldIfSpent())", n.cx())
                    .addStatement("suspendAwait($L, $L, $L, false)", e.holder(), materialize(a), e.awaiting())
                    .addStatement("return $L", sentinel)
                    .endControlFlow();
            c.addStatement("$T $L = $L.poll($L)", anyPoll, n.ready(), e.awaiting(), n.cx());
            c.beginControlFlow("if ($L.isPending())", n.ready())
                    .addStatement("suspendAwait($L, $L, $L, true)", e.holder(), materialize(a), e.awaiting())
                    .addStatement("return $L", sentinel)
                    .endControlFlow();
            c.addStatement("$L = null", e.awaiting());
        } else {
            if (eager) {
                c.beginControlFlow("if ($L)", e.eagerReturned()).addStatement("$L = false", e.eagerReturned()).nextControlFlow("else");
            }
            c.addStatement("if (mustSuspend($L)) return $T.pending()", n.cx(), POLL);
            c.addStatement("$T $L = polled(awaited().poll($L))", anyPoll, n.ready(), n.cx());
            c.addStatement("if ($L.isPending()) return $T.pending()", n.ready(), POLL);
        }
        LocalVar target = a.target();
        if (target != null) {
            TypeName cast = TypeNames.boxed(a.suspension().type());
            if (isGeneric(cast)) unchecked = true;
            if (target.kind() == LocalVar.Kind.TEMP && !target.isField() && !hoisted(target)) {
                c.addStatement("$T $L = ($T) $L.value()", typeOf(target), target.name(), cast, n.ready());
            } else {
                c.addStatement("$L = ($T) $L.value()", target.name(), cast, n.ready());
            }
        }
        if (eager) c.endControlFlow();
        if (inlined(b)) c.add("$<}\n");
    }

    /**
     * An implicit await as an eager call of the callee's {@code start} (see the class comment):
     * its result goes on to the state that resumes the await, in the same pass; if it suspended,
     * {@code poll} returns pending awaiting the callee's machine, and {@code start} makes its own
     * machine awaiting that one.
     */
    private void eagerCall(CodeBlock.Builder c, Block b, Block.Await a, ClassName callee) {
        c.addStatement("$L = $L.$L", n.state(), n.stateType(), a.resume().stateName());
        if (inStart) c.addStatement("$L = true", e.calling());
        else c.addStatement("beginCall()");
        CodeBlock.Builder call = CodeBlock.builder().add("$T.", callee);
        if (a.call().typeArguments() != null) call.add(snippet(a.call().typeArguments()));
        call.add("start($L, $L", n.cx(), inStart ? e.holder() : "this");
        CodeBlock arguments = snippet(a.call().arguments());
        if (!arguments.isEmpty()) call.add(", ").add(arguments);
        call.add(")");
        TypeMirror type = a.suspension().type();
        boolean isVoid = type.getKind() == TypeKind.VOID;
        if (inlined(a.resume())) c.add("{\n$>"); // the state's code follows in this scope
        if (isVoid) c.addStatement("$L", call.build());
        else c.addStatement("$T $L = $L", TypeNames.of(type), e.called(), call.build());
        String test = isVoid ? "" : EagerEntry.sentinelTest(type, e.called());
        if (inStart) {
            c.beginControlFlow("if ($LhandedOff($L))", test, e.holder())
                    .addStatement("suspendCall($L, $L)", e.holder(), materialize(a))
                    .addStatement("return $L", EagerEntry.sentinel(g.method().element().getReturnType()))
                    .endControlFlow();
            c.addStatement("$L = false", e.calling());
        } else {
            // After the arguments (which may read them): fields dead from here on.
            for (LocalVar v : b.clearBeforeSuspending()) c.addStatement("$L = null", v.name());
            c.addStatement("if ($LsuspendedCall()) return $T.pending()", test, POLL);
            c.addStatement("endCall()");
        }
        if (a.target() != null) c.addStatement("$L = $L", a.target().name(), e.called());
        if (inlined(a.resume())) c.add("$<}\n");
        if (!inStart) c.addStatement("$L = true", e.eagerReturned());
    }

    /** Prints {@code b}'s code and terminator, and inline the blocks it enters that are not states. */
    private void printBody(CodeBlock.Builder c, Block b) {
        for (Block.Code code : b.code()) {
            CodeBlock s = snippet(code.code());
            if (!s.isEmpty()) c.add(s).add("\n");
        }
        Block.Terminator t = b.terminator();
        if (t instanceof Block.Goto go) {
            enter(c, go.target());
        } else if (t instanceof Block.Branch br) {
            c.beginControlFlow("if ($L)", snippet(br.condition()));
            enter(c, br.then());
            c.nextControlFlow("else");
            enter(c, br.otherwise());
            c.endControlFlow();
        } else if (t instanceof Block.Await a) {
            ClassName callee = eagerClass(a);
            if (callee != null) {
                eagerCall(c, b, a, callee);
                if (inlined(a.resume())) stateCode(c, a.resume());
            } else if (inStart) {
                c.addStatement("$L = $L", e.awaiting(), snippet(a.future()));
                c.addStatement("$L = $L.$L", n.state(), n.stateType(), a.resume().stateName());
                if (inlined(a.resume())) stateCode(c, a.resume());
            } else {
                c.addStatement("awaitOn($L)", snippet(a.future()));
                // After the future expression (which may read them): fields dead from here on.
                for (LocalVar v : b.clearBeforeSuspending()) c.addStatement("$L = null", v.name());
                c.addStatement("$L = $L.$L", n.state(), n.stateType(), a.resume().stateName());
            }
        } else if (t instanceof Block.Jump j) {
            transition(c, j.transition());
        } else if (t instanceof Block.Switch sw) {
            c.beginControlFlow("switch ($L)", snippet(sw.selector()));
            for (Block.SwitchCase sc : sw.cases()) {
                if (sc.labels().isEmpty()) {
                    c.beginControlFlow("default ->");
                } else {
                    CodeBlock.Builder labels = CodeBlock.builder();
                    for (int i = 0; i < sc.labels().size(); i++) {
                        if (i > 0) labels.add(", ");
                        labels.add(snippet(sc.labels().get(i)));
                    }
                    c.beginControlFlow("case $L ->", labels.build());
                }
                enter(c, sc.body());
                c.endControlFlow();
            }
            if (sw.noMatch() != null) {
                c.beginControlFlow("default ->");
                enter(c, sw.noMatch());
                c.endControlFlow();
            }
            c.endControlFlow();
        } else if (t instanceof Block.CatchDispatch cd) {
            boolean first = true;
            for (Block.CatchClause cl : cd.clauses()) {
                CodeBlock.Builder test = CodeBlock.builder();
                for (int i = 0; i < cl.alternatives().size(); i++) {
                    if (i > 0) test.add(" || ");
                    test.add("$L instanceof $T", n.caught(), TypeNames.of(cl.alternatives().get(i)));
                }
                if (first) c.beginControlFlow("if ($L)", test.build());
                else c.nextControlFlow("else if ($L)", test.build());
                first = false;
                c.addStatement("$L = ($T) $L", cl.parameter().name(), TypeNames.of(cl.parameter().type()), n.caught());
                enter(c, cl.body());
            }
            c.nextControlFlow("else");
            c.addStatement("throw $L", n.caught());
            c.endControlFlow();
        } else if (t instanceof Block.EndFinally ef) {
            TryRegion r = ef.region();
            c.beginControlFlow("if ($L != null)", r.pendingName());
            c.addStatement("$T $L = $L", Throwable.class, n.thrown(), r.pendingName());
            c.addStatement("$L = null", r.pendingName());
            c.addStatement("throw $L", n.thrown());
            c.endControlFlow();
            c.addStatement("$L = $L", n.state(), r.nextName());
        }
    }

    private void enter(CodeBlock.Builder c, Block target) {
        if (target.isState()) {
            c.addStatement("$L = $L.$L", n.state(), n.stateType(), target.stateName());
        } else {
            printBody(c, target);
        }
    }

    private void transition(CodeBlock.Builder c, Transition t) {
        if (t.isReturn() && t.crossed().isEmpty()) {
            c.addStatement("$L = $L", n.result(), t.returnValue() == null ? "null" : snippet(t.returnValue()));
            c.addStatement("break $L", completeLabel(true));
            return;
        }
        if (t.isReturn() && t.returnValue() != null) c.addStatement("$L = $L", n.result(), snippet(t.returnValue()));
        for (int i = 0; i < t.crossed().size(); i++) {
            TryRegion r = t.crossed().get(i);
            String next = i + 1 < t.crossed().size() ? t.crossed().get(i + 1).finallyEntry().stateName()
                    : t.isReturn() ? "RETURN" : t.resolvedTarget().stateName();
            c.addStatement("$L = null", r.pendingName());
            c.addStatement("$L = $L", r.nextName(), stateOrNull(next));
        }
        c.addStatement("$L = $L.$L", n.state(), n.stateType(), t.firstBlock().stateName());
    }

    /**
     * The state a finally continues with. None when the jump's target was removed as unreachable:
     * that happens only behind a finally that cannot complete normally, which never reads it.
     */
    private CodeBlock stateOrNull(String stateName) {
        return stateName == null ? CodeBlock.of("null") : CodeBlock.of("$L.$L", n.stateType(), stateName);
    }

    /** A snippet as code; transitions inside it print as a braced block on one line. */
    private CodeBlock snippet(Snippet s) {
        CodeBlock.Builder c = CodeBlock.builder();
        for (Snippet.Part p : s.parts()) {
            if (p instanceof Snippet.Text t) {
                c.add("$L", t.text());
            } else if (p instanceof Snippet.TypeRef r) {
                c.add("$T", TypeNames.className(r.type()));
            } else if (p instanceof Snippet.TypeUse u) {
                c.add("$T", TypeNames.of(u.type()));
            } else if (p instanceof Snippet.VarRef v) {
                c.add("$L", v.var().name());
            } else if (p instanceof Snippet.CaptureRef cr) {
                c.add("$L", cr.var().captureName());
            } else if (p instanceof Snippet.SelfRef) {
                usesSelf = true;
                c.add("$L", n.self());
            } else if (p instanceof Snippet.CompanionRef cr) {
                c.add("$T", companion(cr.type()));
            } else if (p instanceof Snippet.PendingRef pr) {
                c.add("$L", pr.region().pendingName());
            } else if (p instanceof Snippet.Jump j) {
                CodeBlock.Builder inner = CodeBlock.builder();
                transitionInline(inner, j.transition(), j.arrives());
                c.add("{ ").add(inner.build()).add(" }");
            }
        }
        return c.build();
    }

    /** A transition on one line, for use inside the user's statements ({@code arrives}: see {@link Snippet.Jump}). */
    private void transitionInline(CodeBlock.Builder c, Transition t, boolean arrives) {
        if (t.isReturn() && t.crossed().isEmpty()) {
            c.add("$L = $L; break $L;", n.result(), t.returnValue() == null ? "null" : snippet(t.returnValue()),
                    completeLabel(arrives));
            return;
        }
        if (t.isReturn() && t.returnValue() != null) c.add("$L = $L; ", n.result(), snippet(t.returnValue()));
        for (int i = 0; i < t.crossed().size(); i++) {
            TryRegion r = t.crossed().get(i);
            String next = i + 1 < t.crossed().size() ? t.crossed().get(i + 1).finallyEntry().stateName()
                    : t.isReturn() ? "RETURN" : t.resolvedTarget().stateName();
            c.add("$L = null; $L = $L; ", r.pendingName(), r.nextName(), stateOrNull(next));
        }
        c.add("$L = $L.$L; continue $L;", n.state(), n.stateType(), t.firstBlock().stateName(), n.dispatch());
        usesDispatchLabel = true;
    }

    /** The Java type of a variable; one Java cannot write (anonymous, intersection) is a compile error. */
    private TypeName typeOf(LocalVar v) {
        try {
            return TypeNames.of(v.type());
        } catch (TypeNames.Undenotable e) {
            com.sun.source.tree.Tree at = v.declaration() != null ? v.declaration() : g.method().tree();
            throw new dev.ratchet.processor.lowering.LoweringException(dev.ratchet.processor.lowering.LoweringMessages.UNDENOTABLE_TYPE
                    .at(g.method().unit(), at, v.hint(), v.type()));
        }
    }

    private static boolean isGeneric(TypeName t) {
        if (t instanceof com.palantir.javapoet.ArrayTypeName a) return isGeneric(a.componentType());
        return t instanceof ParameterizedTypeName || t instanceof TypeVariableName;
    }

    static ClassName companion(TypeElement type) {
        return ClassName.get(CompanionNames.packageName(type), CompanionNames.companionSimpleName(type));
    }

    private static String defaultValue(TypeMirror t) {
        return switch (t.getKind()) {
            case BOOLEAN -> "false";
            case BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE -> "0";
            default -> "null";
        };
    }

    private static String oneLine(String s) {
        String line = s.strip().replaceAll("\\s+", " ");
        return line.length() > 100 ? line.substring(0, 97) + "..." : line;
    }
}
