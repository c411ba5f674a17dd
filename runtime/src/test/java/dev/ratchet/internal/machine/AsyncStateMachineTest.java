package dev.ratchet.internal.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Hand-written subclasses exercising the base class of generated state machines. */
class AsyncStateMachineTest {
    private final List<String> log = new ArrayList<>();
    private final AtomicInteger wakes = new AtomicInteger();
    private final Context cx = Context.of(wakes::incrementAndGet);

    /**
     * A child that is pending until {@link #release}; once cancelled it needs {@code cleanupPolls}
     * more polls (its cleanup) and then completes with {@code cleanupFailure} or cancelled.
     */
    final class Child implements Future<String> {
        final String name;
        int cleanupPolls;
        RuntimeException cleanupFailure;
        boolean released;
        boolean cancelled;
        int polls;

        Child(String name) {
            this.name = name;
        }

        @Override
        public Poll<String> poll(Context c) {
            polls++;
            if (cancelled) {
                if (cleanupPolls-- > 0) {
                    log.add(name + " cleaning");
                    c.waker().wake();
                    return Poll.pending();
                }
                log.add(name + " cleaned up");
                if (cleanupFailure != null) throw cleanupFailure;
                throw new CancellationException();
            }
            return released ? Poll.ready(name) : Poll.pending();
        }

        @Override
        public void cancel() {
            log.add(name + " cancelled");
            cancelled = true;
        }
    }

    /**
     * {@code try { log(await(first)); log(await(second)); } catch (CancellationException e) {
     * log("caught"); [await(third)] } return "done";} — hand-lowered like the processor does.
     */
    final class Body extends ResumingMachine<String> {
        final Future<String> first;
        final Future<String> second;
        final Future<String> third;
        int state;
        int resumes;

        Body(Future<String> first, Future<String> second, Future<String> third) {
            this.first = first;
            this.second = second;
            this.third = third;
        }

        @Override
        protected Poll<String> resume(Context c) {
            resumes++;
            for (;;) {
                try {
                    switch (state) {
                        case 0 -> {
                            log.add("start");
                            awaitOn(first);
                            state = 1;
                        }
                        case 1 -> {
                            Poll<?> ready = pollAwaited(c);
                            if (ready.isPending()) return Poll.pending();
                            log.add("got " + ready.value());
                            awaitOn(second);
                            state = 2;
                        }
                        case 2 -> {
                            Poll<?> ready = pollAwaited(c);
                            if (ready.isPending()) return Poll.pending();
                            log.add("got " + ready.value());
                            return Poll.ready("done");
                        }
                        case 3 -> {
                            Poll<?> ready = pollAwaited(c);
                            if (ready.isPending()) return Poll.pending();
                            log.add("after catch got " + ready.value());
                            return Poll.ready("swallowed");
                        }
                        default -> throw new AssertionError(state);
                    }
                } catch (CancellationException e) {
                    if (state == 3) throw e;
                    log.add("caught");
                    if (third == null) return Poll.ready("swallowed");
                    awaitOn(third);
                    state = 3;
                }
            }
        }
    }

    private static Child released(Child c) {
        c.released = true;
        return c;
    }

