package dev.ratchet.internal.combinator;

import static org.junit.jupiter.api.Assertions.*;

import dev.ratchet.Either;
import dev.ratchet.Future;
import dev.ratchet.Futures;
import dev.ratchet.Poll;
import dev.ratchet.Selected;
import dev.ratchet.runtime.Executor;
import dev.ratchet.runtime.JoinHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The combinators driven by a real multi-threaded executor, with the runtime's own futures. */
class CombinatorsOnExecutorTest {
    private final Executor executor = Executor.multiThreaded();

    @AfterEach
    void close() {
        executor.close();
    }

    /** Yields {@code times} times, then is ready with {@code value}. */
    private static Future<Integer> yielding(int value, int times) {
        int[] left = {times};
        return cx -> {
            if (left[0]-- > 0) {
                cx.waker().wake();
                return Poll.pending();
            }
            return Poll.ready(value);
        };
    }

    @Test
    void joinAllOfSpawnedTasksGivesEveryResultInOrder() {
        List<JoinHandle<Integer>> handles = new ArrayList<>();
        for (int i = 0; i < 2000; i++) handles.add(executor.spawn(yielding(i, i % 3)));
        List<Integer> results = executor.blockOn(Futures.joinAll(handles));
        assertEquals(2000, results.size());
        for (int i = 0; i < 2000; i++) assertEquals(i, results.get(i));
    }

    @Test
    void selectOfASleepAndAPendingFutureIsWonByTheSleepAndTheOtherIsCancelled() {
        Gate<String> never = new Gate<>("never");
        Either<Void, String> r = executor.blockOn(Futures.select(Futures.sleep(Duration.ofMillis(5)), never));
        assertTrue(r.isFirst());
        assertTrue(never.cleanedUp(), "the loser's cleanup ran before select completed");
    }

    @Test
    void selectAllReportsTheIndexOfTheFirstToFinish() {
        List<Future<Integer>> futures = List.of(
                Futures.pending(), yielding(1, 50), yielding(2, 3), Futures.pending());
        Selected<Integer> s = executor.blockOn(Futures.select(futures));
        assertEquals(new Selected<>(2, 2), s);
    }

    @Test
    void joinFailureOnAWorkerCancelsTheSleepingSibling() {
        Future<Integer> failing = cx -> {
            throw new IllegalStateException("boom");
        };
        Gate<Integer> sibling = new Gate<>("sibling");
        sibling.cleanupPolls = 2;
        JoinHandle<?> h = executor.spawn(Futures.join(failing, sibling));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> executor.blockOn(h));
        assertEquals("boom", e.getMessage());
        assertTrue(sibling.cleanedUp());
    }

    @Test
    void timeoutOverAJoinCancelsTheJoinWhichCancelsItsChildren() {
        Gate<Integer> a = new Gate<>("a");
        Gate<Integer> b = new Gate<>("b");
        assertThrows(TimeoutException.class,
                () -> executor.blockOn(Futures.timeout(Duration.ofMillis(5), Futures.join(a, b))));
        assertTrue(a.cleanedUp() && b.cleanedUp());
    }

    @Test
    void completionStageCompletedByAnotherThreadIsAwaitedOnTheExecutor() {
        CompletableFuture<String> cf = new CompletableFuture<>();
        JoinHandle<String> h = executor.spawn(Futures.fromCompletionStage(cf));
        Thread completer = new Thread(() -> cf.complete("from elsewhere"));
        completer.start();
        assertEquals("from elsewhere", executor.blockOn(h));
    }

    @Test
    void gateCompletedFromAnotherThreadWakesAJoinAllOnTheExecutor() throws Exception {
        Gate<Integer> g = new Gate<>("g");
        JoinHandle<List<Integer>> h = executor.spawn(Futures.joinAll(List.of(g, Futures.ready(2))));
        Thread completer = new Thread(() -> g.complete(1));
        completer.start();
        // A lost wake would leave blockOn parked forever: fail after a bound instead.
        assertEquals(List.of(1, 2), assertTimeoutPreemptively(Duration.ofSeconds(10), () -> executor.blockOn(h)));
        completer.join();
    }
}
