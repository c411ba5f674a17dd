package dev.ratchet.internal.task;

import dev.ratchet.internal.CacheLinePadding;
import dev.ratchet.internal.lock.SpinLock;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * The live (not yet complete) tasks of one executor: what {@code close()} cancels, and what task
 * dumps and metrics list.
 *
 * <h2>Why slots, and a shard per polling thread</h2>
 * Every spawn and every completion passes here, and in a fan-out they happen on different
 * workers: the parent spawns on one, the children complete on all of them. A registry where both
 * take a shared lock (sharded lists, as in Tokio's {@code OwnedTasks}) moves the lock's cache line
 * between cores at nearly every spawn and completion; measured on W1 (100 000 spawns), that was a
 * fifth of the executor's time. So:
 * <ul>
 *   <li>A task spawned on a polling thread (a worker) goes into that thread's own shard, with no
 *       lock and no atomic: only that thread adds there. Other threads add to shared shards,
 *       chosen by task id, under the shard's lock.
 *   <li>A task sits in a slot of its shard's table. Removing it is one store of {@code null} into
 *       that slot, by whichever thread completes the task, with no lock: it touches no other task
 *       (an intrusive list would write to the neighbours, which are cold) and no shared line but
 *       the slot's own.
 *   <li>Only the shard's adder reuses free slots: it probes a few slots after a moving cursor and
 *       takes the first free one, else appends (the table grows by chunks).
 * </ul>
 *
 * <h2>Young chunks</h2>
 * Through JDK 25, G1's write barrier runs a full fence for each store of a young reference into
 * an old object, and a new task is young. A table that lives as long as its executor is old, so
 * every add would pay that fence. So when the adder's cursor enters a chunk that holds no task,
 * it puts a new array in its place: under a steady churn of short tasks the chunks being filled
 * are young. A chunk that still holds a task stays.
 *
 * <h2>Invariants</h2>
 * <ul>
 *   <li>One adder at a time per shard: an owned shard's polling thread (for a currentThread
 *       executor, whichever thread holds its core, which orders them), or the holder of a shared
 *       shard's lock.
 *   <li>A slot holds a task from the {@link #add} that filled it until that task's {@link #remove};
 *       only then can an {@code add} fill it again. Removal clears with a release store and adders
 *       probe with acquire loads, so an adder that saw a slot free cannot later have the removal's
 *       {@code null} overwrite the task it put there (the removal happens-before the refill).
 *   <li>A task's {@link Task#registryShard} and {@link Task#registrySlot} are written by {@code
 *       add} before the task is scheduled; the scheduling publishes them to the thread that
 *       completes it. {@link #remove} is called once per task (it clears them).
 *   <li>Chunks are never moved or dropped, only the array that lists them is replaced when it grows;
 *       a chunk is in place before {@code used} (a release store) counts its slots. So a remover's
 *       unlocked read finds its task's chunk (the add happened-before the removal), and a reader
 *       that loads {@code used} with acquire finds the chunks of every slot below it.
 *   <li>{@link #close()} sets every shard's volatile {@code closed} flag (a shared shard's under its
 *       lock). A spawn racing it is rejected or found by the {@link #snapshot()} that the executor
 *       takes after its polling threads stopped: a shared add before the shard closed is ordered by
 *       the lock; an owned add, by the executor's join of its polling thread (or its taking of the
 *       core) before that snapshot.
 *   <li>Readers ({@link #snapshot()}, {@link #size()}, {@link #find}) read slots with acquire loads;
 *       a task removed concurrently may still be seen, so they skip tasks already complete.
 * </ul>
 * The table keeps its largest size (4 bytes per slot), like the lists of the JDK.
 */
public final class TaskRegistry {
    private static final int SHARED_SHARDS = 16; // a power of two
    private static final int CHUNK_SHIFT = 8;
    private static final int CHUNK = 1 << CHUNK_SHIFT;
    /** Slots an adder probes for a free one before appending. */
    private static final int PROBES = 4;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Task[].class);

    /** One per polling thread, used by that thread only to add (anyone removes). */
    private final Shard[] owned;
    /** For spawns from any other thread, chosen by task id. */
    private final Shard[] shared = new Shard[SHARED_SHARDS];

    /** @param pollingThreads how many threads poll this executor's tasks: one owned shard each */
    public TaskRegistry(int pollingThreads) {
        owned = new Shard[pollingThreads];
        for (int i = 0; i < pollingThreads; i++) owned[i] = new Shard();
        for (int i = 0; i < SHARED_SHARDS; i++) shared[i] = new Shard();
    }

    /**
     * A table of task slots. The padding of the superclass keeps it off the previous shard's
     * lines. Written by its one adder at a time (see the class invariants), except that removals
     * clear slots and {@code close()} sets {@link #closed}.
     */
    static final class Shard extends CacheLinePadding {
        private static final VarHandle USED;
        private static final VarHandle ADDED;

        static {
            try {
                MethodHandles.Lookup l = MethodHandles.lookup();
                USED = l.findVarHandle(Shard.class, "used", int.class);
                ADDED = l.findVarHandle(Shard.class, "added", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        /** A shared shard's adders take it, and so does {@code close()}; an owned shard's never. */
        final SpinLock lock = new SpinLock();
        /** The table, in chunks of {@value #CHUNK} slots. */
        Task<?>[][] chunks = new Task<?>[0][];
        /** Slots {@code [0, used)} have been handed out at least once; written with release. */
        private int used;
        /** Where the next probe for a free slot starts; the adder's alone. */
        private int cursor;
        /** Set once by close(). */
        volatile boolean closed;
        /** Tasks ever added (metrics: tasks spawned); written by the adder, read racily (opaque). */
        private long added;

        /** Registers {@code task}; by the shard's one adder (see the class invariants). */
        void put(Task<?> task) {
            if (closed) throw new IllegalStateException("executor is closed");
            int slot = freeSlot();
            set(slot, task);
            task.registryShard = this;
            task.registrySlot = slot;
            ADDED.setOpaque(this, added + 1);
        }

        /** A slot for a new task: a free one among the next {@value #PROBES} after the cursor, else a new one. */
        private int freeSlot() {
            int n = used;
            for (int probes = Math.min(PROBES, n); probes > 0; probes--) {
                int i = cursor;
                cursor = i + 1 < n ? i + 1 : 0;
                if ((i & (CHUNK - 1)) == 0) renewIfEmpty(i >>> CHUNK_SHIFT);
                if (get(i) == null) return i;
            }
            if ((n & (CHUNK - 1)) == 0) addChunk(n >>> CHUNK_SHIFT);
            USED.setRelease(this, n + 1); // after the chunk: see the class invariants
            return n;
        }

        /**
         * The cursor enters chunk {@code c}: if none of its slots holds a task, a new array
         * replaces it (see "Young chunks"). Empty means every removal of a task in it has
         * written its {@code null} (only this adder fills slots), so no remover or later add
         * uses the old array; a reader still scanning it sees no task there, which is true.
         */
        private void renewIfEmpty(int c) {
            Task<?>[] chunk = chunks[c];
            for (int k = 0; k < CHUNK; k++) {
                if (SLOT.getAcquire(chunk, k) != null) return;
            }
            chunks[c] = new Task<?>[CHUNK];
        }

        /** Chunk {@code c} (the list of chunks doubles when full): the table grows by 1 KB at a time. */
        private void addChunk(int c) {
            if (c == chunks.length) chunks = Arrays.copyOf(chunks, Math.max(4, c * 2));
            chunks[c] = new Task<?>[CHUNK];
        }

        Task<?> get(int slot) {
            return (Task<?>) SLOT.getAcquire(chunks[slot >>> CHUNK_SHIFT], slot & (CHUNK - 1));
        }

        void set(int slot, Task<?> task) {
            SLOT.setRelease(chunks[slot >>> CHUNK_SHIFT], slot & (CHUNK - 1), task);
        }

        /** Slots handed out so far, as published to readers. */
        int used() {
            return (int) USED.getAcquire(this);
        }

        long added() {
            return (long) ADDED.getOpaque(this);
        }
    }

    /**
     * Registers a new task: in the shard of polling thread {@code owner}, which must be the
     * caller (a worker spawning), or, for {@code owner} -1, in a shared one.
     *
     * @throws IllegalStateException "executor is closed" once {@link #close()} has run
     */
    public void add(Task<?> task, int owner) {
        if (owner >= 0) {
            owned[owner].put(task);
            return;
        }
        Shard s = shared[task.id() & (SHARED_SHARDS - 1)];
        s.lock.lock();
        try {
            s.put(task);
        } finally {
            s.lock.unlock();
        }
    }

    /** Unregisters a task that completed (once per task; does nothing if it is not registered). */
    public void remove(Task<?> task) {
        Shard s = task.registryShard;
        if (s == null) return;
        task.registryShard = null;
        s.set(task.registrySlot, null); // no lock: see the class comment
    }

    /** The live task with this id, or null (diagnostics: scans every shard). */
    public Task<?> find(int id) {
        Task<?>[] found = new Task<?>[1];
        forEachLive(t -> {
            if (t.id() == id) found[0] = t;
        });
        return found[0];
    }

    /** Refuses every later {@link #add}. Idempotent. */
    public void close() {
        for (Shard s : owned) s.closed = true;
        forEachShared(s -> s.closed = true);
    }

    /** The registered tasks at this moment. */
    public List<Task<?>> snapshot() {
        List<Task<?>> all = new ArrayList<>();
        forEachLive(all::add);
        return all;
    }

    /** How many tasks were ever registered (spawned). */
    public long addedCount() {
        return sumOverShards(Shard::added);
    }

    /** How many tasks are registered (live). A scan: for metrics and tests, not hot paths. */
    public int size() {
        int[] n = {0};
        forEachLive(t -> n[0]++);
        return n[0];
    }

    /** Slots handed out so far, over all shards (tests: that removed slots are reused). */
    int slotsUsed() {
        return (int) sumOverShards(Shard::used);
    }

    /** Chunk {@code c} of polling thread {@code owner}'s shard (tests: which arrays were replaced). */
    Task<?>[] ownedChunk(int owner, int c) {
        return owned[owner].chunks[c];
    }

    /** A figure summed over every shard, read without locks (each read is atomic, not the sum). */
    private long sumOverShards(ToLongFunction<Shard> figure) {
        long n = 0;
        for (Shard s : owned) n += figure.applyAsLong(s);
        for (Shard s : shared) n += figure.applyAsLong(s);
        return n;
    }

    private void forEachLive(Consumer<Task<?>> action) {
        Consumer<Shard> scan = s -> {
            for (int i = 0, n = s.used(); i < n; i++) {
                Task<?> t = s.get(i);
                if (t != null && !t.isComplete()) action.accept(t);
            }
        };
        for (Shard s : owned) scan.accept(s);
        forEachShared(scan);
    }

    /** Runs {@code action} on each shared shard under its lock (ordered with its adds). */
    private void forEachShared(Consumer<Shard> action) {
        for (Shard s : shared) {
            s.lock.lock();
            try {
                action.accept(s);
            } finally {
                s.lock.unlock();
            }
        }
    }
}
