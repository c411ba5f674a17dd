package dev.ratchet.internal.combinator;

import static org.junit.jupiter.api.Assertions.*;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Futures;
import dev.ratchet.Join2;
import dev.ratchet.Join3;
import dev.ratchet.Join4;
import dev.ratchet.Poll;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class JoinFuturesTest {
    private final RecordingWaker waker = new RecordingWaker();
    private final Context cx = Context.of(waker);

    @Test
    void join2ResultsAreInArgumentOrderWhateverTheCompletionOrder() {
        Gate<Integer> a = new Gate<>("a");
        Gate<String> b = new Gate<>("b");
        Future<Join2<Integer, String>> join = JoinFutures.join2(a, b);

        assertTrue(join.poll(cx).isPending());
        b.complete("bee");
        assertEquals(1, waker.wakes(), "completing b wakes the join's task");
        assertTrue(join.poll(cx).isPending());
        a.complete(7);
        assertEquals(Poll.ready(new Join2<>(7, "bee")), join.poll(cx));
        assertEquals(3, a.polls(), "a pending child is polled on every poll of the join");
        assertEquals(2, b.polls(), "a completed child is not polled again");
    }

    @Test
    void join3AndJoin4OfReadyFuturesCompleteOnFirstPoll() {
        assertEquals(Poll.ready(new Join3<>(1, "two", 3.0)),
                JoinFutures.join3(Futures.ready(1), Futures.ready("two"), Futures.ready(3.0)).poll(cx));
        assertEquals(Poll.ready(new Join4<>(1, 2, null, 4)),
                JoinFutures.join4(Futures.ready(1), Futures.ready(2), Futures.<Integer>ready(null), Futures.ready(4))
                        .poll(cx));
    }

    @Test
    void firstFailureCancelsTheOthersDrivesTheirCleanupThenRethrowsTheSameException() {
        Gate<Integer> failing = new Gate<>("failing");
        Gate<Integer> slowCleanup = new Gate<>("slowCleanup");
        slowCleanup.cleanupPolls = 2;
        Gate<Integer> done = Gate.ready("done", 3);
        Future<Join3<Integer, Integer, Integer>> join = JoinFutures.join3(failing, slowCleanup, done);
        assertTrue(join.poll(cx).isPending());

        IOException boom = new IOException("boom"); // checked: rethrown unchanged
        failing.fail(boom);
        assertTrue(join.poll(cx).isPending(), "cleanup of the cancelled child is still running");
        assertTrue(slowCleanup.cancelled());
        assertFalse(done.cancelled(), "a child that already completed is not cancelled");
        assertFalse(slowCleanup.cleanedUp());
        assertTrue(join.poll(cx).isPending());
        IOException thrown = assertThrows(IOException.class, () -> join.poll(cx));
        assertSame(boom, thrown);
        assertTrue(slowCleanup.cleanedUp(), "the join completes only after the cleanup finished");
        assertEquals(0, thrown.getSuppressed().length, "CancellationException of the cancelled child is expected");
        assertEquals(0, slowCleanup.pollsAfterEnd());
    }

    @Test
    void cleanupFailureOfACancelledChildIsSuppressedIntoTheFailure() {
        Gate<Integer> failing = new Gate<>("failing");
        Gate<Integer> badCleanup = new Gate<>("badCleanup");
        IllegalStateException cleanupError = new IllegalStateException("cleanup broke");
        badCleanup.cleanupThrows = cleanupError;
        Future<Join2<Integer, Integer>> join = JoinFutures.join2(failing, badCleanup);
        assertTrue(join.poll(cx).isPending());
        RuntimeException boom = new RuntimeException("boom");
        failing.fail(boom);

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> join.poll(cx));
        assertSame(boom, thrown);
        assertArrayEquals(new Throwable[] {cleanupError}, thrown.getSuppressed());
    }

    @Test
    void aChildWhoseCancelThrowsIsStillDrivenAndItsExceptionIsNotLost() {
        IllegalStateException cancelError = new IllegalStateException("cancel broke");
        int[] pollsAfterCancel = {0};
        Future<Integer> brokenCancel = new Future<>() {
            boolean cancelled;

            @Override
            public Poll<Integer> poll(Context c) {
                if (!cancelled) return Poll.pending();
                pollsAfterCancel[0]++;
                throw new CancellationException();
            }

            @Override
            public void cancel() {
                cancelled = true;
                throw cancelError;
            }
        };
        Gate<Integer> failing = new Gate<>("failing");
        Future<Join2<Integer, Integer>> join = JoinFutures.join2(failing, brokenCancel);
        assertTrue(join.poll(cx).isPending());
        RuntimeException boom = new RuntimeException("boom");
        failing.fail(boom);
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> join.poll(cx));
        assertSame(boom, thrown);
        assertArrayEquals(new Throwable[] {cancelError}, thrown.getSuppressed());
        assertEquals(1, pollsAfterCancel[0], "the child was still driven to its end");
    }

    @Test
    void cancelCancelsAllChildrenDrivesThemAndThrowsCancellation() {
        Gate<Integer> a = new Gate<>("a");
        Gate<Integer> b = new Gate<>("b");
        b.cleanupPolls = 1;
        Future<Join2<Integer, Integer>> join = JoinFutures.join2(a, b);
        assertTrue(join.poll(cx).isPending());

        join.cancel();
        assertTrue(join.poll(cx).isPending(), "b's cleanup needs one more poll");
        assertTrue(a.cancelled() && a.cleanedUp());
        assertTrue(b.cancelled() && !b.cleanedUp());
        assertThrows(CancellationException.class, () -> join.poll(cx));
        assertTrue(b.cleanedUp());
    }

    @Test
    void cancelledJoinThrowsWhatAChildsCleanupThrew() {
        Gate<Integer> a = new Gate<>("a");
        IllegalStateException cleanupError = new IllegalStateException("cleanup broke");
        a.cleanupThrows = cleanupError;
        Future<Join2<Integer, Integer>> join = JoinFutures.join2(a, new Gate<>("b"));
        join.cancel();
        assertSame(cleanupError, assertThrows(IllegalStateException.class, () -> join.poll(cx)));
    }

    @Test
    void cancelBeforeTheFirstPollRunsNoChildBeforeCancellingIt() {
        Gate<Integer> a = new Gate<>("a");
        Gate<Integer> b = new Gate<>("b");
        Future<Join2<Integer, Integer>> join = JoinFutures.join2(a, b);
        join.cancel();
        assertEquals(0, a.polls() + b.polls(), "cancel() itself polls nothing");
        assertThrows(CancellationException.class, () -> join.poll(cx));
        assertEquals(1, a.polls(), "a was polled once, already cancelled: its cleanup, not its work");
        assertEquals(1, b.polls());
        assertTrue(a.cleanedUp() && b.cleanedUp());
    }

    @Test
    void cancelOnceTheOutcomeIsDecidedDoesNotChangeIt() {
        Gate<Integer> failing = new Gate<>("failing");
        Gate<Integer> slow = new Gate<>("slow");
        slow.cleanupPolls = 1;
        Future<Join2<Integer, Integer>> join = JoinFutures.join2(failing, slow);
        RuntimeException boom = new RuntimeException("boom");
        failing.fail(boom);
        assertTrue(join.poll(cx).isPending());
        join.cancel();
        assertSame(boom, assertThrows(RuntimeException.class, () -> join.poll(cx)));
    }

    @Test
    void pollAfterCompletionIsAnError() {
        Future<Join2<Integer, Integer>> join = JoinFutures.join2(Futures.ready(1), Futures.ready(2));
        assertTrue(join.poll(cx).isReady());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> join.poll(cx));
        assertTrue(e.getMessage().contains("polled after completion"), e.getMessage());
    }

    @Test
    void nullArgumentsAreNamed() {
        Future<Integer> f = Futures.ready(1);
        assertEquals("b", assertThrows(NullPointerException.class, () -> JoinFutures.join2(f, null)).getMessage());
        assertEquals("c", assertThrows(NullPointerException.class, () -> JoinFutures.join3(f, f, null)).getMessage());
        assertEquals("a",
                assertThrows(NullPointerException.class, () -> JoinFutures.join4(null, f, f, f)).getMessage());
    }
}
