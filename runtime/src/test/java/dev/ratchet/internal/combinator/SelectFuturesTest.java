package dev.ratchet.internal.combinator;

import static org.junit.jupiter.api.Assertions.*;

import dev.ratchet.Context;
import dev.ratchet.Either;
import dev.ratchet.Future;
import dev.ratchet.Futures;
import dev.ratchet.Poll;
import dev.ratchet.Selected;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class SelectFuturesTest {
    private final RecordingWaker waker = new RecordingWaker();
    private final Context cx = Context.of(waker);

    @Test
    void secondWinsAndTheLoserIsCleanedUpBeforeTheSelectReturns() {
        Gate<Integer> loser = new Gate<>("loser");
        loser.cleanupPolls = 2;
        Gate<String> winner = new Gate<>("winner");
        Future<Either<Integer, String>> select = SelectFutures.select2(loser, winner);
        assertTrue(select.poll(cx).isPending());

        winner.complete("w");
        assertTrue(select.poll(cx).isPending(), "loser's cleanup runs first");
        assertTrue(loser.cancelled());
        assertTrue(select.poll(cx).isPending());
        assertFalse(loser.cleanedUp());
        Poll<Either<Integer, String>> p = select.poll(cx);
        assertEquals(Poll.ready(new Either.Second<Integer, String>("w")), p);
        assertFalse(p.value().isFirst());
        assertTrue(loser.cleanedUp());
        assertFalse(winner.cancelled(), "the winner completed: it is not cancelled");
    }

    @Test
    void whenBothAreReadyInOnePollTheFirstWins() {
        Gate<String> second = Gate.ready("second", "b");
        Poll<Either<String, String>> p = SelectFutures.select2(Futures.ready("a"), second).poll(cx);
        assertEquals(Poll.ready(new Either.First<String, String>("a")), p);
        assertTrue(second.cancelled(), "the other ready child still loses");
    }

    @Test
    void selectAllSaysWhichWonAndCancelsEveryLoser() {
        List<Gate<Integer>> gates = new ArrayList<>();
        for (int i = 0; i < 5; i++) gates.add(new Gate<>("g" + i));
        Future<Selected<Integer>> select = SelectFutures.selectAll(gates);
        assertTrue(select.poll(cx).isPending());
        gates.get(3).complete(33);
        assertEquals(Poll.ready(new Selected<>(3, 33)), select.poll(cx));
        for (int i = 0; i < 5; i++) {
            Gate<Integer> g = gates.get(i);
            assertEquals(i != 3, g.cancelled(), g + " cancelled");
            assertEquals(i != 3, g.cleanedUp(), g + " cleaned up");
        }
    }

    @Test
    void aChildThatFailsFirstCancelsTheOthersAndItsExceptionIsRethrown() {
        Gate<Integer> other = new Gate<>("other");
        other.cleanupPolls = 1;
        Gate<Integer> failing = new Gate<>("failing");
        Future<Either<Integer, Integer>> select = SelectFutures.select2(other, failing);
        assertTrue(select.poll(cx).isPending());
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        failing.fail(boom);
        assertTrue(select.poll(cx).isPending());
        assertSame(boom, assertThrows(IllegalArgumentException.class, () -> select.poll(cx)));
        assertTrue(other.cleanedUp());
    }

    @Test
    void aLosersCleanupFailureFailsTheSelectRatherThanBeingLost() {
        Gate<Integer> loser = new Gate<>("loser");
        IllegalStateException cleanupError = new IllegalStateException("cleanup broke");
        loser.cleanupThrows = cleanupError;
        Future<Either<Integer, String>> select = SelectFutures.select2(loser, Futures.ready("w"));
        assertSame(cleanupError, assertThrows(IllegalStateException.class, () -> select.poll(cx)));
    }

    @Test
    void cancelCancelsAllAndThrowsCancellation() {
        Gate<Integer> a = new Gate<>("a");
        Gate<Integer> b = new Gate<>("b");
        Future<Either<Integer, Integer>> select = SelectFutures.select2(a, b);
        assertTrue(select.poll(cx).isPending());
        select.cancel();
        assertThrows(CancellationException.class, () -> select.poll(cx));
        assertTrue(a.cleanedUp() && b.cleanedUp());
        assertThrows(IllegalStateException.class, () -> select.poll(cx));
    }

    @Test
    void badInputIsRejected() {
        IllegalArgumentException empty =
                assertThrows(IllegalArgumentException.class, () -> SelectFutures.selectAll(List.of()));
        assertTrue(empty.getMessage().contains("at least one future"), empty.getMessage());
        assertEquals("futures[1]", assertThrows(NullPointerException.class,
                () -> SelectFutures.selectAll(Arrays.asList(Futures.ready(1), null))).getMessage());
        assertEquals("futures", assertThrows(NullPointerException.class,
                () -> SelectFutures.selectAll(null)).getMessage());
        assertEquals("a", assertThrows(NullPointerException.class,
                () -> SelectFutures.select2(null, Futures.ready(1))).getMessage());
    }
}
