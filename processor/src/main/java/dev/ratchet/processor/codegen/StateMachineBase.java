package dev.ratchet.processor.codegen;

import static dev.ratchet.processor.codegen.RuntimeNames.CANCELLATION;
import static dev.ratchet.processor.codegen.RuntimeNames.CONTEXT;
import static dev.ratchet.processor.codegen.RuntimeNames.FUTURE;
import static dev.ratchet.processor.codegen.RuntimeNames.OBJECTS;
import static dev.ratchet.processor.codegen.RuntimeNames.POLL;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import javax.lang.model.element.Modifier;

/**
 * The base class of the state machines of one generated file: completion, cancellation and
 * awaiting, written once per file so generated code depends only on Ratchet's public API.
 */
final class StateMachineBase {
    static final String NAME = "StateMachine";

    private StateMachineBase() {}

    static TypeSpec spec() {
        TypeVariableName t = TypeVariableName.get("T");
        TypeName pollT = ParameterizedTypeName.get(POLL, t);
        TypeName anyPoll = ParameterizedTypeName.get(POLL, WildcardTypeName.subtypeOf(Object.class));
        TypeName anyFuture = ParameterizedTypeName.get(FUTURE, WildcardTypeName.subtypeOf(Object.class));
        return TypeSpec.classBuilder(NAME)
                .addJavadoc("""
                        The machinery shared by the state machines in this file: completion, cancellation and awaiting.
                        <p>Threading: {@code poll} is never called concurrently (the executor's rule) and successive polls
                        are ordered by the executor, so only {@code cancelRequested}, which {@code cancel()} may set from
                        any thread, is volatile.
                        """)
                .addModifiers(Modifier.ABSTRACT, Modifier.STATIC)
                .addTypeVariable(t)
                .addSuperinterface(ParameterizedTypeName.get(FUTURE, t))
                .addField(FieldSpec.builder(TypeName.BOOLEAN, "cancelRequested", Modifier.PRIVATE, Modifier.VOLATILE)
                        .addJavadoc("Set by {@link #cancel()}; the next await point throws {@code CancellationException}.\n")
                        .build())
                .addField(TypeName.BOOLEAN, "started", Modifier.PRIVATE)
                .addField(TypeName.BOOLEAN, "completed", Modifier.PRIVATE)
                .addField(FieldSpec.builder(anyFuture, "awaited", Modifier.PRIVATE)
                        .addJavadoc("The future being awaited, or null.\n").build())
                .addField(TypeName.BOOLEAN, "awaitedPolled", Modifier.PRIVATE)
                .addField(TypeName.BOOLEAN, "awaitedCancelled", Modifier.PRIVATE)
                .addMethod(MethodSpec.methodBuilder("poll")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                        .returns(pollT)
                        .addParameter(CONTEXT, "cx")
                        .beginControlFlow("if (completed)")
                        .addStatement("throw new $T($S)", IllegalStateException.class,
                                "polled after completion: a future must not be polled once it returned ready or threw")
                        .endControlFlow()
                        .beginControlFlow("if (!started)")
                        .addStatement("started = true")
                        .beginControlFlow("if (cancelRequested)")
                        .addComment("Cancelled before its first poll: runs nothing.")
                        .addStatement("completed = true")
                        .addStatement("throw new $T()", CANCELLATION)
                        .endControlFlow()
                        .endControlFlow()
                        .addStatement("$T result", pollT)
                        .beginControlFlow("try")
                        .addStatement("result = resume(cx)")
                        .nextControlFlow("catch ($T t)", Throwable.class)
                        .addStatement("completed = true")
                        .addStatement("awaited = null")
                        .addStatement("throw $L.<$T>sneakyThrow(t)", NAME, RuntimeException.class)
                        .endControlFlow()
                        .beginControlFlow("if (result.isReady())")
                        .addStatement("completed = true")
                        .addComment("A catch may have swallowed the cancellation: the future still completes cancelled.")
                        .addStatement("if (cancelRequested) throw new $T()", CANCELLATION)
                        .endControlFlow()
                        .addStatement("return result")
                        .build())
                .addMethod(MethodSpec.methodBuilder("cancel")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                        .addComment("A stale read of completed only sets a flag a completed machine ignores.")
                        .addStatement("if (!completed) cancelRequested = true")
                        .build())
                .addMethod(MethodSpec.methodBuilder("resume")
                        .addJavadoc("Runs the body from the current state to the next await that is pending, or to the end.\n")
                        .addModifiers(Modifier.ABSTRACT)
                        .returns(pollT)
                        .addParameter(CONTEXT, "cx")
                        .addException(Throwable.class)
                        .build())
                .addMethod(MethodSpec.methodBuilder("awaitOn")
                        .addJavadoc("Starts awaiting {@code future}; the state that resumes calls {@link #pollAwaited}.\n")
                        .addModifiers(Modifier.FINAL)
                        .addParameter(anyFuture, "future")
                        .addStatement("awaited = $T.requireNonNull(future, $S)", OBJECTS, "awaited future")
                        .addStatement("awaitedPolled = false")
                        .addStatement("awaitedCancelled = false")
                        .build())
                .addMethod(MethodSpec.methodBuilder("pollAwaited")
                        .addJavadoc("""
                                Polls the awaited future once. Every await spends one unit of the task's budget first: when it
                                is spent the task yields (woken, pending) and the same state retries on the next poll. After
                                {@link #cancel()}, cancels the awaited future, drives it to completion (its cleanup), then
                                throws {@code CancellationException} here, inside the user's try structure.
                                """)
                        .addModifiers(Modifier.FINAL)
                        .returns(anyPoll)
                        .addParameter(CONTEXT, "cx")
                        .addStatement("if (cx.yieldIfSpent()) return $T.pending()", POLL)
                        .addStatement("$T future = awaited", anyFuture)
                        .beginControlFlow("if (cancelRequested)")
                        .beginControlFlow("if (!awaitedPolled)")
                        .addComment("Never polled, so nothing ran: no cleanup to drive.")
                        .addStatement("awaited = null")
                        .addStatement("throw new $T()", CANCELLATION)
                        .endControlFlow()
                        .beginControlFlow("if (!awaitedCancelled)")
                        .addStatement("awaitedCancelled = true")
                        .addStatement("future.cancel()")
                        .endControlFlow()
                        .endControlFlow()
                        .addStatement("awaitedPolled = true")
                        .addStatement("$T ready", anyPoll)
                        .beginControlFlow("try")
                        .addStatement("ready = future.poll(cx)")
                        .nextControlFlow("catch ($T t)", Throwable.class)
                        .addStatement("awaited = null")
                        .beginControlFlow("if (awaitedCancelled && !(t instanceof $T))", CANCELLATION)
                        .addStatement("$T cancelled = new $T()", CANCELLATION, CANCELLATION)
                        .addStatement("cancelled.addSuppressed(t)")
                        .addStatement("throw cancelled")
                        .endControlFlow()
                        .addStatement("throw t")
                        .endControlFlow()
                        .addStatement("if (ready.isPending()) return ready")
                        .addStatement("awaited = null")
                        .addStatement("if (awaitedCancelled) throw new $T()", CANCELLATION)
                        .addStatement("return ready")
                        .build())
                .addMethod(MethodSpec.methodBuilder("sneakyThrow")
                        .addJavadoc("Throws {@code t} unchanged, checked or not: an @Async method's declared exceptions.\n")
                        .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build())
                        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                        .addTypeVariable(TypeVariableName.get("E", Throwable.class))
                        .returns(TypeVariableName.get("E"))
                        .addParameter(Throwable.class, "t")
                        .addException(TypeVariableName.get("E"))
                        .addStatement("throw (E) t")
                        .build())
                .build();
    }

    static ClassName in(ClassName host) {
        return host.nestedClass(NAME);
    }
}
