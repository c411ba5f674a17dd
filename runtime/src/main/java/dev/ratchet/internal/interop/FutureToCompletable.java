package dev.ratchet.internal.interop;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.Waker;
import dev.ratchet.internal.CurrentRuntime;
import dev.ratchet.runtime.JoinHandle;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@code Futures.toCompletableFuture}: spawns a future on the current executor and mirrors the
 * task's outcome into a {@link CompletableFuture}.
 *
 * <p>The bridge is a waker on the task's {@link JoinHandle}: it polls the handle (with an
 * unlimited budget) once at once and again each time the handle wakes it, which happens when
 * the task completes — on the thread that completed it. So every way a task can end (value,
 * exception, abort, {@code close()} cancelling it) completes the {@code CompletableFuture}, with
 * the same value or exception object. Cancelling the {@code CompletableFuture} aborts the task;
 * the {@code CompletableFuture} is cancelled at once, while the task's cleanup runs on the
 * executor.
 */
public final class FutureToCompletable {
    private FutureToCompletable() {}

    /**
     * Spawns {@code future} on the current executor.
     *
     * @throws IllegalStateException outside an executor
     */
    public static <T> CompletableFuture<T> spawn(Future<T> future) {
        Objects.requireNonNull(future, "future");
        JoinHandle<T> handle = CurrentRuntime.require("Futures.toCompletableFuture").spawn(future);
        return bridge(handle);
    }

    /** A {@code CompletableFuture} that completes with {@code handle}'s outcome. */
    public static <T> CompletableFuture<T> bridge(JoinHandle<T> handle) {
        CompletableFuture<T> cf = new CompletableFuture<>();
        new Bridge<>(handle, cf).pollHandle();
        cf.whenComplete((v, e) -> {
            if (cf.isCancelled()) handle.abort(); // no-op if the task already finished
        });
        return cf;
    }

    private static final class Bridge<T> implements Waker {
        private final JoinHandle<T> handle;
        private final CompletableFuture<T> cf;
        private final Context cx = Context.of(this);

        Bridge(JoinHandle<T> handle, CompletableFuture<T> cf) {
            this.handle = handle;
            this.cf = cf;
        }

        @Override
        public void wake() {
            pollHandle();
        }

        /**
         * Polls the handle; once ready, completes {@code cf}. The handle's own waker cell keeps
         * this safe from the completing thread: it wakes us only after the output is published.
         */
        void pollHandle() {
            Poll<T> p;
            try {
                p = handle.poll(cx);
            } catch (Throwable t) {
                cf.completeExceptionally(t);
                return;
            }
            if (p.isReady()) cf.complete(p.value());
        }
    }
}
