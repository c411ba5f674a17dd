package dev.ratchet.time;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.debug.TaskDump;
import dev.ratchet.debug.Traceable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

/**
 * Runs a future with a time limit: completes with the future's result, or, once the limit
 * passes, cancels the future, drives its cleanup to the end, and fails with {@link
 * TimeoutException}.
 *
 * <pre>{@code
 * @Async
 * String fetchOrGiveUp() throws TimeoutException {
 *     return await(Timeout.of(Duration.ofSeconds(2), HttpAsync.get(url)));
 * }
 * }</pre>
 *
 * <h2>Semantics</h2>
 * Each poll polls the inner future first, then the timer, so a future ready in the same poll as
 * the expiry wins. The deadline is fixed at creation (like {@link Sleep#of}). On expiry the inner
 * future is {@linkplain Future#cancel() cancelled} and polled until it completes (its {@code
 * finally} blocks may await); then the timeout throws {@code TimeoutException} (the message names
 * the duration). A value the inner future still produced after being cancelled is discarded; an
 * exception its cleanup threw (other than the expected {@link CancellationException}) is attached
 * as suppressed. When the inner future completes first (value or exception), the timer is
 * deregistered. The timer is checked even when the inner future has spent the task's budget.
 * If the timer itself fails (its executor's timer driver has shut down), the inner future is
 * cancelled and cleaned up the same way, then that {@link IllegalStateException} is thrown.
 *
 * <h2>Cancellation</h2>
 * {@link #cancel()} cancels the inner future and the timer; the following polls drive the inner
 * future's cleanup, then complete with its {@code CancellationException} (or what its cleanup threw).
 *
 * <h2>Task dumps</h2>
 * A timeout is {@link Traceable}: it awaits the inner future until it completes, and its {@code
 * toString()} gives the limit and the time left ({@code timeout(2.000 s), 1.204 s left}), or that
 * it expired and is cleaning up the inner future.
 *
 * @param <T> the inner future's value type
 */
public final class Timeout<T> implements Future<T>, Traceable {
    private enum Phase { RUNNING, EXPIRED, CANCELLING, DONE }

    private final Duration duration;
    private final Future<T> inner;
    private final Sleep sleep;
    /** Written by poll and by cancel() (the owner, between polls); volatile for a cross-thread cancel. */
    private volatile Phase phase = Phase.RUNNING;
    /** Why the timer could not be polled (its driver closed); reported once the inner future is cleaned up. */
    private RuntimeException timerFailure;

    private Timeout(Duration duration, Future<T> inner) {
        this.duration = duration;
        this.inner = inner;
        this.sleep = Sleep.of(duration);
    }

    /**
     * Limits {@code future} to {@code duration}.
     *
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public static <T> Timeout<T> of(Duration duration, Future<T> future) {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(future, "future");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("timeout duration must be >= 0, got " + duration);
        }
        return new Timeout<>(duration, future);
    }

    @Override
    public Poll<T> poll(Context cx) {
        switch (phase) {
            case DONE -> throw new IllegalStateException("Timeout polled after it completed");
            case RUNNING -> {
                Poll<T> p;
                try {
                    p = inner.poll(cx);
                } catch (Throwable t) {
                    finish();
                    throw t;
                }
                if (p.isReady()) {
                    finish();
                    return p;
                }
                if (phase == Phase.RUNNING) { // cancel() may have run inside inner.poll
                    try {
                        if (sleep.pollIgnoringBudget(cx).isPending()) return Poll.pending();
                        phase = Phase.EXPIRED;
                    } catch (RuntimeException timerBroken) {
                        // The timer cannot run (its driver shut down): don't abandon the inner
                        // future mid-flight; cancel it, drive its cleanup, then report this.
                        timerFailure = timerBroken;
                        phase = Phase.CANCELLING;
                    }
                    inner.cancel();
                }
            }
            default -> { }
        }
        return drainCancelled(cx);
    }

    /** EXPIRED or CANCELLING: poll the cancelled inner future until its cleanup has completed. */
    private Poll<T> drainCancelled(Context cx) {
        Throwable failure;
        try {
            if (inner.poll(cx).isPending()) return Poll.pending();
            failure = null; // completed with a value despite the cancel: discarded (class doc)
        } catch (Throwable t) {
            failure = t;
        }
        boolean expired = phase == Phase.EXPIRED;
        finish();
        if (expired) {
            TimeoutException te = new TimeoutException("future did not complete within " + duration);
            if (failure != null && !(failure instanceof CancellationException)) te.addSuppressed(failure);
            throw sneakyThrow(te);
        }
        if (timerFailure != null) {
            if (failure != null && !(failure instanceof CancellationException)) timerFailure.addSuppressed(failure);
            throw timerFailure;
        }
        throw sneakyThrow(failure != null ? failure : new CancellationException("timeout cancelled"));
    }

    private void finish() {
        phase = Phase.DONE;
        sleep.cancel(); // deregisters the timer entry if it is still in the wheel
    }

    /** Cancels the inner future and the timer; see the class documentation. */
    @Override
    public void cancel() {
        if (phase != Phase.RUNNING) return;
        phase = Phase.CANCELLING;
        sleep.cancel();
        inner.cancel();
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneakyThrow(Throwable t) throws E {
        throw (E) t; // poll() declares nothing: checked exceptions pass through unchanged (SPEC)
    }

    /** No source line: the timeout is runtime code. */
    @Override
    public StackTraceElement suspendedAt() {
        return null;
    }

    /** The inner future, until the timeout completes (racy: {@link #phase} is read once). */
    @Override
    public List<? extends Future<?>> awaiting() {
        return phase == Phase.DONE ? List.of() : List.of(inner);
    }

    /**
     * {@code timeout(2.000 s), 1.204 s left}; {@code timeout(10 ms) expired, cleaning up the
     * inner future}; {@code timeout(10 ms) cancelled, cleaning up the inner future}. The inner
     * future is not in it: a dump shows it as the awaited child.
     */
    @Override
    public String toString() {
        String limit = "timeout(" + TaskDump.format(duration) + ")";
        return switch (phase) {
            case RUNNING -> limit + ", " + Sleep.describeLeft(sleep.deadlineNanos());
            case EXPIRED -> limit + " expired, cleaning up the inner future";
            case CANCELLING -> limit + " cancelled, cleaning up the inner future";
            case DONE -> limit + " complete";
        };
    }
}
