package dev.ratchet.processor.analysis;

import com.sun.source.tree.MethodInvocationTree;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;

/**
 * One suspension point: an explicit {@code await(future)} / {@code await(stage)}, or a direct
 * call of another {@code @Async} method (an implicit await of its companion entry).
 *
 * @param call the invocation
 * @param kind how the awaited future is obtained
 * @param method the invoked method ({@code Futures.await} or the {@code @Async} method)
 * @param type the type of the invocation expression (the awaited value; may be primitive)
 */
public record Suspension(MethodInvocationTree call, Kind kind, ExecutableElement method, TypeMirror type) {
    public enum Kind {
        /** {@code await(Future<T>)}. */
        AWAIT_FUTURE,
        /** {@code await(CompletionStage<T>)}. */
        AWAIT_STAGE,
        /** A direct call of an {@code @Async} method. */
        IMPLICIT
    }
}
