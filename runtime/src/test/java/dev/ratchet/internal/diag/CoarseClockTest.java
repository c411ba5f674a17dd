package dev.ratchet.internal.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CoarseClockTest {
    @Test
    void ticksAreMillisecondsSinceStartFromOneAndNeverNever() {
        CoarseClock clock = new CoarseClock();
        assertEquals(1, clock.now(), "a new clock reads tick 1");
        long origin = System.nanoTime();
        int t = clock.tickAt(origin + 5_000_000_000L);
        assertTrue(t >= 5_000 && t <= 5_002, "5 s after start: " + t);
        // Past the period the tick wraps to 1 and stays positive, never NEVER.
        long period = (long) CoarseClock.PERIOD * 1_000_000;
        int wrapped = clock.tickAt(origin + period + 3_000_000);
        assertTrue(wrapped >= 1 && wrapped <= 5, "wrapped tick " + wrapped);
        assertTrue(clock.tickAt(origin + period - 1_000_000) < CoarseClock.NEVER);
        assertEquals(1, clock.tickAt(origin - 10_000_000), "a reading before the start is tick 1");
    }

    @Test
    void refreshMovesTheClockForward() throws InterruptedException {
        CoarseClock clock = new CoarseClock();
        Thread.sleep(30); // elapsed time is what is measured
        clock.refresh();
        assertTrue(clock.now() >= 31, "tick after 30 ms: " + clock.now());
    }

    @Test
    void millisBetweenHandlesWrapAndSmallStepsBack() {
        assertEquals(250, CoarseClock.millisBetween(1_000, 1_250));
        assertEquals(0, CoarseClock.millisBetween(1_000, 1_000));
        assertEquals(0, CoarseClock.millisBetween(1_003, 1_000), "two refreshes stored out of order");
        // PERIOD - 4 -> PERIOD is 4 ms, PERIOD -> 1 is 1 ms (ticks run 1..PERIOD), 1 -> 10 is 9 ms.
        assertEquals(14, CoarseClock.millisBetween(CoarseClock.PERIOD - 4, 10), "across the wrap");
    }
}
