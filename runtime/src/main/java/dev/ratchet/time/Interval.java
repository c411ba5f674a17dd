package dev.ratchet.time;

import dev.ratchet.Future;
import java.time.Duration;

/** PLACEHOLDER (foundation skeleton). */
public final class Interval {
    private Interval() {}

    public static Interval of(Duration period) {
        throw new UnsupportedOperationException();
    }

    public Future<java.time.Instant> tick() {
        throw new UnsupportedOperationException();
    }
}
