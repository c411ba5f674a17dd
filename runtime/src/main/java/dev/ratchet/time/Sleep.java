package dev.ratchet.time;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import java.time.Duration;

/** PLACEHOLDER (foundation skeleton). */
public final class Sleep implements Future<Void> {
    private Sleep() {}

    public static Sleep of(Duration duration) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Poll<Void> poll(Context cx) {
        throw new UnsupportedOperationException();
    }
}