    @Test
    void runsToCompletionAndRejectsAPollAfterIt() {
        Body b = new Body(released(new Child("a")), released(new Child("b")), null);
        assertEquals("done", b.poll(cx).value());
        assertEquals(List.of("start", "got a", "got b"), log);
        b.cancel(); // cancelling a completed future does nothing
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.poll(cx));
        assertTrue(e.getMessage().contains("polled after completion"), e.getMessage());
    }

    @Test
    void cancelBeforeTheFirstPollRunsNothing() {
        Child a = new Child("a");
        Body b = new Body(a, new Child("b"), null);
        b.cancel();
        assertThrows(CancellationException.class, () -> b.poll(cx));
        assertEquals(List.of(), log);
        assertEquals(0, b.resumes);
        assertEquals(0, a.polls);
        assertThrows(IllegalStateException.class, () -> b.poll(cx));
    }

    @Test
    void cancelWhileAwaitingDrivesTheChildsCleanupThenThrowsAtTheAwait() {
        Child a = new Child("a");
        a.cleanupPolls = 2;
        Body b = new Body(a, new Child("b"), null);
        assertTrue(b.poll(cx).isPending());
        b.cancel();
        // Two polls of cleanup: the child wakes the task each time; the machine stays pending.
        assertTrue(b.poll(cx).isPending());
        assertTrue(b.poll(cx).isPending());
        assertEquals(2, wakes.get());
        // The catch swallows it, yet the future completes cancelled.
        assertThrows(CancellationException.class, () -> b.poll(cx));
        assertEquals(List.of("start", "a cancelled", "a cleaning", "a cleaning", "a cleaned up", "caught"), log);
        assertEquals(4, a.polls, "one poll before the cancel, three to drive the cleanup");
    }

    @Test
    void aCaughtCancellationIsThrownAgainAtTheNextAwaitWithoutPollingIt() {
        Child a = new Child("a");
        Child third = released(new Child("third"));
        Body b = new Body(a, new Child("b"), third);
        assertTrue(b.poll(cx).isPending());
        b.cancel();
        CancellationException e = assertThrows(CancellationException.class, () -> b.poll(cx));
        assertEquals(0, e.getSuppressed().length);
        assertEquals(List.of("start", "a cancelled", "a cleaned up", "caught"), log);
        assertEquals(0, third.polls, "the await after the caught cancellation never polls its future");
    }

    @Test
    void aCaughtCancellationWithACleanupFailureIsReplacedByAFreshOneAtTheNextAwait() {
        Child a = new Child("a");
        a.cleanupFailure = new IllegalStateException("close failed");
        Body b = new Body(a, new Child("b"), released(new Child("third")));
        assertTrue(b.poll(cx).isPending());
        b.cancel();
        CancellationException e = assertThrows(CancellationException.class, () -> b.poll(cx));
        assertEquals(0, e.getSuppressed().length, "the machine's own exception is the one thrown at the later await");
        assertEquals(List.of("start", "a cancelled", "a cleaned up", "caught"), log);
    }

    @Test
    void theCancellationThrownAtTheAwaitCarriesTheChildsCleanupFailure() {
        Child a = new Child("a");
        IllegalStateException failure = new IllegalStateException("close failed");
        a.cleanupFailure = failure;
        List<Throwable> seen = new ArrayList<>();
        AsyncStateMachine<String> m = new ResumingMachine<>() {
            boolean awaiting;

            @Override
            protected Poll<String> resume(Context c) {
                if (!awaiting) {
                    awaitOn(a);
                    awaiting = true;
                }
                try {
                    Poll<?> ready = pollAwaited(c);
                    return ready.isPending() ? Poll.pending() : Poll.ready("x");
                } catch (CancellationException e) {
                    seen.add(e);
                    throw e;
                }
            }
        };
        assertTrue(m.poll(cx).isPending());
        m.cancel();
        CancellationException e = assertThrows(CancellationException.class, () -> m.poll(cx));
        assertSame(seen.get(0), e);
        assertEquals(List.of(failure), List.of(e.getSuppressed()));
    }

    @Test
    void aMachineCancelledWhileAwaitingAnUnpolledFutureDoesNotCancelIt() {
        Child a = new Child("a");
        AsyncStateMachine<String> m = new ResumingMachine<>() {
            boolean started;

            @Override
            protected Poll<String> resume(Context c) {
                if (!started) {
                    started = true;
                    awaitOn(a);
                    return Poll.pending(); // suspends before the resuming state polls it
                }
                Poll<?> ready = pollAwaited(c);
                return ready.isPending() ? Poll.pending() : Poll.ready("x");
            }
        };
        assertTrue(m.poll(cx).isPending());
        m.cancel();
        assertThrows(CancellationException.class, () -> m.poll(cx));
        assertEquals(0, a.polls);
        assertFalse(a.cancelled, "nothing ran, so there is no cleanup to drive");
    }

    @Test
    void eachAwaitSpendsOneUnitOfBudgetAndYieldsWhenItIsSpent() {
        int awaits = 10;
        AsyncStateMachine<Integer> loop = new ResumingMachine<>() {
            int i;
            boolean awaiting;

            @Override
            protected Poll<Integer> resume(Context c) {
                for (;;) {
                    if (!awaiting) {
                        if (i == awaits) return Poll.ready(i);
                        awaitOn(released(new Child("c" + i)));
                        awaiting = true;
                    }
                    Poll<?> ready = pollAwaited(c);
                    if (ready.isPending()) return Poll.pending();
                    awaiting = false;
                    i++;
                }
            }
        };
        Context budgeted = Context.withBudget(wakes::incrementAndGet, 3);
        int polls = 0;
        Poll<Integer> p;
        do {
            budgeted.refillBudget(3);
            p = loop.poll(budgeted);
            polls++;
        } while (p.isPending());
        assertEquals(awaits, p.value());
        assertEquals(4, polls, "3 awaits per poll: 10 awaits take 4 polls");
        assertEquals(3, wakes.get(), "each forced yield wakes the task");
    }

    /** A machine awaiting a machine ... {@code depth} deep, whose leaf yields {@code leafYields} times. */
    private AsyncStateMachine<Integer> chain(int depth, int leafYields) {
        Future<Integer> leaf = new Future<>() {
            int polls;

            @Override
            public Poll<Integer> poll(Context c) {
                if (polls++ < leafYields) {
                    c.waker().wake();
                    return Poll.pending();
                }
                return Poll.ready(0);
            }
        };
        Future<Integer> child = leaf;
        AsyncStateMachine<Integer> m = null;
        for (int i = 0; i < depth; i++) {
            Future<Integer> inner = child;
            m = new ResumingMachine<>() {
                boolean awaiting;

                @Override
                protected Poll<Integer> resume(Context c) {
                    if (!awaiting) {
                        awaitOn(inner);
                        awaiting = true;
                    }
                    Poll<?> ready = pollAwaited(c);
                    return ready.isPending() ? Poll.pending() : Poll.ready((Integer) ready.value() + 1);
                }
            };
            child = m;
        }
        return m;
    }

    @Test
    void aChainDeeperThanTheBudgetStillReachesItsLeaf() {
        AsyncStateMachine<Integer> root = chain(50, 3);
        Context budgeted = Context.withBudget(wakes::incrementAndGet, 4);
        int polls = 0;
        Poll<Integer> p;
        do {
            budgeted.refillBudget(4);
            p = root.poll(budgeted);
            assertTrue(++polls < 100, "no progress: a re-poll of a pending child must not spend budget");
        } while (p.isPending());
        assertEquals(50, p.value());
        // 50 awaits start at 4 per poll (13 polls), then the leaf yields 3 times.
        assertEquals(13 + 3, polls);
    }

    @Test
    void checkedExceptionsOfTheBodyAreRethrownUnchanged() {
        IOException failure = new IOException("disk");
        AsyncStateMachine<String> m = new ResumingMachine<>() {
            @Override
            protected Poll<String> resume(Context c) throws IOException {
                throw failure;
            }
        };
        Throwable thrown = assertThrows(Throwable.class, () -> m.poll(cx));
        assertSame(failure, thrown);
        assertThrows(IllegalStateException.class, () -> m.poll(cx), "a failed machine is completed");
    }

    @Test
    void aCancelFromAnotherThreadIsSeenByTheNextPoll() throws InterruptedException {
        for (int round = 0; round < 200; round++) {
            Child a = new Child("a");
            Body b = new Body(a, new Child("b"), null);
            assertTrue(b.poll(cx).isPending());
            Thread t = new Thread(b::cancel);
            t.start();
            t.join(); // join: happens-before the next poll
            assertThrows(CancellationException.class, () -> b.poll(cx));
            assertTrue(a.cancelled);
        }
    }

    /**
     * Completing allocates no {@code Poll}: the ready result is the machine itself, ready only
     * once it has completed, equal as a {@code Poll} to {@code Poll.ready(value)}, while the
     * machine keeps a future's identity equality.
     */
    @Test
    void theReadyResultIsTheMachineItself() {
        Child a = new Child("a");
        Body b = new Body(a, new Child("b"), null);
        int hash = b.hashCode();
        assertTrue(b.poll(cx).isPending());
        assertTrue(b.isPending(), "not ready as a Poll before it completes");
        assertThrows(IllegalStateException.class, b::value);
        a.released = true;
        ((Child) b.second).released = true;
        Poll<String> ready = b.poll(cx);
        assertSame(b, ready);
        assertEquals("done", ready.value());
        assertEquals(Poll.ready("done"), ready, "a ready Poll with the same value");
        assertEquals(hash, b.hashCode(), "identity hash, unchanged by completion");
        Body other = new Body(new Child("x"), new Child("y"), null);
        ((Child) other.first).released = true;
        ((Child) other.second).released = true;
        assertEquals("done", other.poll(cx).value());
        assertNotEquals(other, b, "two machines are two futures, whatever their values");
    }

    @Test
    void awaitingNullIsAnError() {
        AsyncStateMachine<String> m = new ResumingMachine<>() {
            @Override
            protected Poll<String> resume(Context c) {
                awaitOn(null);
                return Poll.pending();
            }
        };
        NullPointerException e = assertThrows(NullPointerException.class, () -> m.poll(cx));
        assertTrue(e.getMessage().contains("awaited future"), e.getMessage());
    }
}
