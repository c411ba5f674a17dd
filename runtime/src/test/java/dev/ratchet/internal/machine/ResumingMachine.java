package dev.ratchet.internal.machine;

import dev.ratchet.Context;
import dev.ratchet.Poll;

/**
 * The tests' hand-written machines: the {@code poll} that the processor generates around a body,
 * with the body in {@link #resume} and each await's poll in {@link #pollAwaited}, so that a test
 * machine writes only its states.
 *
 * <pre>{@code
 * protected Poll<Integer> resume(Context cx) {
 *     if (state == 0) { awaitOn(child); state = 1; }
 *     Poll<?> ready = pollAwaited(cx);
 *     if (ready.isPending()) return Poll.pending();
 *     return Poll.ready(2 * (Integer) ready.value());
 * }
 * }</pre>
 */
public abstract class ResumingMachine<T> extends AsyncStateMachine<T> {
    @Override
    public final Poll<T> poll(Context cx) {
        beginPoll(cx);
        Poll<T> result;
        try {
            result = resume(cx);
        } catch (Throwable t) {
            throw failed(t);
        }
        return result.isReady() ? complete(result.value()) : result;
    }

    /** Runs the body from the current state to the next await that is pending, or to a return. */
    protected abstract Poll<T> resume(Context cx) throws Throwable;

    /** One await's poll, as generated code writes it. */
    protected final Poll<?> pollAwaited(Context cx) {
        if (mustSuspend(cx)) return Poll.pending();
        return polled(awaited().poll(cx));
    }
}
