package dev.ratchet.internal.task;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** A scheduler whose run queue the test drains by hand; counts submissions and releases. */
final class ManualScheduler implements Scheduler {
    final LinkedBlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    final AtomicInteger scheduled = new AtomicInteger();
    final AtomicInteger released = new AtomicInteger();
    /** The per-poll budget of the tasks' polls. */
    volatile int budget = 128;

    @Override
    public int budget() {
        return budget;
    }

    /** The clock tick tasks stamp at the end of each poll; tests set it. */
    volatile int stamp = 1;

    @Override
    public int pollStamp() {
        return stamp;
    }

    @Override
    public void schedule(Task<?> task) {
        scheduled.incrementAndGet();
        queue.add(task);
    }

    @Override
    public void release(Task<?> task) {
        released.incrementAndGet();
    }

    /** Runs queued tasks on this thread until the queue is empty; returns the number of runs. */
    int drain() {
        int n = 0;
        Task<?> t;
        while ((t = queue.poll()) != null) {
            n++;
            if (t.run()) schedule(t);
        }
        return n;
    }
}
