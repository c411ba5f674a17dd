package dev.ratchet.processor.check;

import com.sun.source.tree.Tree;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/**
 * Rule: {@code @Async} only on a method the processor can compile and the companion can reach: one
 * with a body, not native, not synchronized, declared in a top-level or member class that is not
 * private (nor nested in a private, local or anonymous class). Reported at the {@code @Async}
 * annotation, one problem per method (the first of the list above that applies).
 */
final class AsyncMethodShapeCheck implements Check {
    /** Why a method cannot be an @Async method: a code and its message. */
    record Problem(String code, String message) {}

    @Override
    public void run(UnitFacts facts, CheckContext cx) {
        for (AsyncMethod method : facts.asyncMethods()) {
            problemOf(method.element()).ifPresent(problem -> {
                Tree at = method.annotation() != null ? method.annotation() : method.tree();
                cx.report(problem.code(), problem.message(), at);
                cx.invalidate(method.element());
            });
        }
    }

    /** The first reason {@code method} cannot be compiled as an @Async method, if any. */
    static Optional<Problem> problemOf(ExecutableElement method) {
        TypeElement privateClass = null;
        for (Element e = method.getEnclosingElement(); !(e.getKind() == ElementKind.PACKAGE
                || e.getKind() == ElementKind.MODULE); e = e.getEnclosingElement()) {
            if (!(e instanceof TypeElement type)) {
                return Optional.of(localClass(false)); // a class declared inside a method body
            }
            NestingKind nesting = type.getNestingKind();
            if (nesting == NestingKind.LOCAL || nesting == NestingKind.ANONYMOUS) {
                return Optional.of(localClass(nesting == NestingKind.ANONYMOUS));
            }
            if (privateClass == null && type.getModifiers().contains(Modifier.PRIVATE)) {
                privateClass = type;
            }
        }
        if (privateClass != null) {
            return Optional.of(new Problem(
                    CheckMessages.ASYNC_IN_PRIVATE_CLASS,
                    CheckMessages.asyncInPrivateClass(
                            privateClass.getSimpleName().toString(),
                            RatchetNames.companionSimpleName((TypeElement) method.getEnclosingElement()))));
        }
        Set<Modifier> modifiers = method.getModifiers();
        if (modifiers.contains(Modifier.ABSTRACT)) {
            ElementKind owner = method.getEnclosingElement().getKind();
            return Optional.of(new Problem(
                    CheckMessages.ASYNC_ABSTRACT,
                    CheckMessages.asyncAbstract(owner == ElementKind.INTERFACE || owner == ElementKind.ANNOTATION_TYPE)));
        }
        if (modifiers.contains(Modifier.NATIVE)) {
            return Optional.of(new Problem(CheckMessages.ASYNC_NATIVE, CheckMessages.asyncNative()));
        }
        if (modifiers.contains(Modifier.SYNCHRONIZED)) {
            return Optional.of(new Problem(CheckMessages.ASYNC_SYNCHRONIZED, CheckMessages.asyncSynchronized()));
        }
        return Optional.empty();
    }

    private static Problem localClass(boolean anonymous) {
        return new Problem(CheckMessages.ASYNC_IN_LOCAL_CLASS, CheckMessages.asyncInLocalClass(anonymous));
    }
}
