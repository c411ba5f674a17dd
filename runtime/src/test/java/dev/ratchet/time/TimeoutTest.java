package dev.ratchet.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.internal.waker.TestWaker;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class TimeoutTest {
    /** Pending until cancelled; then needs {@code cleanupPolls} more polls of "cleanup" before it throws. */
    static final class SlowToCancel implements Future<String> {
        final int cleanupPolls;
        volatile boolean cancelled;
        int polls;
        int cleanupDone;
        RuntimeException cleanupFailure;

        SlowToCancel(int cleanupPolls) {
            this.cleanupPolls = cleanupPolls;
        }

        @Override
        public Poll<String> poll(Context cx) {
            polls++;
            if (!cancelled) return Poll.pending();
            if (cleanupDone < cleanupPolls) {
                cleanupDone++;
                cx.waker().wake(); // cleanup "awaits" something that is ready at once
                return Poll.pending();
            }
            if (cleanupFailure != null) throw cleanupFailure;
            throw new CancellationException("inner cancelled");
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Test
    void innerValueWinsAndTheTimerIsDeregistered() throws Exception {
        try (TimerRuntime rt = new TimerRuntime("timeout-value")) {
            int[] polls = {0};
            Future<String> inner = cx -> ++polls[0] < 3 ? wakeAndPend(cx) : Poll.ready("done");
            TestWaker w = new TestWaker();
            Timeout<String> t = Timeout.of(Duration.ofSeconds(10), inner);
            assertTrue(t.poll(w.cx()).isPending());
            assertEquals(1, rt.driver.pendingTimers());
            assertEquals("done", w.blockOn(t));
            assertEquals(0, rt.driver.pendingTimers(), "timer deregistered when the inner future completes");
        }
    }

    @Test
    void innerExceptionPassesThroughAndTheTimerIsDeregistered() {
        try (TimerRuntime rt = new TimerRuntime("timeout-exception")) {
            boolean[] first = {true};
            Future<String> inner = cx -> {
                if (first[0]) {
                    first[0] = false;
                    return Poll.pending();
                }
                throw sneaky(new IOException("disk"));
            };
            Timeout<String> t = Timeout.of(Duration.ofSeconds(10), inner);
            TestWaker w = new TestWaker();
            assertTrue(t.poll(w.cx()).isPending());
            Exception e = assertThrows(IOException.class, () -> t.poll(w.cx()));
            assertEquals("disk", e.getMessage());
            assertEquals(0, rt.driver.pendingTimers());
        }
    }

    @Test
    void expiryCancelsTheInnerDrivesItsCleanupThenThrowsTimeoutException() throws Exception {
        SlowToCancel inner = new SlowToCancel(3);
        Timeout<String> t = Timeout.of(Duration.ofMillis(10), inner);
        TestWaker w = new TestWaker();
        long t0 = System.nanoTime();
        TimeoutException e = assertThrows(TimeoutException.class, () -> w.blockOn(t));
        assertTrue(System.nanoTime() - t0 >= 10_000_000L, "not before the deadline");
        assertTrue(e.getMessage().contains("PT0.01S"), e.getMessage());
        assertTrue(inner.cancelled);
        assertEquals(3, inner.cleanupDone, "the inner future's cleanup ran to its end");
        assertEquals(0, e.getSuppressed().length);
    }

    @Test
    void cleanupFailureIsSuppressedIntoTheTimeout() {
        SlowToCancel inner = new SlowToCancel(0);
        inner.cleanupFailure = new IllegalStateException("cleanup broke");
        Timeout<String> t = Timeout.of(Duration.ZERO, inner);
        TimeoutException e = assertThrows(TimeoutException.class, () -> t.poll(new TestWaker().cx()));
        assertSame(inner.cleanupFailure, e.getSuppressed()[0]);
    }

    @Test
    void readyInnerBeatsAnAlreadyExpiredTimer() {
        Timeout<String> t = Timeout.of(Duration.ZERO, cx -> Poll.ready("first"));
        assertEquals(Poll.ready("first"), t.poll(new TestWaker().cx()));
    }

    @Test
    void firesEvenWhenTheInnerFutureSpendsTheWholeBudget() throws Exception {
        Future<String> greedy = new Future<>() {
            boolean cancelled;

            @Override
            public Poll<String> poll(Context cx) {
                if (cancelled) throw new CancellationException();
                while (!cx.yieldIfSpent()) { } // spends everything, then yields (wakes itself)
                return Poll.pending();
            }

            @Override
            public void cancel() {
                cancelled = true;
            }
        };
        Timeout<String> t = Timeout.of(Duration.ofMillis(5), greedy);
        TestWaker w = new TestWaker();
        Context cx = Context.withBudget(w, 128);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            cx.refillBudget(128); // what an executor does at every poll
            try {
                t.poll(cx);
            } catch (Throwable e) {
                if (e instanceof TimeoutException) return;
                throw e;
            }
        }
        throw new AssertionError("the timeout never fired");
    }

    @Test
    void cancelCancelsTheInnerDrivesItAndCompletesCancelled() throws Exception {
        try (TimerRuntime rt = new TimerRuntime("timeout-cancel")) {
            SlowToCancel inner = new SlowToCancel(2);
            Timeout<String> t = Timeout.of(Duration.ofSeconds(10), inner);
            TestWaker w = new TestWaker();
            assertTrue(t.poll(w.cx()).isPending());
            t.cancel();
            assertEquals(0, rt.driver.pendingTimers());
            assertTrue(inner.cancelled);
            CancellationException e = assertThrows(CancellationException.class, () -> w.blockOn(t));
            assertEquals("inner cancelled", e.getMessage());
            assertEquals(2, inner.cleanupDone);
        }
    }

    @Test
    void aBrokenTimerCancelsAndCleansUpTheInnerBeforeFailing() throws Exception {
        SlowToCancel inner = new SlowToCancel(2);
        TestWaker w = new TestWaker();
        Timeout<String> t;
        TimerRuntime rt = new TimerRuntime("timeout-broken");
        try {
            t = Timeout.of(Duration.ofHours(1), inner);
            assertTrue(t.poll(w.cx()).isPending());
        } finally {
            rt.close(); // the executor's timer shuts down under the pending timeout
        }
        var prev = dev.ratchet.internal.CurrentRuntime.enter(rt);
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.blockOn(t));
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
        } finally {
            dev.ratchet.internal.CurrentRuntime.exit(prev);
        }
        assertTrue(inner.cancelled);
        assertEquals(2, inner.cleanupDone, "the inner future was cleaned up before the failure was reported");
    }

    @Test
    void badInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Timeout.of(Duration.ofSeconds(-1), cx -> Poll.ready(1)));
        assertTrue(e.getMessage().contains(">= 0"));
        assertEquals("future", assertThrows(NullPointerException.class, () -> Timeout.of(Duration.ZERO, null)).getMessage());
        assertEquals("duration", assertThrows(NullPointerException.class, () -> Timeout.of(null, cx -> Poll.ready(1))).getMessage());
    }

    private static <T> Poll<T> wakeAndPend(Context cx) {
        cx.waker().wake();
        return Poll.pending();
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
