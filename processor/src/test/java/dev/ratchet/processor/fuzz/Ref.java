package dev.ratchet.processor.fuzz;

import dev.ratchet.Future;
import java.util.concurrent.CancellationException;

/**
 * The synchronous meaning of a generated program, imported by its twin instead of {@code
 * Futures.await}. Test futures are just values; cancellation follows SPEC.md "Cancellation": the
 * await of the never-completing future throws {@code CancellationException}, and from then on
 * every await throws it again at once, a cancelled callee that completes normally still completes
 * cancelled, and a callee that fails after being cancelled is seen by its caller as cancelled
 * (the failure suppressed) — exactly what an awaiting state machine reports.
 */
public final class Ref {
    /** Set when the run reached the cancelled await; reset by {@link Fx#reset}. */
    static volatile boolean cancelled;

    private Ref() {}

    public static <T> T await(Future<T> future) {
        if (cancelled) throw new CancellationException();
        if (!(future instanceof TestFuture<T> test)) {
            throw new AssertionError("generated programs only await Fx.io futures, not " + future);
        }
        return test.resolveNow();
    }

    /** Entry of a callee: once cancelled, the implicit await throws before the callee runs. */
    public static void enter() {
        if (cancelled) throw new CancellationException();
    }

    /** Normal exit of a callee: a cancelled callee completes cancelled whatever it returned. */
    public static <T> T leave(T result) {
        if (cancelled) throw new CancellationException();
        return result;
    }

    public static void leave() {
        if (cancelled) throw new CancellationException();
    }

    /** Exceptional exit of a callee, as its awaiting caller sees it. */
    public static RuntimeException rethrow(Throwable t) {
        if (cancelled && !(t instanceof CancellationException)) {
            CancellationException c = new CancellationException();
            c.addSuppressed(t);
            throw Fx.sneaky(c);
        }
        throw Fx.sneaky(t);
    }
}
