package dev.ratchet.processor.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.processor.harness.Driver;
import dev.ratchet.processor.harness.Io;
import dev.ratchet.processor.harness.Program;
import dev.ratchet.processor.harness.Schedule;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Laziness, completion, cancellation, budget and constant memory of generated state machines. */
class StateMachineBehaviourTest {
    private static Program program;

    @BeforeAll
    static void compile() {
        program = Program.compile("Cancellation");
    }

    private static Context context(AtomicInteger wakes) {
        return Context.of(wakes::incrementAndGet);
    }

    @Test
    void creatingTheFutureRunsNothing() {
        Io.reset(Schedule.READY);
        program.future("runsNothingIfCancelledFirst");
        assertEquals(List.of(), Io.logged());
        assertEquals(0, Io.created.get());
    }

    @Test
    void cancelBeforeFirstPollRunsNothingAndCompletesCancelled() {
        Io.reset(Schedule.READY);
        Future<?> f = program.future("runsNothingIfCancelledFirst");
        f.cancel();
        assertThrows(CancellationException.class, () -> f.poll(context(new AtomicInteger())));
        assertEquals(List.of(), Io.logged());
        IllegalStateException again = assertThrows(IllegalStateException.class, () -> f.poll(context(new AtomicInteger())));
        assertTrue(again.getMessage().contains("polled after completion"), again.getMessage());
    }

    @Test
    void pollAfterCompletionThrows() {
        Io.reset(Schedule.READY);
        Future<?> f = program.future("runsNothingIfCancelledFirst");
        Poll<?> p = f.poll(context(new AtomicInteger()));
        assertEquals("x", p.value());
        f.cancel(); // cancelling a completed future does nothing
        assertThrows(IllegalStateException.class, () -> f.poll(context(new AtomicInteger())));
    }

    @Test
    void cancelWhileSuspendedCancelsTheChildDrivesItsCleanupAndRunsFinallyBlocksInOrder() {
        for (Schedule s : new Schedule[] {Schedule.READY, Schedule.PENDING_ONCE, Schedule.OTHER_THREAD}) {
            Io.reset(s);
            Future<?> f = program.future("finallyBlocksRunInOrder");
            AtomicInteger wakes = new AtomicInteger();
            assertTrue(f.poll(context(wakes)).isPending());
            assertEquals(List.of("waiting"), Io.logged());
            f.cancel();
            CancellationException e = assertThrows(CancellationException.class, () -> new Driver().run(f));
            // The await inside the inner finally throws again at once (cancellation cannot be
            // swallowed), so "inner cleanup done" is never logged; both finally blocks run, in order.
            assertEquals(List.of("waiting", "child cancelled", "child cleaned up", "inner finally", "outer finally"),
                    Io.logged(), "under " + s + ": " + e);
            assertEquals(1, Io.cancelled.get());
        }
    }

    @Test
    void cancellationCannotBeSwallowedByACatch() {
        Io.reset(Schedule.READY);
        Future<?> f = program.future("catchCannotSwallow");
        assertTrue(f.poll(context(new AtomicInteger())).isPending());
        f.cancel();
        assertThrows(CancellationException.class, () -> new Driver().run(f));
        assertEquals(List.of("child cancelled", "child cleaned up", "caught cancellation", "later await cancelled too",
                "after try"), Io.logged());
    }

    /** Polls once (pending), cancels, drives to the end: must complete cancelled; returns the exception. */
    private static CancellationException cancelAfterFirstPoll(String method) {
        Future<?> f = program.future(method);
        assertTrue(f.poll(context(new AtomicInteger())).isPending());
        f.cancel();
        return assertThrows(CancellationException.class, () -> new Driver().run(f));
    }

    @Test
    void aFinallyThatReturnsCannotSwallowTheCancellation() {
        Io.reset(Schedule.READY);
        cancelAfterFirstPoll("finallyReturnCannotSwallow");
        assertEquals(List.of("waiting", "child cancelled", "child cleaned up", "finally"), Io.logged());
    }

