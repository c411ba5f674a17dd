package dev.ratchet.internal.scheduler;

import dev.ratchet.internal.task.Task;

/**
 * The shared run queue of an executor: FIFO, any thread pushes and pops. Holds spawns and wakes
 * from outside the workers, and the overflow of full local queues.
 *
 * <p>An intrusive singly-linked list through {@link Task#queueNext()} under this object's monitor:
 * pushing allocates nothing (a task is in at most one queue at a time, by the {@code NOTIFIED}
 * invariant of the state word, so one link field suffices). {@link #len} is volatile so that
 * pollers can skip the lock when the queue is empty.
 */
public final class InjectQueue {
    /** Guarded by this. */
    private Task<?> head;
    /** Guarded by this. */
    private Task<?> tail;
    /** Number of queued tasks; written under the lock, read without it. */
    private volatile int len;

    /** Appends one task. */
    public void push(Task<?> task) {
        task.setQueueNext(null);
        synchronized (this) {
            if (tail == null) head = task;
            else tail.setQueueNext(task);
            tail = task;
            len = len + 1;
        }
    }

    /**
     * Appends a chain of {@code n} tasks already linked through {@link Task#queueNext()} (the last
     * one's link null), in one lock acquisition.
     */
    public void pushChain(Task<?> first, Task<?> last, int n) {
        last.setQueueNext(null);
        synchronized (this) {
            if (tail == null) head = first;
            else tail.setQueueNext(first);
            tail = last;
            len = len + n;
        }
    }

    /** Removes the oldest task, or returns null if empty. */
    public Task<?> pop() {
        if (len == 0) return null;
        synchronized (this) {
            Task<?> t = head;
            if (t == null) return null;
            head = t.queueNext();
            if (head == null) tail = null;
            t.setQueueNext(null);
            len = len - 1;
            return t;
        }
    }

    /**
     * Removes up to {@code max} oldest tasks as a chain linked through {@link Task#queueNext()}
     * (walk it, reading each link before reusing the task); null if empty.
     */
    public Task<?> popChain(int max) {
        if (len == 0) return null;
        synchronized (this) {
            Task<?> first = head;
            if (first == null) return null;
            Task<?> last = first;
            int n = 1;
            while (n < max && last.queueNext() != null) {
                last = last.queueNext();
                n++;
            }
            head = last.queueNext();
            if (head == null) tail = null;
            last.setQueueNext(null);
            len = len - n;
            return first;
        }
    }

    public boolean isEmpty() {
        return len == 0;
    }

    public int size() {
        return len;
    }

    /** Empties the queue (at shutdown: the tasks stay in the registry). */
    public synchronized void clear() {
        Task<?> t = head;
        while (t != null) {
            Task<?> next = t.queueNext();
            t.setQueueNext(null);
            t = next;
        }
        head = null;
        tail = null;
        len = 0;
    }
}
