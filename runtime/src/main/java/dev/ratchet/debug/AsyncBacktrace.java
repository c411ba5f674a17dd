package dev.ratchet.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * How a failure was reached through {@code @Async} code: the chain of {@code @Async} methods it
 * passed through, innermost first, each with the source line of the {@code await} it was
 * suspended at. A normal stack trace of an exception thrown in a task shows only the executor
 * and the innermost state machine; this is the logical call chain.
 *
 * <p>It rides on the failure itself as a {@linkplain Throwable#getSuppressed() suppressed}
 * exception, so the exception is still the same object of the same type (SPEC: failures are
 * rethrown unchanged) and {@code printStackTrace()} shows it:
 *
 * <pre>
 * java.lang.IllegalStateException: out of stock
 *     at shop.InventoryAsync$Take.poll(InventoryAsync.java:57)
 *     ...
 *     Suppressed: dev.ratchet.debug.AsyncBacktrace: reached through 3 {@code @Async} frames (innermost first)
 *         at shop.Inventory.take(Inventory.java)
 *         at shop.Checkout.reserve(Checkout.java:36)
 *         at shop.Checkout.buy(Checkout.java:30)
 * </pre>
 *
 * <p>The innermost frame, where the exception was thrown, has no line (the real stack trace
 * above it has the generated source's line); every outer frame has the line of the {@code await}
 * the exception came out of. Read it from code with {@link #of(Throwable)}:
 *
 * <pre>{@code
 * } catch (IllegalStateException e) {
 *     AsyncBacktrace trace = AsyncBacktrace.of(e);
 *     if (trace != null) log.warn("failed via " + trace.frames());
 * }
 * }</pre>
 *
 * <p>Recorded for every exception except {@link CancellationException} (cancellation is not a
 * failure) and {@link VirtualMachineError}; an exception created with suppression disabled gets
 * none. At most {@value #MAX_FRAMES} frames are kept (an exception object that is thrown again
 * and again, such as a shared constant, must not grow without bound). Turn recording off with
 * {@code -Dratchet.asyncBacktraces=false}.
 */
public final class AsyncBacktrace extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Frames kept per exception; later ones are counted, not kept. */
    public static final int MAX_FRAMES = 256;
    private static final boolean ENABLED =
            !"false".equalsIgnoreCase(System.getProperty("ratchet.asyncBacktraces", "true"));

    /** Guarded by {@code this}: the same exception object may fail two tasks at once. */
    private final List<StackTraceElement> frames = new ArrayList<>();
    private int dropped;

    private AsyncBacktrace() {
        super(null, null, false, true);
    }

    /** No JVM stack walk: the stack trace is the frames, set by {@link #append}. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    /**
     * Records that {@code failure} passed through {@code frame}, an {@code @Async} method (or a
     * hand-written future that wants to show up): appends it to the failure's backtrace, creating
     * the backtrace on first use. Generated state machines call this; it is public so that
     * hand-written combinators can take part.
     */
    public static void record(Throwable failure, StackTraceElement frame) {
        if (!ENABLED || failure == null || frame == null
                || failure instanceof CancellationException || failure instanceof VirtualMachineError) {
            return;
        }
        AsyncBacktrace trace;
        // The same exception object may fail two tasks at once (a shared constant): find-or-add
        // under the failure's monitor, the one Throwable's own getSuppressed/addSuppressed use,
        // so it gets exactly one backtrace. Only failures pay for it, uncontended in practice.
        synchronized (failure) {
            trace = of(failure);
            if (trace == null) {
                trace = new AsyncBacktrace();
                failure.addSuppressed(trace); // a no-op if the failure disabled suppression
            }
        }
        trace.append(frame);
    }

    /** The backtrace recorded on {@code failure}, or null if it passed through no {@code @Async} frame. */
    public static AsyncBacktrace of(Throwable failure) {
        for (Throwable s : failure.getSuppressed()) {
            if (s instanceof AsyncBacktrace trace) return trace;
        }
        return null;
    }

    /** The frames, innermost first. */
    public synchronized List<StackTraceElement> frames() {
        return List.copyOf(frames);
    }

    private synchronized void append(StackTraceElement frame) {
        if (frames.size() == MAX_FRAMES) {
            dropped++;
            return;
        }
        frames.add(frame);
        setStackTrace(frames.toArray(new StackTraceElement[0]));
    }

    @Override
    public synchronized String getMessage() {
        return "reached through " + frames.size() + " @Async frame" + (frames.size() == 1 ? "" : "s")
                + " (innermost first)" + (dropped == 0 ? "" : "; " + dropped + " more not kept");
    }
}
