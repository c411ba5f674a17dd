package dev.ratchet.internal.io;

import dev.ratchet.Waker;
import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One channel's registration with a {@link Reactor}: where I/O futures leave their wakers and say
 * what they wait for. Tokio's {@code ScheduledIo} plus {@code Registration}.
 *
 * <pre>{@code
 * ReactorHandle io = Reactor.current().register(channel);  // channel is non-blocking
 * int n = channel.read(buf);
 * if (n == 0) { io.arm(Interest.READ, cx.waker()); return Poll.pending(); }
 * }</pre>
 *
 * <h2>Protocol</h2>
 * A future first tries its syscall; only when it would block does it {@linkplain #arm arm} its
 * interest. When the selector reports the channel ready, the reactor clears the ready bits (so
 * the selector does not report them again and again while nobody reads) and wakes the waker of
 * each ready side. The woken future tries its syscall again and re-arms if it still would block.
 * Selection is level-triggered, so readiness that arrives between the failed syscall and the
 * arming is not lost: the next select reports it at once.
 *
 * <h2>Threading</h2>
 * {@code arm}, {@link #disarm} and {@link #close} may be called from any thread, and wake
 * wakers (when they do) with no lock held. The selection
 * key is only touched by the reactor thread ({@link #applyUpdate}, {@link #fire}): other threads
 * only change {@link #wanted} and queue the handle for the reactor.
 */
public final class ReactorHandle {
    private final Reactor reactor;
    private final SelectableChannel channel;
    private final WakerCell readSide = new WakerCell();
    private final WakerCell writeSide = new WakerCell();

    /**
     * The selector operations some future waits for and that have not fired since it armed them.
     * Set by {@link #arm} (any thread), cleared by {@link #disarm} (any thread) and by {@link #fire}
     * (reactor thread), always with an atomic read-modify-write so concurrent updates of the two
     * sides never lose each other's bit. The reactor copies it into the key's interest set; it is
     * the only truth, the key's interest set is a possibly stale copy.
     */
    private final AtomicInteger wanted = new AtomicInteger();

    /**
     * Whether this handle sits in the reactor's update queue. Invariant: if {@link #arm} or
     * {@link #disarm} flipped a bit of {@link #wanted}, or {@link #close} set {@link #closed},
     * after the reactor last copied them into the key, the handle is queued ({@link #fire}
     * changes and copies {@code wanted} itself, on the reactor thread). The reactor clears the
     * flag <em>before</em> reading {@code wanted}, so a change made after that read queues the
     * handle again.
     */
    private final AtomicBoolean queued = new AtomicBoolean();

    /** Set once by {@link #close}; read by the reactor and by {@link #arm}. */
    private volatile boolean closed;

    /** Why the reactor could not register the channel (a bug, e.g. a blocking channel), or null. */
    private volatile RuntimeException registrationFailure;

    /** The channel's key in the reactor's selector. Reactor thread only; null until first armed. */
    private SelectionKey key;

    ReactorHandle(Reactor reactor, SelectableChannel channel) {
        this.reactor = reactor;
        this.channel = channel;
    }

    /** The reactor this channel is registered with. */
    public Reactor reactor() {
        return reactor;
    }

    /**
     * Leaves {@code waker} to be woken once the channel is ready for {@code interest}; call after
     * the syscall would have blocked. Replaces the waker of a previous future waiting on the same
     * side.
     *
     * @throws IOException if this handle is closed or the reactor is closed or has failed
     */
    public void arm(Interest interest, Waker waker) throws IOException {
        if (closed) throw new IOException("channel is closed");
        RuntimeException failed = registrationFailure;
        if (failed != null) throw new IOException("the reactor could not register the channel", failed);
        reactor.ensureRunning();
        cell(interest).register(waker); // (1) before the bit: see WakerCell
        int before = wanted.getAndUpdate(w -> w | interest.ops); // (2) linearization point of arm
        if ((before & interest.ops) == 0) reactor.requestUpdate(this);
        // close() or the reactor's termination may have happened since the checks above, and
        // made its final pass that takes every waker before (1): then nobody would ever take
        // ours. Each writes its flag before that pass and we read the flags after (1) (all
        // volatile), so either its pass sees our waker or we see its flag — and wake ourselves:
        // the next poll fails with "closed".
        if (closed || reactor.isTerminated()) wakeBothSides();
    }

    /**
     * Withdraws the interest that {@code waker} armed (for a cancelled future), unless the waker
     * was already taken by a wake or replaced by another future's, in which case nothing changes.
     */
    public void disarm(Interest interest, Waker waker) {
        if (!cell(interest).clear(waker)) return;
        int before = wanted.getAndUpdate(w -> w & ~interest.ops);
        if ((before & interest.ops) != 0) reactor.requestUpdate(this);
    }

    /**
     * For the owner that has just closed the channel: wakes both sides (their futures then fail
     * with "closed") and asks the reactor to run a select, which completes the close of a
     * registered channel (the JDK defers it until the selector drops the cancelled key).
     */
    public void close() {
        closed = true;
        // Wake on the closing thread first: queued before this, the reactor thread could see
        // closed, take the wakers itself and wake them only later ("close wakes at once" would
        // then race). Wakers registered after this point see closed or are failed by the reactor.
        wakeBothSides();
        reactor.requestUpdate(this);
    }

    /** The interest bits currently armed (for tests and diagnostics). */
    public int armedOps() {
        return wanted.get();
    }

    /** Whether a waker waits on the side serving {@code interest} (for tests and diagnostics). */
    public boolean hasWaker(Interest interest) {
        return !cell(interest).isEmpty();
    }

    private WakerCell cell(Interest interest) {
        return interest.isReadSide() ? readSide : writeSide;
    }

    private void wakeBothSides() {
        Waker r = readSide.take();
        Waker w = writeSide.take();
        if (r != null) r.wake();
        if (w != null) w.wake();
    }

    // ---- called by the reactor -------------------------------------------------------------

    /** Marks this handle queued; returns true if the caller must enqueue it (it was not queued). */
    boolean markQueued() {
        return queued.compareAndSet(false, true);
    }

    /**
     * Reactor thread: copies {@link #wanted} into the selection key, registering the channel on
     * first use. Wakers of futures that must learn about a failure are added to {@code toWake}.
     */
    void applyUpdate(Selector selector, List<Waker> toWake) {
        queued.set(false); // before reading wanted/closed: a later change re-queues (see field)
        if (closed) {
            if (key != null) key.cancel(); // usually already cancelled by the channel's close
            takeBothSides(toWake);
            return;
        }
        int ops = wanted.get();
        try {
            if (key == null) {
                if (ops != 0) key = channel.register(selector, ops, this);
            } else {
                key.interestOps(ops);
            }
        } catch (ClosedChannelException | CancelledKeyException e) {
            // Closed behind our back: the woken futures retry their syscall and fail with "closed".
            takeBothSides(toWake);
        } catch (RuntimeException e) {
            // Not a runtime condition but a bug (blocking channel, bad ops): fail the futures
            // loudly instead of killing the reactor thread that serves every other channel.
            registrationFailure = e;
            takeBothSides(toWake);
        }
    }

    /**
     * Reactor thread: the selector reported {@code readyOps}. Clears them from the interest set
     * and collects the wakers of the ready sides.
     */
    void fire(int readyOps, List<Waker> toWake) {
        int remaining = wanted.updateAndGet(w -> w & ~readyOps); // clear first: see WakerCell
        try {
            key.interestOps(remaining);
        } catch (CancelledKeyException e) {
            // The channel was closed meanwhile; its futures are woken below or by close().
        }
        if ((readyOps & Interest.READ_SIDE_OPS) != 0) add(readSide.take(), toWake);
        if ((readyOps & Interest.WRITE_SIDE_OPS) != 0) add(writeSide.take(), toWake);
    }

    /** Reactor thread: the key was found cancelled, or the reactor is terminating. */
    void takeBothSides(List<Waker> toWake) {
        add(readSide.take(), toWake);
        add(writeSide.take(), toWake);
    }

    private static void add(Waker w, List<Waker> toWake) {
        if (w != null) toWake.add(w);
    }

    @Override
    public String toString() {
        return "ReactorHandle[" + channel + ", armed=" + wanted.get() + (closed ? ", closed" : "") + "]";
    }
}
