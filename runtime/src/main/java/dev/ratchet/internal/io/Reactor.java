package dev.ratchet.internal.io;

import dev.ratchet.Waker;
import dev.ratchet.internal.CurrentRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Owns one {@link Selector} and the one thread that selects on it, and turns readiness into
 * wakes: the I/O driver of an executor (Tokio's {@code io::Driver}). Channels are registered
 * through {@link ReactorHandle}s, which futures use to arm interest and leave wakers.
 *
 * <pre>{@code
 * try (Reactor reactor = new Reactor("my-reactor")) {
 *     ReactorHandle io = reactor.register(socketChannel);   // non-blocking channel
 *     io.arm(Interest.READ, cx.waker());                     // after a read returned 0
 * }
 * }</pre>
 *
 * <h2>The reactor thread</h2>
 * One daemon thread loops: apply the queued interest updates, fire passed {@linkplain #wakeAt
 * deadlines}, {@code select()}, clear the ready interest bits, wake the wakers. With nothing
 * ready and no deadline it blocks in {@code select()} and uses no CPU. Wakers are woken after the
 * selected-key set has been processed, with no lock held; a waker that throws is reported to the
 * thread's uncaught-exception handler and the loop goes on.
 *
 * <h2>Why other threads never touch the selector's keys</h2>
 * Futures run on executor threads, but only the reactor thread calls {@code register} or {@code
 * interestOps}: other threads put the {@link ReactorHandle} on a queue and {@link
 * Selector#wakeup() wake} the selector. Reasons: (1) {@code SelectableChannel.register} blocks
 * while another thread is inside {@code select()} on JDKs before 11 (it takes the key-set lock
 * that {@code select} holds), so calling it from an executor thread would stall that thread for
 * as long as the reactor sleeps — possibly forever; (2) even where it no longer blocks, a new
 * registration or interest set is only seen by the <em>next</em> select, so the selector must be
 * woken anyway; (3) a key's interest set is written with a plain set ({@code interestOps(int)}),
 * so a reader task and a writer task updating it from two threads would lose each other's bit —
 * with one writer (the reactor) and the truth kept in an atomic word ({@code
 * ReactorHandle.wanted}) that cannot happen.
 *
 * <h2>Which reactor</h2>
 * {@link #current()}: the executor's, when the calling thread runs on an executor that is a
 * {@link ReactorOwner}; otherwise the lazily created process-wide {@link #global()} one.
 */
public final class Reactor implements AutoCloseable {
    private static final int RUNNING = 0;
    private static final int CLOSING = 1;
    private static final int TERMINATED = 2;

    private final String name;
    private final boolean isGlobal;
    private final Selector selector;
    private final Thread thread;

    /** Handles whose interest or closed state changed; drained by the reactor thread. */
    private final ConcurrentLinkedQueue<ReactorHandle> updates = new ConcurrentLinkedQueue<>();
    /** Deadlines added by other threads, moved into {@link #deadlines} by the reactor thread. */
    private final ConcurrentLinkedQueue<ScheduledWake> newDeadlines = new ConcurrentLinkedQueue<>();
    /** Pending deadlines, earliest first. Reactor thread only. */
    private final PriorityQueue<ScheduledWake> deadlines = new PriorityQueue<>();
    private final AtomicLong deadlineSequence = new AtomicLong();

    /**
     * Whether a {@link Selector#wakeup()} has been requested since the reactor thread last
     * cleared this flag; coalesces wakeups (each is a syscall) as Netty's {@code wakenUp} does.
     * The reactor clears it <em>before</em> draining the queues; a producer enqueues
     * <em>before</em> reading it. So a producer that finds it already set enqueued before the
     * next clear, hence before the next drain — and the set it saw came with a wakeup that makes
     * the coming select return at once. (All volatile accesses: one total order.)
     */
    private final AtomicBoolean wakeupPending = new AtomicBoolean();

    /** RUNNING → CLOSING ({@link #close}) → TERMINATED (the thread's final pass). */
    private final AtomicInteger state = new AtomicInteger(RUNNING);
    /** Why the reactor thread died, if it did (a selector failure); reported by {@link #ensureRunning}. */
    private volatile Throwable failure;
    /** How many times select has returned. Written by the reactor thread only. */
    private volatile long selectCount;

    /**
     * Opens a selector and starts the reactor thread (a daemon named {@code threadName}).
     *
     * @throws UncheckedIOException if the selector cannot be opened
     */
    public Reactor(String threadName) {
        this(Objects.requireNonNull(threadName, "threadName"), false);
    }

    private Reactor(String threadName, boolean isGlobal) {
        this.name = threadName;
        this.isGlobal = isGlobal;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for reactor " + threadName, e);
        }
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start(); // last: every final field is assigned, and start() publishes them
    }

    /** The process-wide reactor for I/O polled outside any executor; created on first use. */
    public static Reactor global() {
        return Global.INSTANCE;
    }

    private static final class Global {
        static final Reactor INSTANCE = new Reactor("ratchet-reactor-global", true);
    }

    /**
     * The reactor that I/O polled on the calling thread should use: the current executor's if it
     * is a {@link ReactorOwner}, else {@link #global()}.
     */
    public static Reactor current() {
        if (CurrentRuntime.get() instanceof ReactorOwner owner) return owner.reactor();
        return global();
    }

    /**
     * Creates the handle through which futures wait on {@code channel}. The selector registration
     * itself happens later, on the reactor thread, when a future first {@linkplain
     * ReactorHandle#arm arms} an interest.
     *
     * @throws IllegalArgumentException if the channel is in blocking mode
     */
    public ReactorHandle register(SelectableChannel channel) {
        Objects.requireNonNull(channel, "channel");
        if (channel.isBlocking()) {
            throw new IllegalArgumentException("channel must be non-blocking (call configureBlocking(false)): " + channel);
        }
        return new ReactorHandle(this, channel);
    }

    /**
     * Wakes {@code waker} once {@link System#nanoTime()} reaches {@code deadlineNanos} (for I/O
     * timeouts such as connect's). Cancel the result when it is no longer needed.
     */
    public ScheduledWake wakeAt(long deadlineNanos, Waker waker) {
        Objects.requireNonNull(waker, "waker");
        ScheduledWake wake = new ScheduledWake(deadlineNanos, deadlineSequence.getAndIncrement(), waker);
        newDeadlines.add(wake);
        signal();
        // As in ReactorHandle.arm: a reactor terminating concurrently may have made its final
        // pass before our add; then we fire it ourselves (the future will see the closed reactor).
        if (isTerminated()) {
            Waker w = wake.fire();
            if (w != null) w.wake();
        }
        return wake;
    }

    /**
     * Stops the reactor thread, waits for it to end and closes the selector. Futures still
     * waiting are woken; their next syscall attempt fails with an {@link IOException} saying the
     * reactor is closed. Registered channels are not closed (their owners close them).
     *
     * @throws IllegalStateException for {@link #global()}, which lives as long as the process
     */
    @Override
    public void close() {
        if (isGlobal) throw new IllegalStateException("the global reactor lives as long as the process and cannot be closed");
        if (state.compareAndSet(RUNNING, CLOSING)) selector.wakeup();
        if (Thread.currentThread() == thread) return; // closed by a waker: the loop ends after this pass
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // finish the close (the thread ends promptly), then restore
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** Whether the reactor still serves its channels (not closed, not failed). */
    public boolean isRunning() {
        return state.get() == RUNNING;
    }

    /** How many times the reactor thread has returned from select (for tests: an idle reactor does not loop). */
    public long selectCount() {
        return selectCount;
    }

    /** The id of the reactor thread (for tests and diagnostics). */
    public long threadId() {
        return thread.getId();
    }

    /** The reactor thread (for tests in this package). */
    Thread thread() {
        return thread;
    }

    @Override
    public String toString() {
        return "Reactor[" + name + ", " + (isRunning() ? "running" : "closed") + "]";
    }

    // ---- for ReactorHandle -------------------------------------------------------------------

    void ensureRunning() throws IOException {
        if (state.get() == RUNNING) return;
        Throwable why = failure;
        throw why == null ? new IOException("reactor " + name + " is closed")
                : new IOException("reactor " + name + " failed", why);
    }

    boolean isTerminated() {
        return state.get() == TERMINATED;
    }

    /** Queues {@code handle} for the reactor thread to apply its interest (once per change burst). */
    void requestUpdate(ReactorHandle handle) {
        if (handle.markQueued()) {
            updates.add(handle);
            signal();
        }
    }

    private void signal() {
        if (wakeupPending.compareAndSet(false, true)) selector.wakeup();
    }

    // ---- the reactor thread ------------------------------------------------------------------

    private void run() {
        List<Waker> toWake = new ArrayList<>();
        try {
            while (state.get() == RUNNING) {
                wakeupPending.set(false); // before draining: see the field
                applyUpdates(toWake);
                long timeoutMillis = fireDeadlines(toWake);
                wakeAll(toWake);
                // A pending interrupt makes select return at once, forever: the reactor is
                // stopped by close(), never by interruption, so an interrupt is a stray one.
                Thread.interrupted();
                selector.select(timeoutMillis); // 0 = until ready or woken
                selectCount++; // single writer
                collectReady(toWake);
                wakeAll(toWake);
            }
        } catch (Throwable t) {
            failure = t; // reported to every future by ensureRunning(); their wakers are woken below
        } finally {
            terminate(toWake);
        }
    }

    private void applyUpdates(List<Waker> toWake) {
        ReactorHandle h;
        while ((h = updates.poll()) != null) h.applyUpdate(selector, toWake);
    }

    /** Fires passed deadlines; returns the select timeout in ms until the next one (0 = none). */
    private long fireDeadlines(List<Waker> toWake) {
        ScheduledWake w;
        while ((w = newDeadlines.poll()) != null) deadlines.add(w);
        long now = System.nanoTime();
        while ((w = deadlines.peek()) != null && now - w.deadlineNanos >= 0) {
            deadlines.poll();
            Waker waker = w.fire(); // null if cancelled: lazily removed here
            if (waker != null) toWake.add(waker);
        }
        if (w == null) return 0;
        long nanos = w.deadlineNanos - now;
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos + 999_999)); // round up: never early
    }

    private void collectReady(List<Waker> toWake) {
        Set<SelectionKey> selected = selector.selectedKeys();
        for (SelectionKey key : selected) {
            ReactorHandle handle = (ReactorHandle) key.attachment();
            int ready;
            try {
                ready = key.readyOps();
            } catch (CancelledKeyException e) {
                handle.takeBothSides(toWake); // closed meanwhile: let its futures see it
                continue;
            }
            handle.fire(ready, toWake);
        }
        selected.clear();
    }

    private void wakeAll(List<Waker> toWake) {
        for (Waker w : toWake) {
            try {
                w.wake();
            } catch (Throwable t) {
                // A broken waker must not stop the I/O of every other task: report it, go on.
                thread.getUncaughtExceptionHandler().uncaughtException(thread, t);
            }
        }
        toWake.clear();
    }

    /**
     * The final pass. Setting TERMINATED comes first: a future that arms after it sees it and
     * wakes itself; one that armed before it is found here (queued or registered) and woken.
     */
    private void terminate(List<Waker> toWake) {
        state.set(TERMINATED);
        try {
            for (SelectionKey key : selector.keys()) ((ReactorHandle) key.attachment()).takeBothSides(toWake);
        } catch (RuntimeException e) { // a broken selector: keep going, the queue still has handles
            recordFailure(e);
        }
        ReactorHandle h;
        while ((h = updates.poll()) != null) h.takeBothSides(toWake);
        ScheduledWake w;
        while ((w = newDeadlines.poll()) != null) deadlines.add(w);
        while ((w = deadlines.poll()) != null) {
            Waker waker = w.fire();
            if (waker != null) toWake.add(waker);
        }
        try {
            selector.close();
        } catch (IOException e) {
            recordFailure(e);
        }
        wakeAll(toWake);
    }

    private void recordFailure(Throwable t) {
        Throwable first = failure;
        if (first == null) failure = t;
        else if (first != t) first.addSuppressed(t);
    }
}
