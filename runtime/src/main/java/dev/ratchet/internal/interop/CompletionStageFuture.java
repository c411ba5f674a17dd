package dev.ratchet.internal.interop;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.Waker;
import dev.ratchet.internal.combinator.Rethrow;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code Futures.fromCompletionStage}: a {@link Future} that completes when a {@link
 * CompletionStage} does, with its value or its failure ({@link CompletionException} unwrapped to
 * its cause, so the awaiting code sees the original exception).
 *
 * <pre>{@code
 * Future<String> body = new CompletionStageFuture<>(httpClient.sendAsync(req, ofString()).thenApply(HttpResponse::body));
 * }</pre>
 *
 * <p>The first poll registers one {@code whenComplete} callback; it runs on whatever thread
 * completes the stage (or at once, if already complete), records the outcome and wakes the waker
 * of the latest poll. No thread ever blocks.
 *
 * <h2>Cancellation</h2>
 * {@link #cancel()} makes the next poll throw {@link CancellationException}, whether or not the
 * stage has completed meanwhile, and also cancels {@code stage.toCompletableFuture()} (with {@code
 * mayInterruptIfRunning = false}) so the work behind it can stop — as Kotlin's {@code
 * CompletionStage.await()} does. This suits the usual one-shot stage made for this await; a stage
 * shared with other consumers is cancelled for them too, so give such a stage a private dependent
 * ({@code stage.thenApply(x -> x)}) to await instead.
 *
 * @param <T> the stage's value type
 */
public final class CompletionStageFuture<T> implements Future<T> {
    /** The stage's outcome: a value, or a failure already unwrapped. */
    private record Outcome(Object value, Throwable failure) {}

    private final CompletionStage<T> stage;
    /**
     * The waker of the latest poll. Ordering: the poller stores it (volatile) before reading
     * {@link #outcome}; the callback writes {@code outcome} before reading this. Both are volatile,
     * so either the poll sees the outcome or the callback sees this poll's waker: no lost wake.
     */
    private final AtomicReference<Waker> waker = new AtomicReference<>();
    /** Written once by the completion callback (any thread). */
    private volatile Outcome outcome;
    /** Set by {@link #cancel()} on any thread; read by polls. */
    private volatile boolean cancelled;
    // Poller-only state.
    private boolean registered;
    private boolean completed;

    /** @throws NullPointerException if {@code stage} is null */
    public CompletionStageFuture(CompletionStage<T> stage) {
        this.stage = Objects.requireNonNull(stage, "stage");
    }

    @Override
    @SuppressWarnings("unchecked")
    public Poll<T> poll(Context cx) {
        if (completed) throw new IllegalStateException("fromCompletionStage future polled after completion");
        if (cancelled) {
            completed = true;
            throw new CancellationException("fromCompletionStage future was cancelled");
        }
        if (waker.get() != cx.waker()) waker.set(cx.waker());
        if (!registered) {
            registered = true;
            stage.whenComplete(this::onComplete); // may run onComplete right here if already complete
        }
        Outcome o = outcome;
        if (o == null) return Poll.pending();
        completed = true;
        if (o.failure() != null) throw Rethrow.unchecked(o.failure());
        return Poll.ready((T) o.value());
    }

    private void onComplete(T value, Throwable failure) {
        outcome = new Outcome(value, failure == null ? null : unwrap(failure));
        waker.get().wake(); // set by the poll that registered this callback, or a later one
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) t = t.getCause();
        return t;
    }

    /**
     * Requests cancellation: the next poll throws {@link CancellationException}; the underlying
     * {@code CompletableFuture} is cancelled too (see the class documentation).
     */
    @Override
    public void cancel() {
        cancelled = true;
        if (outcome != null) return; // already complete: nothing to stop
        try {
            stage.toCompletableFuture().cancel(false);
        } catch (UnsupportedOperationException noCompletableFuture) {
            // toCompletableFuture() is optional in CompletionStage; such a stage cannot be
            // cancelled from here, and our next poll throws CancellationException regardless.
        }
    }

    /**
     * For task dumps: {@code fromCompletionStage(CompletableFuture, incomplete)}; then {@code
     * completed, not yet polled} or {@code cancelled}. Reads volatile fields only.
     */
    @Override
    public String toString() {
        String state = cancelled ? "cancelled" : outcome == null ? "incomplete" : "completed, not yet polled";
        String type = stage.getClass().getSimpleName();
        return "fromCompletionStage(" + (type.isEmpty() ? stage.getClass().getName() : type) + ", " + state + ")";
    }
}
