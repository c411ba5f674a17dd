package dev.ratchet.internal.waker;

import dev.ratchet.Waker;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A cell holding the waker of the one task waiting on a resource, safe against a concurrent
 * {@link #wake()} from another thread: Tokio's {@code AtomicWaker}. The waiting future calls
 * {@link #register(Waker)} at every poll that returns pending (so a task polled with a new waker
 * is woken through the new one); the resource calls {@link #wake()} when it is ready.
 *
 * <pre>{@code
 * // in poll(cx):
 * cell.register(cx.waker());
 * if (resourceReady()) return Poll.ready(take()); // check AFTER registering: no lost wake-up
 * return Poll.pending();
 * // in the resource, any thread:
 * markReady();
 * cell.wake();
 * }</pre>
 *
 * <p>Protocol: one registering thread at a time (the task's poll); any number of waking threads.
 * {@code wake()} takes the waker out (a second wake before the next register does nothing),
 * exactly as the resource side expects: "ready" is recorded in the resource, the wake only says
 * "poll again".
 *
 * <h2>States and memory ordering</h2>
 * {@link #state} is a bit set: {@code REGISTERING} while a poll writes {@link #waker},
 * {@code WAKING} while a waker takes it. Each bit acts as a lock on the plain {@link #waker}
 * field: it is written only by the holder of REGISTERING and read/cleared only by the holder of
 * WAKING when REGISTERING is clear. The volatile CAS/getAndUpdate on {@code state} that acquires
 * or releases a bit orders those plain accesses (happens-before through {@code state}).
 */
public final class AtomicWaker {
    private static final int WAITING = 0;
    private static final int REGISTERING = 1;
    private static final int WAKING = 2;

    private final AtomicInteger state = new AtomicInteger(WAITING);
    /** Guarded by the REGISTERING / WAKING bits of {@link #state}, see the class doc. */
    private Waker waker;

    /** Stores {@code w} as the waker to wake; wakes it at once if a wake races with this call. */
    public void register(Waker w) {
        int prev = state.compareAndExchange(WAITING, REGISTERING);
        if (prev == WAITING) {
            waker = w;
            // Release REGISTERING. If a wake() arrived meanwhile it set WAKING and left the waker
            // to us (it could not read it while we held REGISTERING): we must wake it ourselves.
            if (!state.compareAndSet(REGISTERING, WAITING)) {
                Waker taken = waker;
                waker = null;
                state.set(WAITING); // linearization point for the racing wake: it is delivered below
                taken.wake();
            }
        } else if ((prev & WAKING) != 0) {
            // A wake is in progress right now: it may be taking the old waker, so make sure the
            // new one sees a wake too (a spurious extra poll is harmless, a lost one is not).
            w.wake();
        } else {
            throw new IllegalStateException("AtomicWaker.register called concurrently: a future was polled on two threads at once");
        }
    }

    /** Wakes the registered waker, if any, and clears it. Safe from any thread. */
    public void wake() {
        Waker w = take();
        if (w != null) w.wake();
    }

    /** Removes and returns the registered waker (or {@code null}), without waking it. */
    public Waker take() {
        int prev = state.getAndUpdate(s -> s | WAKING);
        if (prev == WAITING) {
            // We hold WAKING and nobody registers: the field is ours to read and clear.
            Waker w = waker;
            waker = null;
            state.getAndUpdate(s -> s & ~WAKING);
            return w;
        }
        // Either a register holds REGISTERING (it will see WAKING and wake the new waker itself)
        // or another take() is already handing the waker out.
        return null;
    }
}
