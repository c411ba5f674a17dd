package dev.ratchet.internal.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The wheel on its own, with a manual clock: the test says what tick it is. */
class TimerWheelTest {
    private final TimerWheel wheel = new TimerWheel();
    private final List<WheelEntry> fired = new ArrayList<>();

    private WheelEntry insert(long tick) {
        WheelEntry e = new WheelEntry(tick);
        assertTrue(wheel.insert(e), "insert of tick " + tick);
        return e;
    }

    private List<WheelEntry> advance(long now) {
        fired.clear();
        wheel.advance(now, fired::add);
        return new ArrayList<>(fired);
    }

    @Test
    void entryFiresAtItsTickNeverBefore() {
        WheelEntry e = insert(5);
        assertEquals(List.of(), advance(4));
        assertEquals(List.of(e), advance(5));
        assertFalse(e.isInWheel());
        assertEquals(0, wheel.size());
        assertEquals(List.of(), advance(100));
    }

    @Test
    void insertAtOrBeforeCurrentTickIsRefusedSoTheCallerFiresIt() {
        advance(10);
        assertFalse(wheel.insert(new WheelEntry(10)));
        assertFalse(wheel.insert(new WheelEntry(3)));
        assertEquals(0, wheel.size());
        assertTrue(wheel.insert(new WheelEntry(11)));
    }

    @Test
    void doubleInsertIsRejected() {
        WheelEntry e = insert(7);
        assertThrows(IllegalStateException.class, () -> wheel.insert(e));
    }

    @Test
    void cancelledEntryNeverFires() {
        WheelEntry a = insert(3);
        WheelEntry b = insert(3);
        WheelEntry far = insert(70_000);
        assertTrue(wheel.remove(a));
        assertFalse(wheel.remove(a));
        assertTrue(wheel.remove(far));
        assertEquals(List.of(b), advance(1_000_000));
        assertEquals(-1, wheel.nextExpiration());
    }

    @Test
    void entriesOnEveryLevelCascadeDownAndFireExactlyOnTheirTick() {
        // One deadline per level, plus one beyond the wheel's span (rings on the top level).
        long[] ticks = {63, 64, 4_095, 4_097, 262_143, 262_145, 16_777_217, 1_073_741_825L,
                (1L << 36) + 12_345, (1L << 40) + 7};
        for (long t : ticks) {
            WheelEntry e = insert(t);
            TimerWheel w = wheel;
            assertEquals(t, e.deadlineTick);
            assertTrue(w.nextExpiration() <= ticks[0]);
        }
        for (long t : ticks) {
            assertEquals(List.of(), advance(t - 1), "nothing due before tick " + t);
            List<WheelEntry> got = advance(t);
            assertEquals(1, got.size(), "exactly one entry at tick " + t);
            assertEquals(t, got.get(0).deadlineTick);
        }
        assertEquals(0, wheel.size());
    }

    @Test
    void levelForPicksTheHighestDifferingSixBitGroup() {
        assertEquals(0, TimerWheel.levelFor(0, 63));
        assertEquals(1, TimerWheel.levelFor(0, 64));
        assertEquals(1, TimerWheel.levelFor(0, 4_095));
        assertEquals(2, TimerWheel.levelFor(0, 4_096));
        assertEquals(0, TimerWheel.levelFor(4_096, 4_100));
        assertEquals(5, TimerWheel.levelFor(0, 1L << 35));
        assertEquals(5, TimerWheel.levelFor(0, 1L << 50)); // capped: rings on the top level
    }

    @Test
    void oneAdvanceFiresInDeadlineOrderAndSameTickInInsertionOrder() {
        WheelEntry late = insert(200_000);
        WheelEntry mid = insert(3_000);
        WheelEntry early1 = insert(10);
        WheelEntry early2 = insert(10);
        assertEquals(List.of(early1, early2, mid, late), advance(10_000_000));
    }

    @Test
    void nextExpirationIsAfterNowAndNeverBeyondTheEarliestDeadline() {
        // The driver parks until nextExpiration(): if it lay beyond the earliest deadline, a timer
        // would fire late.
        Random rnd = new Random(42);
        Set<WheelEntry> live = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            long now = wheel.elapsed();
            live.add(insert(now + 1 + (1L << rnd.nextInt(40)) + rnd.nextInt(100)));
            long min = live.stream().mapToLong(e -> e.deadlineTick).min().getAsLong();
            long next = wheel.nextExpiration();
            assertTrue(next > now && next <= min, "next " + next + " must be in (" + now + ", " + min + "]");
            if (rnd.nextInt(4) == 0) live.removeAll(advance(next));
        }
    }

    @Test
    void randomizedAgainstAModel() {
        Random rnd = new Random(7);
        Set<WheelEntry> live = new HashSet<>();
        long now = 0;
        for (int round = 0; round < 20_000; round++) {
            int op = rnd.nextInt(10);
            if (op < 5) {
                // Deadlines spread over every level: 1 tick to ~2^38 ticks ahead.
                long d = now + 1 + (rnd.nextBoolean() ? rnd.nextInt(300) : (long) (rnd.nextDouble() * (1L << rnd.nextInt(39))));
                WheelEntry e = new WheelEntry(d);
                assertTrue(wheel.insert(e));
                live.add(e);
            } else if (op < 7 && !live.isEmpty()) {
                WheelEntry victim = live.iterator().next();
                assertTrue(wheel.remove(victim));
                live.remove(victim);
            } else {
                long step = rnd.nextBoolean() ? rnd.nextInt(70) : (long) (rnd.nextDouble() * (1L << rnd.nextInt(36)));
                long target = now + step;
                List<WheelEntry> got = advance(target);
                List<WheelEntry> expected = new ArrayList<>();
                for (WheelEntry e : live) if (e.deadlineTick <= target) expected.add(e);
                expected.sort(Comparator.comparingLong(e -> e.deadlineTick));
                assertEquals(expected.size(), got.size(), "count fired at advance to " + target);
                for (int i = 0; i < got.size(); i++) {
                    assertEquals(expected.get(i).deadlineTick, got.get(i).deadlineTick, "deadline order");
                    assertTrue(got.get(i).deadlineTick > now, "fired late: due before the previous advance");
                }
                live.removeAll(got);
                now = target;
            }
            assertEquals(live.size(), wheel.size());
        }
        // Everything left fires eventually, none early.
        List<WheelEntry> rest = advance(Long.MAX_VALUE / 4);
        assertEquals(live, new HashSet<>(rest));
    }

    @Test
    void drainUnlinksEverything() {
        insert(5);
        insert(5_000);
        insert(1L << 37);
        List<WheelEntry> drained = new ArrayList<>();
        wheel.drain(drained::add);
        assertEquals(3, drained.size());
        assertEquals(0, wheel.size());
        assertEquals(-1, wheel.nextExpiration());
        drained.forEach(e -> assertFalse(e.isInWheel()));
    }
}
