package dev.ratchet.internal.scheduler;

import dev.ratchet.internal.task.Task;

/**
 * The shared run queue of an executor: FIFO, any thread pushes and pops. Holds spawns and wakes
 * from outside the workers, and the overflow of full local queues.
 *
 * <p>A growable ring buffer under this object's monitor. It is not intrusive on purpose: a link
 * field in {@link Task} would cost 4 bytes in every task, including the (many) suspended ones
 * that are in no queue, while the ring costs 4 bytes per <em>queued</em> task only. Pushing
 * allocates nothing once the ring has grown to the backlog. A ring grown past {@value
 * #SHRINK_ABOVE} slots is replaced by a small one when it drains, unless the last two backlogs
 * both needed it (more than {@value #SHRINK_ABOVE} tasks each), so that a burst that recurs (a
 * parent spawning 100 000 children in a loop) does not regrow the ring each time; and it is
 * replaced whenever a polling thread is about to park with nothing queued ({@link #trimIdle}),
 * so that a burst (200 000 spawns from outside, then everything waits) does not leave a megabyte
 * behind, however many times the ring drained during it. Batches (a local queue's overflow, a
 * worker's fair share) move with array copies in one lock acquisition. {@link #len} is volatile
 * so that pollers skip the lock when the queue is empty.
 */
public final class InjectQueue {
    private static final int INITIAL_CAPACITY = 64; // a power of two
    /** A drained ring longer than this is replaced (hysteresis: regrowing is rare and amortized). */
    private static final int SHRINK_ABOVE = 4096;

    /** The ring; its length is a power of two. Guarded by this. */
    private Task<?>[] ring = new Task<?>[INITIAL_CAPACITY];
    /** Index (unmasked, wrapping) of the oldest task. Guarded by this. */
    private int head;
    /** Number of queued tasks; written under the lock, read without it. */
    private volatile int len;
    /** Whether the backlog since the ring last drained needed a large ring. Guarded by this. */
    private boolean backlogLarge;
    /** {@link #backlogLarge} of the backlog drained last time. Guarded by this. */
    private boolean lastBacklogLarge;

    /** Tasks appended by {@link #submit} (metrics); guarded by this, counted under the push's lock. */
    private long submitted;

    /** Appends one task. */
    public void push(Task<?> task) {
        synchronized (this) {
            append(task);
        }
    }

    /**
     * Appends one task scheduled from outside the executor's polling threads (a spawn or a wake),
     * and counts it ({@link #submittedCount()}); overflow from local queues uses {@link #push}.
     */
    public void submit(Task<?> task) {
        synchronized (this) {
            append(task);
            submitted++;
        }
    }

    /** How many tasks {@link #submit} appended so far. */
    public synchronized long submittedCount() {
        return submitted;
    }

    /** Under the lock. */
    private void append(Task<?> task) {
        int n = len;
        if (n == ring.length) grow(n + 1);
        ring[(head + n) & (ring.length - 1)] = task;
        len = n + 1;
        if (n >= SHRINK_ABOVE) backlogLarge = true;
    }

    /**
     * Appends {@code n} tasks taken from another ring ({@code src[(start + i) & srcMask]} for
     * {@code i < n}, oldest first), then {@code last}; one lock acquisition. The caller owns those
     * source slots and clears them afterwards.
     */
    public void pushBatch(Task<?>[] src, int srcMask, int start, int n, Task<?> last) {
        synchronized (this) {
            int size = len;
            if (size + n + 1 > ring.length) grow(size + n + 1);
            int mask = ring.length - 1;
            int at = head + size;
            Rings.copy(src, srcMask, start, ring, mask, at, n); // not a loop: see Rings
            ring[(at + n) & mask] = last;
            len = size + n + 1;
            if (size + n >= SHRINK_ABOVE) backlogLarge = true;
        }
    }

    /** Removes the oldest task, or returns null if empty. */
    public Task<?> pop() {
        if (len == 0) return null;
        synchronized (this) {
            int n = len;
            if (n == 0) return null;
            int idx = head & (ring.length - 1);
            Task<?> t = ring[idx];
            ring[idx] = null;
            head++;
            len = n - 1;
            if (n == 1) drained();
            return t;
        }
    }

    /**
     * Removes up to {@code max} oldest tasks into {@code dst[0..k)}, oldest first, and returns
     * {@code k} (0 if empty).
     */
    public int popBatch(Task<?>[] dst, int max) {
        if (len == 0) return 0;
        synchronized (this) {
            int k = Math.min(len, Math.min(max, dst.length));
            int mask = ring.length - 1;
            Rings.copy(ring, mask, head, dst, -1, 0, k);
            Rings.clear(ring, mask, head, k);
            head += k;
            len = len - k;
            if (len == 0) drained();
            return k;
        }
    }

    /**
     * A polling thread is about to park for lack of work: with nothing queued, a ring grown past
     * {@value #SHRINK_ABOVE} slots is replaced by a small one. Cheap when there is nothing to do
     * (a volatile read and a racy length check; the lock only to drop).
     */
    public void trimIdle() {
        if (len != 0 || ring.length <= SHRINK_ABOVE) return;
        synchronized (this) {
            if (len == 0 && ring.length > SHRINK_ABOVE) {
                ring = new Task<?>[INITIAL_CAPACITY];
                head = 0;
            }
        }
    }

    /** Under the lock, once empty: drops a large ring unless large backlogs recur. */
    private void drained() {
        if (ring.length > SHRINK_ABOVE && !(backlogLarge && lastBacklogLarge)) {
            ring = new Task<?>[INITIAL_CAPACITY];
            head = 0;
        }
        lastBacklogLarge = backlogLarge;
        backlogLarge = false;
    }

    /** Under the lock: a ring with room for {@code needed} tasks, the queued ones at its start. */
    private void grow(int needed) {
        int capacity = ring.length;
        while (capacity < needed) capacity <<= 1;
        Task<?>[] bigger = new Task<?>[capacity];
        Rings.copy(ring, ring.length - 1, head, bigger, -1, 0, len);
        ring = bigger;
        head = 0;
    }

    public boolean isEmpty() {
        return len == 0;
    }

    public int size() {
        return len;
    }

    /** The ring's current length (tests: growth and shrinking). */
    synchronized int capacity() {
        return ring.length;
    }

    /** Empties the queue (at shutdown: the tasks stay in the registry). */
    public synchronized void clear() {
        java.util.Arrays.fill(ring, null);
        head = 0;
        len = 0;
        backlogLarge = false;
        lastBacklogLarge = false;
    }
}
