package dev.ratchet.time;

import dev.ratchet.Future;
import java.time.Duration;

/** PLACEHOLDER (foundation skeleton). */
public final class Timeout {
    private Timeout() {}

    public static <T> Future<T> of(Duration duration, Future<T> future) {
        throw new UnsupportedOperationException();
    }
}
