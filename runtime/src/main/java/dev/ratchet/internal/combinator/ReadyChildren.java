package dev.ratchet.internal.combinator;

import dev.ratchet.Context;
import dev.ratchet.Waker;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Per-child wakers for {@link JoinAll}: each child is polled with its own {@link Context} whose
 * waker marks that child ready and wakes the parent, so a poll of the parent only re-polls the
 * children that were woken (Rust's {@code FuturesUnordered} idea), not all of them.
 *
 * <p>Every child starts marked ready (it has never been polled).
 *
 * <h2>No lost wake</h2>
 * A child's wake does: CAS its {@code queued} flag 0 to 1; if that succeeded, enqueue the child,
 * then wake the parent waker read from {@link #parent}. The poller does: store its current waker in
 * {@link #parent} ({@link #beginPass}), then dequeue children, clearing each one's flag (volatile
 * write) before polling it. All of these are volatile/atomic accesses, hence totally ordered
 * (sequentially consistent). So:
 * <ul>
 *   <li>a wake whose enqueue comes after the poller's last dequeue reads the parent waker after the
 *       poller stored it, and wakes the latest waker: the parent is polled again;
 *   <li>a wake that finds the flag already set happened before the poller cleared it, hence before
 *       the child's poll, which therefore observes whatever event the waker signalled (the event is
 *       published before the wake, with the same ordering guarantees).
 * </ul>
 *
 * <h2>Fairness</h2>
 * A child that wakes itself while being polled (a yield) is re-queued; meeting it a second time in
 * the same pass ends the pass (it goes back on the queue, and its wake already woke the parent), so
 * one parent poll polls each child at most once.
 */
final class ReadyChildren {
    private final ConcurrentLinkedQueue<Child> queue = new ConcurrentLinkedQueue<>();
    /** The waker of the parent's latest poll; read by child wakers on any thread. */
    private final AtomicReference<Waker> parent = new AtomicReference<>();
    private final Child[] children;
    /** Number of the current parent poll; poller-only. Wrapping after 2^32 polls is harmless. */
    private int pass;

    ReadyChildren(int count) {
        children = new Child[count];
        for (int i = 0; i < count; i++) {
            children[i] = new Child(i, this);
            queue.add(children[i]);
        }
    }

    /** Starts a parent poll: later wakes go to {@code waker}. Call before {@link #next()}. */
    void beginPass(Waker waker) {
        if (parent.get() != waker) parent.set(waker);
        pass++;
    }

    /**
     * The next woken child to poll in this pass, its ready mark cleared; or -1 if none is left for
     * this pass.
     */
    int next() {
        Child c = queue.poll();
        if (c == null) return -1;
        if (c.lastPass == pass) {
            queue.add(c); // still marked queued; its wake during this pass woke the parent
            return -1;
        }
        c.lastPass = pass;
        QUEUED.setVolatile(c, 0); // before polling the child: a wake from now on queues it again
        return c.index;
    }

    /** The context to poll child {@code index} with. */
    Context contextOf(int index) {
        return children[index].context;
    }

    private static final VarHandle QUEUED;

    static {
        try {
            QUEUED = MethodHandles.lookup().findVarHandle(Child.class, "queued", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** One child's waker and context. */
    private static final class Child implements Waker {
        final int index;
        final ReadyChildren owner;
        final Context context;
        /** 1 while in the queue (or being re-queued), 0 otherwise; CAS by wakers, cleared by the poller. */
        volatile int queued = 1;
        /** The pass that last polled this child; poller-only. */
        int lastPass;

        Child(int index, ReadyChildren owner) {
            this.index = index;
            this.owner = owner;
            this.context = Context.of(this);
        }

        @Override
        public void wake() {
            if (!QUEUED.compareAndSet(this, 0, 1)) return; // already queued: the poll will see it
            owner.queue.add(this);
            Waker w = owner.parent.get();
            if (w != null) w.wake();
        }

        @Override
        public String toString() {
            return "joinAll child waker #" + index;
        }
    }
}