    @Test
    void aFinallyThatBreaksCannotSwallowTheCancellation() {
        Io.reset(Schedule.READY);
        cancelAfterFirstPoll("finallyBreakCannotSwallow");
        assertEquals(List.of("child cancelled", "child cleaned up", "finally", "after loop"), Io.logged());
    }

    @Test
    void aFinallyThatContinuesCannotSwallowTheCancellationAndLaterAwaitsThrowAtOnce() {
        Io.reset(Schedule.READY);
        cancelAfterFirstPoll("finallyContinueCannotSwallow");
        // Iterations 1 and 2 await futures that are never polled: their await throws at once.
        assertEquals(List.of("iteration 0", "child0 cancelled", "child0 cleaned up", "finally 0", "iteration 1", "finally 1",
                "iteration 2", "finally 2"), Io.logged());
        assertEquals(1, Io.cancelled.get());
    }

    @Test
    void aChildWhoseCleanupFailsCompletesTheParentCancelledWithTheFailureSuppressed() {
        Io.reset(Schedule.READY);
        CancellationException e = cancelAfterFirstPoll("childCleanupFails");
        assertEquals(1, e.getSuppressed().length);
        assertEquals("cleanup failed", e.getSuppressed()[0].getMessage());
        assertEquals(List.of("child cancelled", "cleanup failed", "finally"), Io.logged());
    }

    @Test
    void cancellingAParentDrivesTheCleanupOfItsAsyncChildFirst() {
        for (Schedule s : new Schedule[] {Schedule.READY, Schedule.PENDING_ONCE, Schedule.OTHER_THREAD}) {
            Io.reset(s);
            cancelAfterFirstPoll("parentOfAsyncChild");
            assertEquals(List.of("child waiting", "grandchild cancelled", "grandchild cleaned up", "child finally",
                    "parent finally"), Io.logged(), "under " + s);
        }
    }

    @Test
    void referenceFieldsAreClearedOnceDead() throws ReflectiveOperationException {
        Io.reset(Schedule.READY);
        Future<?> f = program.future("dropsDeadReferences", List.of("a", "b"));
        java.lang.reflect.Field items = f.getClass().getDeclaredField("items");
        java.lang.reflect.Field first = f.getClass().getDeclaredField("first");
        items.setAccessible(true);
        first.setAccessible(true);
        assertEquals(List.of("a", "b"), items.get(f), "held until the first poll");
        assertTrue(f.poll(context(new AtomicInteger())).isPending());
        assertEquals(null, items.get(f), "dead after its last read, cleared at the first await");
        assertEquals(null, first.get(f), "dead after log(first), cleared at the second await");
        assertEquals(List.of("a"), Io.logged());
        f.cancel();
        assertThrows(CancellationException.class, () -> new Driver().run(f));
    }

    @Test
    void aLoopOverAlwaysReadyFuturesYieldsWhenItsBudgetIsSpent() {
        Io.reset(Schedule.READY);
        Future<?> f = program.future("countTo", 100L);
        Driver driver = new Driver();
        assertEquals(4950L, driver.run(f));
        // Budget of Driver.BUDGET units per poll, one per await: 100 awaits need at least 20 polls.
        assertTrue(driver.polls() >= 100 / Driver.BUDGET, "polls: " + driver.polls());
    }

    @Test
    void aMillionAwaitsRunInOneStateMachineWithoutGrowingTheStack() {
        Io.reset(Schedule.READY);
        Future<?> f = program.future("countTo", 1_000_000L);
        // One future object polled throughout: the loop is a state transition, not a chain of futures.
        Context cx = Context.of(() -> {});
        Poll<?> p;
        int polls = 0;
        do {
            p = f.poll(cx);
            polls++;
        } while (p.isPending());
        assertEquals(1_000_000L * 999_999L / 2, p.value());
        assertEquals(1, polls, "an unlimited budget never yields");
        assertFalse(f.getClass().getName().contains("$$Lambda"));
    }
}
