package dev.ratchet.net;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.Waker;
import dev.ratchet.internal.io.Interest;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CancellationException;

/**
 * The shape shared by every socket future: lazy, tries the syscall first, arms interest only when
 * the syscall would block, spends one unit of budget per poll, and supports cancellation.
 *
 * <p>Each poll: (1) if cancelled, complete with {@link CancellationException}; (2) spend one unit
 * of the task's budget, or yield; (3) if the source is closed, fail with "… is closed"; (4) call
 * {@link #attempt}; if it returns pending (would block), store the task's waker and arm {@link
 * #interest}.
 *
 * <p>Threading: polled by one thread at a time (the executor's rule). {@link #cancel()} may be
 * called from any thread; it disarms the interest at once, and the next poll throws.
 */
abstract class IoFuture<T> implements Future<T> {
    private final Interest interest;
    /** {@code TcpStream.read()}, {@code TcpListener.accept()}...: with target, the text of messages and dumps. */
    private final String operation;
    /** The address the operation is on (a stream's peer, a listener's local address). */
    private final Object target;

    /** Poller thread only. */
    private boolean done;
    /** Written by {@link #cancel} (any thread), read by {@link #poll}. */
    private volatile boolean cancelled;
    /** The waker this future left armed in the reactor, for {@link #cancel} to withdraw it. */
    private volatile Waker armedWaker;

    IoFuture(Interest interest, String operation, Object target) {
        this.interest = interest;
        this.operation = operation;
        this.target = target;
    }

    /** The source to check for closure and to arm; may be null before the first attempt (connect). */
    abstract IoSource source();

    /**
     * Tries the operation without blocking: ready with the result, or pending if it would block.
     * Failures are thrown.
     */
    abstract Poll<T> attempt(Context cx) throws IOException;

    /**
     * Called once when the future fails or is cancelled, with the exception it is about to throw
     * (connect closes its half-made socket and attaches a close failure as suppressed).
     */
    void onAbandon(Throwable failure) {}

    @Override
    public final Poll<T> poll(Context cx) {
        if (done) throw new IllegalStateException(this + " was polled after it completed");
        if (cancelled) {
            throw Throwing.sneaky(finish(new CancellationException(this + " was cancelled")));
        }
        if (!cx.consumeBudget()) {
            cx.waker().wake();
            return Poll.pending();
        }
        IoSource source = source();
        if (source != null && source.isClosed()) {
            throw Throwing.sneaky(finish(source.closedException()));
        }
        try {
            Poll<T> result = attempt(cx);
            if (result.isReady()) {
                done = true;
                // Usually the reactor already took our waker (it woke us); if we completed for
                // another reason, withdraw the interest so it does not wake the task later.
                Waker w = armedWaker;
                if (w != null) {
                    armedWaker = null;
                    source().disarm(interest, w);
                }
                return result;
            }
            Waker waker = cx.waker();
            armedWaker = waker; // before arming: a cancel() racing with this poll can then find it
            source().arm(interest, waker);
            return result;
        } catch (IOException | RuntimeException | Error e) {
            throw Throwing.sneaky(finish(closedInstead(e)));
        }
    }

    /**
     * A syscall on a channel closed by another thread fails with {@link ClosedChannelException}
     * (or {@code AsynchronousCloseException}, or an OS error on the dead descriptor): report
     * the closure ("stream is closed"), not its symptom.
     */
    private Throwable closedInstead(Throwable e) {
        IoSource source = source();
        boolean closedMeanwhile = e instanceof ClosedChannelException
                || (e instanceof IOException && source != null && source.isClosed());
        if (!closedMeanwhile || source == null) return e;
        IOException closed = source.closedException();
        closed.initCause(e);
        return closed;
    }

    /**
     * Requests cancellation: withdraws this future's armed interest now (so the reactor will not
     * wake its task for it) and makes the next poll throw {@link CancellationException}. Does
     * nothing useful after completion.
     */
    @Override
    public final void cancel() {
        if (cancelled) return;
        cancelled = true;
        Waker w = armedWaker;
        IoSource source = source();
        if (w != null && source != null) source.disarm(interest, w);
    }

    /** Completes this future with {@code failure}: withdraws its interest, lets the subclass clean up. */
    private Throwable finish(Throwable failure) {
        done = true;
        Waker w = armedWaker;
        armedWaker = null;
        IoSource source = source();
        if (w != null && source != null) source.disarm(interest, w);
        onAbandon(failure);
        return failure;
    }

    /**
     * {@code TcpStream.read() on /127.0.0.1:5000}, with {@code (closed)} once the socket is
     * closed: for messages and task dumps. Built only when asked, not per future. Safe from a
     * dump's thread: it reads final fields and the source's volatile closed flag.
     */
    @Override
    public String toString() {
        IoSource source = source();
        return operation + " on " + target + (source != null && source.isClosed() ? " (closed)" : "");
    }
}
