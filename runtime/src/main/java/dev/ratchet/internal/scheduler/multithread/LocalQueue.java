package dev.ratchet.internal.scheduler.multithread;

import dev.ratchet.internal.scheduler.InjectQueue;
import dev.ratchet.internal.scheduler.Rings;
import dev.ratchet.internal.task.Task;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A worker's run queue: a bounded ring buffer that its owner pushes to and pops from, and that
 * other workers steal half of (Tokio's {@code runtime/scheduler/multi_thread/queue.rs}).
 *
 * <p>Indices are {@code int}s that wrap; slot {@code i} is {@code buffer[i & MASK]}. {@link
 * #head} packs two indices in a {@code long}: {@code steal} (high half) and {@code real} (low
 * half). {@code real} is the next slot the owner pops; {@code steal} trails it while a stealer
 * copies slots {@code [steal, real)} out; when no steal is in progress they are equal. {@link
 * #tail} is the next free slot; only the owner writes it.
 *
 * <h2>Owner and stealers</h2>
 * Methods named {@code owner*} may only be called by the owning worker thread; {@link
 * #stealInto} is called by another worker (the thief), which is the owner of the destination.
 *
 * <h2>Memory ordering</h2>
 * <ul>
 *   <li>The owner writes a slot, then publishes it with a release store of {@code tail}; a thief
 *       reads {@code tail} with acquire before reading slots, so it sees the task.
 *   <li>The owner never writes a slot in {@code [steal, tail)}: pushing checks {@code tail -
 *       steal < CAPACITY}. A thief reads its claimed slots before its final CAS of {@code head}
 *       ({@code steal := real}); the owner's next push reads {@code head} (acquire of that CAS)
 *       before reusing those slots. So slot reads and writes never race although the buffer is a
 *       plain array.
 *   <li>Claims are CASes on {@code head}: owner pops and thieves' claims are linearized there.
 * </ul>
 */
final class LocalQueue {
    static final int CAPACITY = 256; // a power of two
    private static final int MASK = CAPACITY - 1;

    private static final VarHandle HEAD;
    private static final VarHandle TAIL;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            HEAD = l.findVarHandle(LocalQueue.class, "head", long.class);
            TAIL = l.findVarHandle(LocalQueue.class, "tail", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Plain array; see "Memory ordering" for why accesses do not race. */
    private final Task<?>[] buffer = new Task<?>[CAPACITY];
    /** Packed (steal, real); see the class documentation. */
    private volatile long head;
    /** Next free slot; written only by the owner (release), read by thieves (acquire). */
    private volatile int tail;

    private static long pack(int steal, int real) {
        return ((long) steal << 32) | (real & 0xFFFF_FFFFL);
    }

    private static int stealPart(long packed) {
        return (int) (packed >>> 32);
    }

    private static int realPart(long packed) {
        return (int) packed;
    }

    /** Approximate number of queued tasks (exact for the owner). */
    int size() {
        long h = head;
        return tail - realPart(h);
    }

    boolean isEmpty() {
        return size() <= 0;
    }

    /** Whether at least one more task fits without overflowing (owner). */
    boolean ownerHasRoom() {
        int t = (int) TAIL.get(this);
        return t - stealPart(head) < CAPACITY;
    }

    /**
     * Owner: appends {@code task}. When the buffer is full, moves half of it plus {@code task} to
     * {@code overflow} in one batch (so the next pushes are cheap again); when a thief is busy
     * copying, pushes {@code task} to {@code overflow} directly.
     *
     * @return whether the caller must announce the work to parked workers: the queue was empty
     *     (nothing left to take between {@code real} and {@code tail}), or the work went to
     *     {@code overflow}. A push onto a non-empty queue need not: see the package
     *     documentation, "No lost wake-up".
     */
    boolean ownerPush(Task<?> task, InjectQueue overflow) {
        while (true) {
            long h = (long) HEAD.getAcquire(this);
            int steal = stealPart(h);
            int real = realPart(h);
            int t = (int) TAIL.get(this); // only we write it
            if (t - steal < CAPACITY) {
                buffer[t & MASK] = task;
                TAIL.setRelease(this, t + 1); // publishes the slot to thieves
                return t == real;
            }
            if (steal != real) {
                // A thief is copying out and will free room soon; do not wait for it.
                overflow.push(task);
                return true;
            }
            if (pushOverflow(task, real, t, overflow)) return true;
            // A thief claimed tasks meanwhile: there is room now, retry.
        }
    }

    /** Owner, queue full: claims the older half and moves it with {@code task} to {@code overflow}. */
    private boolean pushOverflow(Task<?> task, int real, int t, InjectQueue overflow) {
        final int half = CAPACITY / 2;
        assert t - real == CAPACITY : "queue is not full: " + (t - real);
        long expected = pack(real, real);
        // Claim [real, real + half) as if we were a thief that finishes at once.
        if (!HEAD.compareAndSet(this, expected, pack(real + half, real + half))) return false;
        // [real, real + half) is ours now: no thief or pop touches it (it is before steal).
        overflow.pushBatch(buffer, MASK, real, half, task);
        Rings.clear(buffer, MASK, real, half);
        return true;
    }

    /**
     * Owner: appends {@code tasks[from, from + n)} in order, with one copy and one publication
     * when they fit (see {@link Rings} for why a copy), else one by one through {@link #ownerPush}.
     * The caller announces the work.
     */
    void ownerPushAll(Task<?>[] tasks, int from, int n, InjectQueue overflow) {
        int t = (int) TAIL.get(this); // only we write it
        if (t + n - stealPart((long) HEAD.getAcquire(this)) <= CAPACITY) {
            Rings.copy(tasks, -1, from, buffer, MASK, t, n); // outside [steal, tail): see ownerPush
            TAIL.setRelease(this, t + n); // publishes the slots to thieves
            return;
        }
        for (int i = from; i < from + n; i++) ownerPush(tasks[i], overflow);
    }

    /** Owner: removes the oldest task, or returns null if empty. */
    Task<?> ownerPop() {
        long h = (long) HEAD.getAcquire(this);
        while (true) {
            int steal = stealPart(h);
            int real = realPart(h);
            int t = (int) TAIL.get(this);
            if (real == t) return null;
            int nextReal = real + 1;
            // With no steal in progress both halves advance; otherwise only ours does.
            long next = steal == real ? pack(nextReal, nextReal) : pack(steal, nextReal);
            long witness = (long) HEAD.compareAndExchange(this, h, next);
            if (witness == h) {
                int idx = real & MASK;
                Task<?> task = buffer[idx];
                // A thief copying right now owns [steal, real) only; this slot is not in it.
                buffer[idx] = null;
                return task;
            }
            h = witness;
        }
    }

    /**
     * Thief (the owner of {@code dst}): moves half of this queue's tasks into {@code dst} and
     * returns one of them to run now, or null if there was nothing to steal (or another thief is
     * busy with this queue, or {@code dst} lacks room).
     */
    Task<?> stealInto(LocalQueue dst) {
        int dstTail = (int) TAIL.get(dst); // dst is ours
        int dstSteal = stealPart((long) HEAD.getAcquire(dst));
        if (dstTail - dstSteal > CAPACITY / 2) return null; // no room for half a queue
        int n = stealInto2(dst, dstTail);
        if (n == 0) return null;
        n--; // hand the last one back directly instead of queueing it
        int retIdx = (dstTail + n) & MASK;
        Task<?> ret = dst.buffer[retIdx];
        dst.buffer[retIdx] = null;
        if (n > 0) TAIL.setRelease(dst, dstTail + n);
        return ret;
    }

    private int stealInto2(LocalQueue dst, int dstTail) {
        long prev = (long) HEAD.getAcquire(this);
        long next;
        int n;
        int first;
        while (true) {
            int steal = stealPart(prev);
            int real = realPart(prev);
            if (steal != real) return 0; // another thief is copying
            int t = (int) TAIL.getAcquire(this);
            n = t - real;
            n = n - n / 2; // half, rounded up
            if (n <= 0) return 0;
            // Claim [real, real + n): real moves on, steal stays to protect the slots while we copy.
            next = pack(steal, real + n);
            long witness = (long) HEAD.compareAndExchange(this, prev, next);
            if (witness == prev) {
                first = real;
                break;
            }
            prev = witness;
        }
        // Ours until the CAS below: the owner does not touch [steal, real).
        Rings.copy(buffer, MASK, first, dst.buffer, MASK, dstTail, n);
        Rings.clear(buffer, MASK, first, n);
        // Release the slots: steal := real (the owner may have popped meanwhile, moving real).
        prev = next;
        while (true) {
            int real = realPart(prev);
            long done = pack(real, real);
            long witness = (long) HEAD.compareAndExchange(this, prev, done);
            if (witness == prev) return n;
            prev = witness;
        }
    }

    /** Owner, at shutdown once the worker stopped: forgets every entry. */
    void clear() {
        java.util.Arrays.fill(buffer, null);
        long h = head;
        HEAD.setVolatile(this, pack(tail, tail));
        assert stealPart(h) == realPart(h) : "no thief may run at shutdown";
    }
}
