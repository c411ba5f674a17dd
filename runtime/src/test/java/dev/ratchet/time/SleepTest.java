package dev.ratchet.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Poll;
import dev.ratchet.internal.waker.TestWaker;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class SleepTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void completesAfterTheDurationNeverBefore() throws Exception {
        for (int i = 0; i < 20; i++) {
            long t0 = System.nanoTime();
            Sleep s = Sleep.of(Duration.ofMillis(15));
            TestWaker w = new TestWaker();
            assertTrue(s.poll(w.cx()).isPending());
            w.blockOn(s);
            assertTrue(System.nanoTime() - t0 >= 15_000_000L, "completed early");
            assertTrue(w.wakes() >= 1);
        }
    }

    @Test
    void usesTheCurrentRuntimesTimerAndNothingBeforeFirstPoll() throws Exception {
        try (TimerRuntime rt = new TimerRuntime("sleep-rt")) {
            Sleep s = Sleep.of(Duration.ofMillis(30));
            assertEquals(0, rt.driver.pendingTimers(), "lazy: nothing scheduled before the first poll");
            TestWaker w = new TestWaker();
            assertTrue(s.poll(w.cx()).isPending());
            assertEquals(1, rt.driver.pendingTimers());
            assertTrue(s.poll(w.cx()).isPending());
            assertEquals(1, rt.driver.pendingTimers(), "re-poll does not register twice");
            w.blockOn(s);
            assertEquals(0, rt.driver.pendingTimers());
        }
    }

    @Test
    void deadlineIsFixedAtCreation() throws Exception {
        Sleep s = Sleep.of(Duration.ofMillis(10));
        Thread.sleep(15); // the passing of time is what is tested here
        assertTrue(s.poll(new TestWaker().cx()).isReady(), "time before the first poll counts");
    }

    @Test
    void zeroIsReadyAtFirstPoll() {
        assertEquals(Poll.ready(null), Sleep.of(Duration.ZERO).poll(new TestWaker().cx()));
    }

    @Test
    void badInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sleep.of(Duration.ofMillis(-1)));
        assertTrue(e.getMessage().contains(">= 0"), e.getMessage());
        NullPointerException n = assertThrows(NullPointerException.class, () -> Sleep.of(null));
        assertEquals("duration", n.getMessage());
    }

    @Test
    void hugeDurationIsCappedNotOverflowed() {
        Sleep s = Sleep.of(Duration.ofDays(1_000_000));
        assertTrue(s.deadlineNanos() - System.nanoTime() > Duration.ofDays(36_000).toNanos());
        assertTrue(s.poll(new TestWaker().cx()).isPending());
        s.cancel();
    }

    @Test
    void rePollWithANewWakerWakesOnlyTheNewOne() throws Exception {
        Sleep s = Sleep.of(Duration.ofMillis(20));
        TestWaker first = new TestWaker();
        TestWaker second = new TestWaker();
        assertTrue(s.poll(first.cx()).isPending());
        assertTrue(s.poll(second.cx()).isPending());
        assertTrue(second.awaitWake(WAIT));
        assertTrue(s.poll(second.cx()).isReady());
        assertEquals(0, first.wakes());
    }

    @Test
    void cancelDeregistersAndNextPollThrows() {
        try (TimerRuntime rt = new TimerRuntime("sleep-cancel")) {
            Sleep s = Sleep.of(Duration.ofMillis(50));
            assertTrue(s.poll(new TestWaker().cx()).isPending());
            assertEquals(1, rt.driver.pendingTimers());
            s.cancel();
            assertEquals(0, rt.driver.pendingTimers());
            assertThrows(CancellationException.class, () -> s.poll(new TestWaker().cx()));
            assertThrows(IllegalStateException.class, () -> s.poll(new TestWaker().cx()));
        }
    }

    @Test
    void cancelBeforeFirstPollRegistersNothing() {
        try (TimerRuntime rt = new TimerRuntime("sleep-cancel-early")) {
            Sleep s = Sleep.of(Duration.ZERO);
            s.cancel();
            assertThrows(CancellationException.class, () -> s.poll(new TestWaker().cx()));
            assertEquals(0, rt.driver.pendingTimers());
        }
    }

    @Test
    void cancelAfterCompletionDoesNothing() {
        Sleep s = Sleep.of(Duration.ZERO);
        assertTrue(s.poll(new TestWaker().cx()).isReady());
        s.cancel();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.poll(new TestWaker().cx()));
        assertTrue(e.getMessage().contains("after it completed"));
    }

    @Test
    void spentBudgetYieldsThenCompletesSpendingOneUnit() {
        TestWaker w = new TestWaker();
        Context cx = Context.withBudget(w, 1);
        assertTrue(cx.consumeBudget());
        Sleep s = Sleep.of(Duration.ZERO);
        assertTrue(s.poll(cx).isPending(), "budget spent: yield");
        assertEquals(1, w.wakes(), "yielding wakes the task");
        cx.refillBudget(3);
        assertTrue(s.poll(cx).isReady());
        assertEquals(2, cx.budgetRemaining(), "a ready sleep spends one unit");
    }

    @Test
    void driverShutdownWakesTheSleeperWhichThenFailsClearly() throws Exception {
        TimerRuntime rt = new TimerRuntime("sleep-shutdown");
        Sleep s;
        TestWaker w = new TestWaker();
        try {
            s = Sleep.of(Duration.ofHours(1));
            assertTrue(s.poll(w.cx()).isPending());
        } finally {
            rt.close();
        }
        assertTrue(w.awaitWake(WAIT), "shutdown wakes pending timers");
        // Poll inside the (closed) runtime again, as its executor would.
        var prev = dev.ratchet.internal.CurrentRuntime.enter(rt);
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.poll(w.cx()));
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
        } finally {
            dev.ratchet.internal.CurrentRuntime.exit(prev);
        }
        assertFalse(rt.driver.thread().isAlive());
    }
}
