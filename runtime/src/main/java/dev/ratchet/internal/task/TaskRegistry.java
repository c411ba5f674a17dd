package dev.ratchet.internal.task;

import dev.ratchet.internal.CacheLinePadding;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * The live (not yet complete) tasks of one executor: what {@code close()} cancels, and what a
 * later task dump will list.
 *
 * <p>Sharded intrusive doubly-linked lists (links live in the {@link Task}), one lock per shard,
 * shard chosen by task id: adding and removing allocate nothing and two workers rarely contend
 * (Tokio's {@code OwnedTasks}). Each shard has its own {@code closed} flag, set under its lock by
 * {@link #close()}: a spawn racing {@code close()} is either added before its shard closed (and
 * then {@code close()} finds it) or rejected — never lost in between.
 *
 * <p>Every spawn and every completion passes here, usually on different workers, so two things
 * matter. Each shard sits on cache lines of its own (padding), or a spawn on one worker and a
 * completion on the other would bounce a shared line. And a shard's lock is a spin lock: one CAS
 * to take it, a release store to drop it, where a {@code synchronized} block costs a CAS on each
 * side. Its critical sections are a few pointer writes (a scan, for diagnostics and {@code
 * close()}), so a waiter spins briefly and then yields its core to a holder that was preempted.
 */
public final class TaskRegistry {
    private static final int SHARDS = 16; // a power of two
    /** Spins with {@link Thread#onSpinWait()} before a contended lock starts yielding its core. */
    private static final int SPINS = 64;
    private static final VarHandle LOCKED;

    static {
        try {
            LOCKED = MethodHandles.lookup().findVarHandle(Shard.class, "locked", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Shard[] shards = new Shard[SHARDS];

    public TaskRegistry() {
        for (int i = 0; i < SHARDS; i++) shards[i] = new Shard();
    }

    /**
     * One list and its lock. The padding of the superclass keeps it off the previous shard's
     * lines (shards are allocated one after the other). Every field but {@code locked} is guarded
     * by the lock: taking it (a CAS, volatile) reads what the last holder wrote before releasing
     * it (a release store).
     */
    private static final class Shard extends CacheLinePadding {
        /** 1 while a thread holds this shard's lock. */
        volatile int locked;
        /** First task of the list; guarded, like the tasks' links. */
        Task<?> head;
        /** Set once by close(); guarded. */
        boolean closed;
        int size;
        /** Tasks ever added (metrics: tasks spawned); guarded. */
        long added;

        void lock() {
            if (!LOCKED.compareAndSet(this, 0, 1)) lockContended();
        }

        private void lockContended() {
            for (int spins = 0; ; spins++) {
                if (locked == 0 && LOCKED.compareAndSet(this, 0, 1)) return;
                if (spins < SPINS) Thread.onSpinWait();
                else Thread.yield();
            }
        }

        void unlock() {
            LOCKED.setRelease(this, 0);
        }
    }

    private Shard shardOf(Task<?> task) {
        return shards[(int) task.id() & (SHARDS - 1)];
    }

    /**
     * Registers a new task.
     *
     * @throws IllegalStateException "executor is closed" once {@link #close()} has run
     */
    public void add(Task<?> task) {
        Shard s = shardOf(task);
        s.lock();
        try {
            if (s.closed) throw new IllegalStateException("executor is closed");
            task.registryNext = s.head;
            if (s.head != null) s.head.registryPrev = task;
            s.head = task;
            s.size++;
            s.added++;
        } finally {
            s.unlock();
        }
    }

    /** Unregisters a task that completed; does nothing if it is not registered. */
    public void remove(Task<?> task) {
        Shard s = shardOf(task);
        s.lock();
        try {
            Task<?> prev = task.registryPrev;
            Task<?> next = task.registryNext;
            if (prev == null && s.head != task) return; // not linked
            if (prev == null) s.head = next;
            else prev.registryNext = next;
            if (next != null) next.registryPrev = prev;
            task.registryPrev = null;
            task.registryNext = null;
            s.size--;
        } finally {
            s.unlock();
        }
    }

    /** The live task with this id, or null (diagnostics: scans one shard). */
    public Task<?> find(int id) {
        Shard s = shards[id & (SHARDS - 1)];
        s.lock();
        try {
            for (Task<?> t = s.head; t != null; t = t.registryNext) if (t.id() == id) return t;
        } finally {
            s.unlock();
        }
        return null;
    }

    /** Refuses every later {@link #add}. Idempotent. */
    public void close() {
        for (Shard s : shards) {
            s.lock();
            try {
                s.closed = true;
            } finally {
                s.unlock();
            }
        }
    }

    /** The registered tasks at this moment. */
    public List<Task<?>> snapshot() {
        List<Task<?>> all = new ArrayList<>();
        for (Shard s : shards) {
            s.lock();
            try {
                for (Task<?> t = s.head; t != null; t = t.registryNext) all.add(t);
            } finally {
                s.unlock();
            }
        }
        return all;
    }

    /** How many tasks were ever registered (spawned). Counted under the locks {@link #add} takes anyway. */
    public long addedCount() {
        long n = 0;
        for (Shard s : shards) {
            s.lock();
            try {
                n += s.added;
            } finally {
                s.unlock();
            }
        }
        return n;
    }

    /** How many tasks are registered (live). */
    public int size() {
        int n = 0;
        for (Shard s : shards) {
            s.lock();
            try {
                n += s.size;
            } finally {
                s.unlock();
            }
        }
        return n;
    }
}
