package dev.ratchet.processor.fuzz;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.Waker;
import dev.ratchet.processor.harness.IoException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The future behind {@code Fx.io(value)}: completes with {@code value} as its {@link Behaviour}
 * says, or — in the synchronous reference — is just that value ({@link #resolveNow()}).
 * Protocol violations by the state machine (poll after completion, cancel of a future that is not
 * being cancelled) are logged, so they show up as a log difference.
 */
final class TestFuture<T> implements Future<T> {
    enum Behaviour { READY, PENDING_ONCE, OTHER_THREAD, FAIL_NOW, FAIL_AFTER_PENDING, NEVER }

    /** Completes OTHER_THREAD futures: one daemon thread, so wakes really come from elsewhere. */
    private static final ExecutorService COMPLETER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-completer");
        t.setDaemon(true);
        return t;
    });

    private final int index;
    private final T value;
    private final Behaviour behaviour;
    /** Polls so far; only the polling task touches it (polls of one task are ordered). */
    private int polls;
    private boolean completed;
    /** OTHER_THREAD: set by the completer thread before it wakes; read by the polls. */
    private volatile boolean done;
    /** NEVER: set by cancel(), possibly from another thread than the polls. */
    private volatile boolean cancelRequested;

    TestFuture(int index, T value, Behaviour behaviour) {
        this.index = index;
        this.value = value;
        this.behaviour = behaviour;
    }

    @Override
    public Poll<T> poll(Context cx) {
        if (completed) {
            Fx.log("BUG: future #" + index + " polled after completion");
            throw new IllegalStateException("future #" + index + " polled after completion");
        }
        polls++;
        switch (behaviour) {
            case READY:
                return ready();
            case PENDING_ONCE:
                if (polls == 1) return wakeAndWait(cx);
                return ready();
            case OTHER_THREAD:
                if (done) return ready();
                if (polls == 1) {
                    Waker w = cx.waker();
                    COMPLETER.execute(() -> {
                        done = true;
                        w.wake();
                    });
                }
                return Poll.pending();
            case FAIL_NOW:
                throw fail();
            case FAIL_AFTER_PENDING:
                if (polls == 1) return wakeAndWait(cx);
                throw fail();
            default: // NEVER
                if (cancelRequested) {
                    completed = true;
                    Fx.log("never #" + index + " cleaned up");
                    throw new CancellationException("never #" + index);
                }
                Fx.reached(index);
                return Poll.pending();
        }
    }

    @Override
    public void cancel() {
        if (behaviour == Behaviour.NEVER) {
            Fx.log("never #" + index + " cancelled");
            cancelRequested = true;
        } else {
            Fx.log("BUG: future #" + index + " cancelled although it is not the cancelled await");
        }
    }

    /** The reference's await: the value at once, or the failure, or the cancellation model. */
    T resolveNow() {
        switch (behaviour) {
            case FAIL_NOW:
            case FAIL_AFTER_PENDING:
                throw fail();
            case NEVER:
                Fx.reached(index);
                Fx.log("never #" + index + " cancelled");
                Fx.log("never #" + index + " cleaned up");
                Ref.cancelled = true;
                throw new CancellationException("never #" + index);
            default:
                return value;
        }
    }

    private Poll<T> ready() {
        completed = true;
        return Poll.ready(value);
    }

    private Poll<T> wakeAndWait(Context cx) {
        cx.waker().wake();
        return Poll.pending();
    }

    private RuntimeException fail() {
        completed = true;
        return Fx.sneaky(new IoException("io #" + index + " failed"));
    }
}
