package dev.ratchet.internal.task;

import dev.ratchet.internal.CacheLinePadding;
import dev.ratchet.internal.lock.SpinLock;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The live (not yet complete) tasks of one executor: what {@code close()} cancels, and what task
 * dumps and metrics list.
 *
 * <h2>Why slots, and a shard per worker</h2>
 * Every spawn and every completion passes here, and in a fan-out they happen on different
 * workers: the parent spawns on one, the children complete on all of them. A registry where both
 * take a shared lock (sharded lists, as in Tokio's {@code OwnedTasks}) moves the lock's cache line
 * between cores at nearly every spawn and completion; measured on W1 (100 000 spawns), that was a
 * fifth of the executor's time. So:
 * <ul>
 *   <li>A task is added to the shard of the thread that spawns it: each worker has its own, so its
 *       lock and table stay in that core's cache. Other threads use shared shards, chosen by task id.
 *   <li>A task sits in a slot of its shard's table. Removing it is one store of {@code null} into
 *       that slot, by whichever thread completes the task, with no lock: it touches no other task
 *       (an intrusive list would write to the neighbours, which are cold) and no shared line but
 *       the slot's own.
 *   <li>Only the shard's adder reuses free slots: under the lock it probes a few slots after a
 *       moving cursor and takes the first free one, else appends (the table grows by chunks).
 * </ul>
 *
 * <h2>Invariants</h2>
 * <ul>
 *   <li>A slot holds a task from the {@link #add} that filled it until that task's {@link #remove};
 *       only then can an {@code add} fill it again. Removal clears with a release store and adders
 *       probe with acquire loads, so an adder that saw a slot free cannot later have the removal's
 *       {@code null} overwrite the task it put there (the removal happens-before the refill).
 *   <li>A task's {@link Task#registryShard} and {@link Task#registrySlot} are written under the
 *       shard's lock by {@code add}, before the task is scheduled; the scheduling publishes them to
 *       the thread that completes it. {@link #remove} is called once per task (it clears them).
 *   <li>{@code closed} is set under each shard's lock by {@link #close()}: a spawn racing it is
 *       either added before its shard closed (and a later {@link #snapshot()} finds it) or rejected,
 *       never lost in between.
 *   <li>Chunks are never moved or dropped, only the array that lists them is replaced when it grows,
 *       so a remover's unlocked read of that array finds the task's chunk (it was there when the
 *       task was added, which happens-before the removal).
 *   <li>Readers ({@link #snapshot()}, {@link #size()}, {@link #find}) take each shard's lock for a
 *       consistent table and read slots with acquire loads; a task removed concurrently may still be
 *       seen, so they skip tasks already complete.
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
     * A table of task slots and its lock. The padding of the superclass keeps it off the previous
     * shard's lines. Every field is guarded by {@link #lock}, except that removals clear slots
     * without it (see the class invariants).
     */
    static final class Shard extends CacheLinePadding {
        final SpinLock lock = new SpinLock();
        /** The table, in chunks of {@value #CHUNK} slots; read without the lock by removers. */
        Task<?>[][] chunks = new Task<?>[0][];
        /** Slots {@code [0, used)} have been handed out at least once. */
        int used;
        /** Where the next probe for a free slot starts. */
        int cursor;
        /** Set once by close(). */
        boolean closed;
        /** Tasks ever added (metrics: tasks spawned). */
        long added;

        /** A slot for a new task: a free one among the next {@value #PROBES} after the cursor, else a new one. */
        int freeSlot() {
            for (int probes = Math.min(PROBES, used); probes > 0; probes--) {
                int i = cursor;
                cursor = i + 1 < used ? i + 1 : 0;
                if (get(i) == null) return i;
            }
            if ((used & (CHUNK - 1)) == 0) addChunk();
            return used++;
        }

        /** One more chunk (the list of chunks doubles when full): the table grows by 1 KB at a time. */
        private void addChunk() {
            int c = used >>> CHUNK_SHIFT;
            if (c == chunks.length) chunks = Arrays.copyOf(chunks, Math.max(4, c * 2));
            chunks[c] = new Task<?>[CHUNK];
        }

        Task<?> get(int slot) {
            return (Task<?>) SLOT.getAcquire(chunks[slot >>> CHUNK_SHIFT], slot & (CHUNK - 1));
        }

        void set(int slot, Task<?> task) {
            SLOT.setRelease(chunks[slot >>> CHUNK_SHIFT], slot & (CHUNK - 1), task);
        }
    }

    /**
     * Registers a new task, in the shard of polling thread {@code owner} if it is the caller (a
     * worker spawning), else in a shared one ({@code owner} -1).
     *
     * @throws IllegalStateException "executor is closed" once {@link #close()} has run
     */
    public void add(Task<?> task, int owner) {
        Shard s = owner >= 0 ? owned[owner] : shared[task.id() & (SHARED_SHARDS - 1)];
        s.lock.lock();
        try {
            if (s.closed) throw new IllegalStateException("executor is closed");
            int slot = s.freeSlot();
            s.set(slot, task);
            task.registryShard = s;
            task.registrySlot = slot;
            s.added++;
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
        forEachShard(s -> s.closed = true);
    }

    /** The registered tasks at this moment. */
    public List<Task<?>> snapshot() {
        List<Task<?>> all = new ArrayList<>();
        forEachLive(all::add);
        return all;
    }

    /** How many tasks were ever registered (spawned). Counted under the locks {@link #add} takes anyway. */
    public long addedCount() {
        long[] n = {0};
        forEachShard(s -> n[0] += s.added);
        return n[0];
    }

    /** How many tasks are registered (live). A scan: for metrics and tests, not hot paths. */
    public int size() {
        int[] n = {0};
        forEachLive(t -> n[0]++);
        return n[0];
    }

    /** Slots handed out so far, over all shards (tests: that removed slots are reused). */
    int slotsUsed() {
        int[] n = {0};
        forEachShard(s -> n[0] += s.used);
        return n[0];
    }

    private void forEachLive(Consumer<Task<?>> action) {
        forEachShard(s -> {
            for (int i = 0; i < s.used; i++) {
                Task<?> t = s.get(i);
                if (t != null && !t.isComplete()) action.accept(t);
            }
        });
    }

    /** Runs {@code action} on each shard under its lock. */
    private void forEachShard(Consumer<Shard> action) {
        for (Shard[] group : new Shard[][] {owned, shared}) {
            for (Shard s : group) {
                s.lock.lock();
                try {
                    action.accept(s);
                } finally {
                    s.lock.unlock();
                }
            }
        }
    }
}
