package dev.ratchet.internal.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TickClockTest {
    private final TickClock clock = new TickClock(1_000, 1_000_000);

    @Test
    void deadlinesRoundUpAndNowRoundsDown() {
        assertEquals(0, clock.deadlineTick(1_000));
        assertEquals(1, clock.deadlineTick(1_001));
        assertEquals(1, clock.deadlineTick(1_001_000));
        assertEquals(2, clock.deadlineTick(1_001_001));
        assertEquals(0, clock.nowTick(1_000_999));
        assertEquals(1, clock.nowTick(1_001_000));
        assertEquals(0, clock.deadlineTick(-5_000_000), "deadline before the origin is due at once");
    }

    @Test
    void aTickReachedImpliesTheDeadlineReached() {
        Random rnd = new Random(1);
        for (int i = 0; i < 100_000; i++) {
            long deadline = 1_000 + rnd.nextInt(1_000_000_000);
            long now = 1_000 + rnd.nextInt(1_000_000_000);
            if (clock.nowTick(now) >= clock.deadlineTick(deadline)) {
                assertTrue(now >= deadline, "tick says due at " + now + " for deadline " + deadline);
            }
            assertTrue(clock.tickStartNanos(clock.deadlineTick(deadline)) >= deadline);
        }
    }

    @Test
    void rejectsNonPositiveTick() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TickClock(0, 0));
        assertTrue(e.getMessage().contains("tickNanos"));
    }
}
