package dev.ratchet.net;

import static org.junit.jupiter.api.Assertions.fail;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.Waker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Test-only stand-in for an executor's {@code blockOn}: polls a future on the calling thread with
 * a waker that unparks it, and fails the test if the future is still pending after a timeout.
 */
public final class TestDriver {
    /** Generous: a healthy test finishes in milliseconds; only a hang reaches this. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private TestDriver() {}

    public static <T> T blockOnForTest(Future<T> future) {
        return blockOnForTest(future, TIMEOUT);
    }

    /** Polls {@code future} until ready; its exception propagates; fails after {@code timeout}. */
    public static <T> T blockOnForTest(Future<T> future, Duration timeout) {
        Thread me = Thread.currentThread();
        AtomicBoolean woken = new AtomicBoolean();
        Waker waker = () -> {
            woken.set(true);
            LockSupport.unpark(me);
        };
        Context cx = Context.of(waker);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            woken.set(false); // before the poll: a wake during the poll causes one more poll
            Poll<T> p = future.poll(cx);
            if (p.isReady()) return p.value();
            while (!woken.get()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) fail(future + " still pending after " + timeout + ": a lost wakeup or a hang");
                LockSupport.parkNanos(left);
            }
        }
    }
}
