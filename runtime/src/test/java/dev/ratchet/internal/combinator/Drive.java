package dev.ratchet.internal.combinator;

import static org.junit.jupiter.api.Assertions.fail;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;

/** Test helper: polls a future a bounded number of times until it completes. */
final class Drive {
    private Drive() {}

    /** Polls up to {@code maxPolls} times; returns the value, or rethrows what the future threw. */
    static <T> T toEnd(Future<T> f, Context cx, int maxPolls) {
        for (int i = 0; i < maxPolls; i++) {
            Poll<T> p = f.poll(cx);
            if (p.isReady()) return p.value();
        }
        return fail(f + " still pending after " + maxPolls + " polls");
    }
}
