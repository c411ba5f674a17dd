package dev.ratchet.internal.time;

import dev.ratchet.Waker;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Owns one {@link TimerWheel} (1 ms ticks) and the one thread that advances it: the thread parks
 * until the next deadline, fires the wakers of due timers, and parks again. No thread per timer.
 *
 * <pre>{@code
 * try (TimerDriver timers = new TimerDriver("my-timers")) {
 *     TimerDriver.TimerEntry e = timers.schedule(System.nanoTime() + 5_000_000, task::wake);
 *     e.cancel(); // before it fires: the waker is never called
 * }
 * }</pre>
 *
 * <h2>Threading</h2>
 * {@link #schedule} and {@link TimerEntry#cancel()} are safe from any thread. One lock guards the
 * wheel and every entry's state; it is held only for O(1) wheel operations, and wakers are always
 * called with it released (a waker may schedule or cancel timers, or take other locks). An idle
 * driver parks without a timeout (no CPU); inserting a timer earlier than the one it sleeps for
 * unparks it. Executors create one driver each; {@link #global()} serves futures polled outside
 * any executor.
 *
 * <h2>Shutdown</h2>
 * {@link #close()} stops and joins the thread and wakes the wakers of every timer still pending,
 * so the futures waiting on them are polled again and see the driver closed ({@link #schedule}
 * then throws {@link IllegalStateException}) instead of hanging forever.
 */
public final class TimerDriver implements AutoCloseable {
    private static final long TICK_NANOS = 1_000_000L;

    private final String name;
    private final boolean closeable;
    private final TickClock clock;
    private final Thread thread;

    /** Guards {@link #wheel}, {@link #closed}, {@link #wakeTick} and every {@link Entry#state}. */
    private final ReentrantLock lock = new ReentrantLock();
    private final TimerWheel wheel = new TimerWheel();
    private boolean closed;
    /**
     * The tick the driver thread will wake up at (Long.MAX_VALUE while parked with no timers). A
     * scheduler that inserts an earlier entry lowers it and unparks the thread. The driver sets it
     * under the lock before it parks; an unpark that lands between that unlock and the park is
     * kept as LockSupport's permit, so the park returns at once: no lost wake-up.
     */
    private long wakeTick = Long.MAX_VALUE;

    /** Starts a driver whose (daemon) thread is called {@code threadName}. */
    public TimerDriver(String threadName) {
        this(threadName, true);
    }

    private TimerDriver(String threadName, boolean closeable) {
        this.name = Objects.requireNonNull(threadName, "threadName");
        this.closeable = closeable;
        this.clock = new TickClock(System.nanoTime(), TICK_NANOS);
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private static final class Global {
        static final TimerDriver INSTANCE = new TimerDriver("ratchet-timer-global", false);
    }

    /**
     * The process-wide driver for timers polled outside any executor, created on first use. Its
     * daemon thread lives as long as the process; it cannot be closed.
     */
    public static TimerDriver global() {
        return Global.INSTANCE;
    }

    /**
     * Arranges for {@code waker} to be woken once {@link System#nanoTime()} has reached {@code
     * deadlineNanos} (never earlier; typically within a millisecond after). A deadline already
     * reached wakes {@code waker} at once, on the calling thread.
     *
     * @throws IllegalStateException if the driver is closed
     */
    public TimerEntry schedule(long deadlineNanos, Waker waker) {
        Objects.requireNonNull(waker, "waker");
        Entry entry = new Entry(clock.deadlineTick(deadlineNanos), waker);
        // Due already: fire now rather than at the wheel's next tick (which may lag by a tick).
        boolean fireNow = System.nanoTime() - deadlineNanos >= 0;
        boolean unpark = false;
        lock.lock();
        try {
            if (closed) throw new IllegalStateException("TimerDriver '" + name + "' is closed: cannot schedule a timer");
            if (fireNow) {
                entry.state = Entry.FIRED;
            } else if (wheel.insert(entry)) {
                if (entry.deadlineTick < wakeTick) {
                    wakeTick = entry.deadlineTick;
                    unpark = true;
                }
            } else {
                entry.state = Entry.FIRED;
                fireNow = true;
            }
        } finally {
            lock.unlock();
        }
        if (fireNow) waker.wake();
        else if (unpark) LockSupport.unpark(thread);
        return entry;
    }

    /** The number of timers scheduled and not yet fired or cancelled. */
    public int pendingTimers() {
        lock.lock();
        try {
            return wheel.size();
        } finally {
            lock.unlock();
        }
    }

    /** The driver's thread (for tests and diagnostics). */
    public Thread thread() {
        return thread;
    }

    /**
     * Stops the driver thread, waits for it to end, and wakes every timer still pending (see the
     * class documentation). Idempotent.
     *
     * @throws IllegalStateException on {@link #global()}, which lives as long as the process
     */
    @Override
    public void close() {
        if (!closeable) throw new IllegalStateException("the global TimerDriver cannot be closed");
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
        LockSupport.unpark(thread);
        if (Thread.currentThread() == thread) return; // closed by a waker: run() ends after this round
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // keep joining: close() promises the thread has ended
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private void run() {
        List<Waker> due = new ArrayList<>();
        while (true) {
            // Nobody should interrupt this thread; if someone does, clear it, or park() would
            // return at once forever and the driver would spin.
            Thread.interrupted();
            long parkTick;
            boolean stop;
            lock.lock();
            try {
                stop = closed;
                if (stop) {
                    // Drain everything left so its futures notice the shutdown (class doc).
                    wheel.drain(e -> fire((Entry) e, due));
                    parkTick = Long.MAX_VALUE;
                } else {
                    wheel.advance(clock.nowTick(System.nanoTime()), e -> fire((Entry) e, due));
                    long next = wheel.nextExpiration();
                    parkTick = next < 0 ? Long.MAX_VALUE : next;
                }
                wakeTick = parkTick;
            } finally {
                lock.unlock();
            }
            wakeAll(due);
            if (stop) return;
            if (parkTick == Long.MAX_VALUE) {
                LockSupport.park(this);
            } else {
                long delay = clock.tickStartNanos(parkTick) - System.nanoTime();
                if (delay > 0) LockSupport.parkNanos(this, delay);
            }
        }
    }

    /** Under the lock: marks a due entry fired and collects its waker. */
    private static void fire(Entry e, List<Waker> due) {
        e.state = Entry.FIRED;
        due.add(e.waker);
    }

    /** Without the lock: calls each waker; one failing waker does not stop the others. */
    private void wakeAll(List<Waker> due) {
        for (Waker w : due) {
            try {
                w.wake();
            } catch (Throwable t) {
                // A waker must not throw (Waker's contract); report it, keep the driver alive.
                Thread.UncaughtExceptionHandler h = thread.getUncaughtExceptionHandler();
                h.uncaughtException(thread, t);
            }
        }
        due.clear();
    }

    @Override
    public String toString() {
        return "TimerDriver[" + name + "]";
    }

    /** A scheduled timer. */
    public interface TimerEntry {
        /** Removes the entry if it has not fired; returns whether it was removed. */
        boolean cancel();

        /** Whether the entry is still waiting to fire (neither fired nor cancelled). */
        boolean isPending();
    }

    /** The wheel node behind a {@link TimerEntry}; its state is guarded by the driver's lock. */
    private final class Entry extends WheelEntry implements TimerEntry {
        static final int PENDING = 0;
        static final int FIRED = 1;
        static final int CANCELLED = 2;

        final Waker waker;
        /** PENDING -> FIRED or PENDING -> CANCELLED, each once; guarded by {@link #lock}. */
        int state = PENDING;

        Entry(long deadlineTick, Waker waker) {
            super(deadlineTick);
            this.waker = waker;
        }

        @Override
        public boolean cancel() {
            lock.lock();
            try {
                if (state != PENDING) return false;
                state = CANCELLED;
                wheel.remove(this);
                // The driver may now wake up for nothing at the old wakeTick: harmless, it re-parks.
                return true;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public boolean isPending() {
            lock.lock();
            try {
                return state == PENDING;
            } finally {
                lock.unlock();
            }
        }
    }
}
