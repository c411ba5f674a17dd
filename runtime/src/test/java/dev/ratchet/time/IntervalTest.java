package dev.ratchet.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.internal.waker.TestWaker;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class IntervalTest {
    @Test
    void ticksOnTheGridFirstOneImmediately() throws Exception {
        long t0 = System.nanoTime();
        Interval every = Interval.of(Duration.ofMillis(10));
        TestWaker w = new TestWaker();
        Poll<Instant> first = every.tick().poll(w.cx());
        assertTrue(first.isReady(), "first tick completes at once");
        Instant prev = first.value();
        for (int k = 1; k <= 5; k++) {
            Instant at = w.blockOn(every.tick());
            assertTrue(System.nanoTime() - t0 >= k * 10_000_000L, "tick " + k + " early");
            assertEquals(Duration.ofMillis(10), Duration.between(prev, at), "ticks are one period apart");
            prev = at;
        }
    }

    @Test
    void missedTicksBurstThenTheGridContinues() throws Exception {
        Interval every = Interval.of(Duration.ofMillis(10));
        TestWaker w = new TestWaker();
        assertTrue(every.tick().poll(w.cx()).isReady());
        Thread.sleep(45); // fall behind by four ticks: the passing of time is what is tested
        int burst = 0;
        while (every.tick().poll(w.cx()).isReady()) burst++;
        // Ticks 1..4 were due (45 ms > 40 ms); tick 5 at 50 ms may also be due on a slow machine.
        assertTrue(burst >= 4, "burst of missed ticks: " + burst);
        Future<Instant> nextTick = every.tick();
        Instant at = w.blockOn(nextTick);
        assertTrue(at.isAfter(Instant.MIN));
    }

    @Test
    void cancelledTickConsumesNoTick() throws Exception {
        Interval every = Interval.of(Duration.ofMillis(20));
        TestWaker w = new TestWaker();
        Instant t0 = every.tick().poll(w.cx()).value();
        Future<Instant> t1 = every.tick();
        assertTrue(t1.poll(w.cx()).isPending());
        t1.cancel();
        assertThrows(CancellationException.class, () -> t1.poll(w.cx()));
        Instant again = w.blockOn(every.tick());
        assertEquals(t0.plusMillis(20), again, "the same tick is still the next one");
    }

    @Test
    void badPeriod() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Interval.of(Duration.ZERO)).getMessage().contains("> 0"));
        assertThrows(IllegalArgumentException.class, () -> Interval.of(Duration.ofMillis(-5)));
        assertThrows(IllegalArgumentException.class, () -> Interval.of(Duration.ofDays(1_000_000)));
        assertEquals("period", assertThrows(NullPointerException.class, () -> Interval.of(null)).getMessage());
    }
}
