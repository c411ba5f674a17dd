package dev.ratchet;

import dev.ratchet.internal.CurrentRuntime;
import dev.ratchet.internal.combinator.JoinAll;
import dev.ratchet.internal.combinator.JoinFutures;
import dev.ratchet.internal.combinator.SelectFutures;
import dev.ratchet.internal.interop.CompletionStageFuture;
import dev.ratchet.internal.interop.FutureToCompletable;
import dev.ratchet.runtime.JoinHandle;
import dev.ratchet.time.Interval;
import dev.ratchet.time.Sleep;
import dev.ratchet.time.Timeout;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Static helpers for working with futures: await, ready values, sleeping, timeouts, join,
 * select, spawning and {@link CompletionStage} interop.
 *
 * <pre>{@code
 * import static dev.ratchet.Futures.*;
 *
 * @Async
 * String fetchBoth() throws Exception {
 *     var both = await(join(fetch("a"), fetch("b")));
 *     await(sleep(Duration.ofMillis(10)));
 *     return both.first() + both.second();
 * }
 * }</pre>
 */
public final class Futures {
    private Futures() {}

    /**
     * Suspends the enclosing {@link Async @Async} method until {@code future} completes, and
     * evaluates to its value (or rethrows its exception).
     *
     * <p>This method is a marker that {@code ratchet-processor} compiles away: it only has
     * meaning inside the body of an {@code @Async} method. Called anywhere else it throws.
     *
     * @throws IllegalStateException always, when actually executed
     */
    public static <T> T await(Future<T> future) {
        throw awaitOutsideAsync();
    }

    /** Suspends until {@code stage} completes; see {@link #await(Future)}. */
    public static <T> T await(CompletionStage<T> stage) {
        throw awaitOutsideAsync();
    }

    private static IllegalStateException awaitOutsideAsync() {
        return new IllegalStateException(
                "Futures.await(...) was executed directly. It only works inside the body of an @Async method "
                        + "compiled by ratchet-processor: annotate the enclosing method with @dev.ratchet.Async and put "
                        + "dev.ratchet:ratchet-processor on the annotationProcessorPaths of maven-compiler-plugin; "
                        + "from synchronous code, run the future with Executor.blockOn(future) instead.");
    }

    /** A future that is ready with {@code value} on its first poll. */
    public static <T> Future<T> ready(T value) {
        return new ReadyFuture<>(value);
    }

    /** A future that never completes (until cancelled): useful in tests and in {@code select}. */
    public static <T> Future<T> pending() {
        return new PendingFuture<>();
    }

    /**
     * A future that is pending once (after waking its task) and ready on the next poll: lets
     * other tasks run, like Tokio's {@code yield_now}.
     */
    public static Future<Void> yieldNow() {
        return new YieldNow();
    }

    /** Completes after {@code duration}, on the executor's timing wheel (no thread per timer). */
    public static Future<Void> sleep(Duration duration) {
        return Sleep.of(duration);
    }

    /**
     * Completes with {@code future}'s result, or fails with {@link
     * java.util.concurrent.TimeoutException} after {@code duration}, cancelling {@code future}
     * and driving its cleanup first.
     */
    public static <T> Future<T> timeout(Duration duration, Future<T> future) {
        return Timeout.of(duration, future);
    }

    /** A ticker whose {@link Interval#tick()} completes once every {@code period}. */
    public static Interval interval(Duration period) {
        return Interval.of(period);
    }

    /** Polls both futures concurrently and completes with both results. */
    public static <A, B> Future<Join2<A, B>> join(Future<A> a, Future<B> b) {
        return JoinFutures.join2(a, b);
    }

    /** Polls three futures concurrently and completes with all results. */
    public static <A, B, C> Future<Join3<A, B, C>> join(Future<A> a, Future<B> b, Future<C> c) {
        return JoinFutures.join3(a, b, c);
    }

    /** Polls four futures concurrently and completes with all results. */
    public static <A, B, C, D> Future<Join4<A, B, C, D>> join(
            Future<A> a, Future<B> b, Future<C> c, Future<D> d) {
        return JoinFutures.join4(a, b, c, d);
    }

    /**
     * Polls all futures concurrently; completes with their results in input order. The first
     * failure cancels the others (driving their cleanup) and is rethrown.
     */
    public static <T> Future<List<T>> joinAll(List<? extends Future<? extends T>> futures) {
        return new JoinAll<>(futures);
    }

    /**
     * Polls both futures; the first to complete wins, the other is cancelled (its cleanup runs
     * before the select completes).
     */
    public static <A, B> Future<Either<A, B>> select(Future<A> a, Future<B> b) {
        return SelectFutures.select2(a, b);
    }

    /** Polls all futures; the first to complete wins and the others are cancelled. */
    public static <T> Future<Selected<T>> select(List<? extends Future<? extends T>> futures) {
        return SelectFutures.selectAll(futures);
    }

    /**
     * Spawns {@code future} as a new task on the executor running the caller.
     *
     * @throws IllegalStateException if the caller is not running on a Ratchet executor
     */
    public static <T> JoinHandle<T> spawn(Future<T> future) {
        Objects.requireNonNull(future, "future");
        return CurrentRuntime.require("Futures.spawn").spawn(future);
    }

    /**
     * Runs blocking {@code work} on the executor's blocking pool (a bounded, growing pool of
     * threads kept apart from the workers) and completes with its result.
     *
     * @throws IllegalStateException if the caller is not running on a Ratchet executor
     */
    public static <T> JoinHandle<T> spawnBlocking(Callable<T> work) {
        Objects.requireNonNull(work, "work");
        return CurrentRuntime.require("Futures.spawnBlocking").spawnBlocking(work);
    }

    /** A future that completes when {@code stage} does, with its value or its failure. */
    public static <T> Future<T> fromCompletionStage(CompletionStage<T> stage) {
        return new CompletionStageFuture<>(stage);
    }

    /**
     * Spawns {@code future} on the current executor and returns a {@link CompletableFuture} of its
     * result; cancelling the {@code CompletableFuture} aborts the task.
     */
    public static <T> CompletableFuture<T> toCompletableFuture(Future<T> future) {
        return FutureToCompletable.spawn(future);
    }
}
