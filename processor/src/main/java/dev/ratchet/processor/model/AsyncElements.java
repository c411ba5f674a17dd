package dev.ratchet.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Recognises Ratchet's elements by name: {@code @dev.ratchet.Async} (CLASS retention, so it is
 * visible on methods of class files too) and {@code dev.ratchet.Futures.await}.
 */
public final class AsyncElements {
    public static final String ASYNC = "dev.ratchet.Async";
    public static final String FUTURES = "dev.ratchet.Futures";
    public static final String FUTURE = "dev.ratchet.Future";
    public static final String COMPLETION_STAGE = "java.util.concurrent.CompletionStage";

    private AsyncElements() {}

    /** Whether {@code e} is a method annotated {@code @dev.ratchet.Async}. */
    public static boolean isAsync(Element e) {
        if (!(e instanceof ExecutableElement)) return false;
        for (AnnotationMirror m : e.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) m.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(ASYNC)) return true;
        }
        return false;
    }

    /** Whether {@code e} is one of the {@code Futures.await} overloads. */
    public static boolean isAwait(Element e) {
        return e instanceof ExecutableElement m
                && m.getSimpleName().contentEquals("await")
                && m.getEnclosingElement() instanceof TypeElement t
                && t.getQualifiedName().contentEquals(FUTURES);
    }

    /** Whether the {@code await} overload {@code e} takes a {@code CompletionStage}. */
    public static boolean isStageAwait(ExecutableElement e) {
        return e.getParameters().get(0).asType().toString().startsWith(COMPLETION_STAGE);
    }
}
