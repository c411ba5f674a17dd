package dev.ratchet.internal.task;

import dev.ratchet.internal.CacheLinePadding;
import dev.ratchet.internal.lock.SpinLock;
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
 * completion on the other would bounce a shared line. And a shard's lock is a {@link SpinLock}:
 * one CAS to take it, a release store to drop it, where a {@code synchronized} block costs an
 * atomic on each side. Its critical sections are a few pointer writes (a scan, for diagnostics
 * and {@code close()}).
 */
public final class TaskRegistry {
    private static final int SHARDS = 16; // a power of two

    private final Shard[] shards = new Shard[SHARDS];

    public TaskRegistry() {
        for (int i = 0; i < SHARDS; i++) shards[i] = new Shard();
    }

    /**
     * One list and its lock. The padding of the superclass keeps it off the previous shard's
     * lines (shards are allocated one after the other, each followed by its lock). Every field is
     * guarded by {@link #lock}.
     */
    private static final class Shard extends CacheLinePadding {
        final SpinLock lock = new SpinLock();
        /** First task of the list; guarded, like the tasks' links. */
        Task<?> head;
        /** Set once by close(); guarded. */
        boolean closed;
        int size;
        /** Tasks ever added (metrics: tasks spawned); guarded. */
        long added;
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
        s.lock.lock();
        try {
            if (s.closed) throw new IllegalStateException("executor is closed");
            task.registryNext = s.head;
            if (s.head != null) s.head.registryPrev = task;
            s.head = task;
            s.size++;
            s.added++;
        } finally {
            s.lock.unlock();
        }
    }

    /** Unregisters a task that completed; does nothing if it is not registered. */
    public void remove(Task<?> task) {
        Shard s = shardOf(task);
        s.lock.lock();
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
            s.lock.unlock();
        }
    }

    /** The live task with this id, or null (diagnostics: scans one shard). */
    public Task<?> find(int id) {
        Shard s = shards[id & (SHARDS - 1)];
        s.lock.lock();
        try {
            for (Task<?> t = s.head; t != null; t = t.registryNext) if (t.id() == id) return t;
        } finally {
            s.lock.unlock();
        }
        return null;
    }

    /** Refuses every later {@link #add}. Idempotent. */
    public void close() {
        for (Shard s : shards) {
            s.lock.lock();
            try {
                s.closed = true;
            } finally {
                s.lock.unlock();
            }
        }
    }

    /** The registered tasks at this moment. */
    public List<Task<?>> snapshot() {
        List<Task<?>> all = new ArrayList<>();
        for (Shard s : shards) {
            s.lock.lock();
            try {
                for (Task<?> t = s.head; t != null; t = t.registryNext) all.add(t);
            } finally {
                s.lock.unlock();
            }
        }
        return all;
    }

    /** How many tasks were ever registered (spawned). Counted under the locks {@link #add} takes anyway. */
    public long addedCount() {
        long n = 0;
        for (Shard s : shards) {
            s.lock.lock();
            try {
                n += s.added;
            } finally {
                s.lock.unlock();
            }
        }
        return n;
    }

    /** How many tasks are registered (live). */
    public int size() {
        int n = 0;
        for (Shard s : shards) {
            s.lock.lock();
            try {
                n += s.size;
            } finally {
                s.lock.unlock();
            }
        }
        return n;
    }
}
