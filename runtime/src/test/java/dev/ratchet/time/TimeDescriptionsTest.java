package dev.ratchet.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Waker;
import dev.ratchet.debug.TaskDump;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What a task dump prints for sleeps, timeouts and interval ticks. */
class TimeDescriptionsTest {
    private final Context cx = Context.of(Waker.noop());

    /** The number of {@code unit}s left in a description ending in "N unit left". */
    private static long left(String description, String unit) {
        Matcher m = Pattern.compile(".*, (\\d+) " + unit + " left").matcher(description);
        assertTrue(m.matches(), description);
        return Long.parseLong(m.group(1));
    }

    @Test
    void sleepSaysItsDurationAndTheTimeLeft() {
        Sleep sleep = Sleep.of(Duration.ofMillis(500));
        String text = sleep.toString();
        assertTrue(text.startsWith("sleep(500 ms), "), text);
        assertTrue(left(text, "ms") <= 500, text);

        assertEquals("sleep(0 µs), elapsed", Sleep.of(Duration.ZERO).toString());
        assertTrue(Sleep.of(Duration.ofMinutes(2)).toString().matches("sleep\\(120 s\\), 1[01]\\d s left"));
        String until = Sleep.until(System.nanoTime() + Duration.ofMillis(300).toNanos()).toString();
        assertTrue(until.startsWith("sleep until deadline, "), until);
        assertTrue(left(until, "ms") <= 300, until);

        Sleep cancelled = Sleep.of(Duration.ofMillis(50));
        cancelled.cancel();
        assertEquals("sleep(50 ms), cancelled", cancelled.toString());
    }

    @Test
    void timeoutIsTraceableOverItsInnerFutureAndSaysTheTimeLeft() {
        Sleep inner = Sleep.of(Duration.ofMillis(50));
        Timeout<Void> timeout = Timeout.of(Duration.ofSeconds(2), inner);

        assertNull(timeout.suspendedAt());
        assertEquals(List.of(inner), timeout.awaiting());
        String text = timeout.toString();
        assertTrue(text.matches("timeout\\(2\\.000 s\\), [012]\\.\\d{3} s left"), text);

        TaskDump.Frame frame = TaskDump.trace(timeout);
        assertTrue(frame.description().startsWith("timeout(2.000 s), "), frame.description());
        assertEquals(1, frame.awaiting().size());
        assertTrue(frame.awaiting().get(0).description().startsWith("sleep(50 ms), "), frame.awaiting().get(0).description());
    }

    @Test
    void anExpiredTimeoutSaysItIsCleaningUpUntilTheInnerFutureEnds() {
        TimeoutTest.SlowToCancel inner = new TimeoutTest.SlowToCancel(1);
        Timeout<String> timeout = Timeout.of(Duration.ZERO, inner);

        assertTrue(timeout.poll(cx).isPending(), "expired at once; the inner future's cleanup takes a poll");
        assertEquals("timeout(0 µs) expired, cleaning up the inner future", timeout.toString());
        assertEquals(List.of(inner), timeout.awaiting());

        assertThrows(TimeoutException.class, () -> timeout.poll(cx));
        assertEquals("timeout(0 µs) complete", timeout.toString());
        assertTrue(timeout.awaiting().isEmpty());
    }

    @Test
    void aCancelledTimeoutSaysItIsCleaningUp() {
        Timeout<String> timeout = Timeout.of(Duration.ofSeconds(1), new TimeoutTest.SlowToCancel(1));
        timeout.cancel();
        assertEquals("timeout(1.000 s) cancelled, cleaning up the inner future", timeout.toString());
        assertEquals(1, timeout.awaiting().size());
    }

    @Test
    void intervalTickSaysItsPeriodItsNumberAndWhenItIsDue() {
        Interval every = Interval.of(Duration.ofSeconds(5));
        Future<?> first = every.tick();
        assertEquals("interval(5.000 s).tick() #0, elapsed", first.toString(), "the first tick is due at once");
        assertTrue(first.poll(cx).isReady());
        assertEquals("interval(5.000 s).tick() #0, complete", first.toString());

        String second = every.tick().toString();
        assertTrue(second.matches("interval\\(5\\.000 s\\)\\.tick\\(\\) #1, [1-5]\\.\\d{3} s left"), second);
    }
}
