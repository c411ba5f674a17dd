package dev.ratchet.net;

import static org.junit.jupiter.api.Assertions.fail;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Test-only single-threaded executor: polls many futures on the thread that calls {@link #run},
 * round-robin over the woken ones (a FIFO ready queue), parking when none is ready. Each poll
 * gets a fresh budget of {@link #BUDGET} units, so the runtime's budget-yield path is exercised.
 */
public final class TaskLoop {
    static final int BUDGET = 32;

    private final ConcurrentLinkedQueue<Task<?>> ready = new ConcurrentLinkedQueue<>();
    private final AtomicInteger live = new AtomicInteger();
    private final AtomicLong polls = new AtomicLong();
    private volatile Thread runner;

    /** Adds a task (from any thread before {@link #run}, or from a task during it). */
    public <T> CompletableFuture<T> spawn(Future<T> future) {
        Task<T> task = new Task<>(future);
        live.incrementAndGet();
        task.wake();
        return task.result;
    }

    /** Runs until every task has completed; fails the test after {@code timeout}. */
    public void run(Duration timeout) {
        runner = Thread.currentThread();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (live.get() > 0) {
            Task<?> task = ready.poll();
            if (task != null) {
                task.poll();
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) fail(live.get() + " tasks still pending after " + timeout);
            LockSupport.parkNanos(this, left); // a wake unparks us (or left a permit)
        }
    }

    /** Total polls made (to check that tasks were not polled in a busy loop). */
    public long polls() {
        return polls.get();
    }

    private final class Task<T> {
        final Future<T> future;
        final CompletableFuture<T> result = new CompletableFuture<>();
        final Context cx = Context.withBudget(this::wake, BUDGET);
        /** Whether the task is in the ready queue; cleared before each poll so a wake during it re-queues. */
        final AtomicBoolean scheduled = new AtomicBoolean();

        Task(Future<T> future) {
            this.future = future;
        }

        void wake() {
            if (result.isDone()) return;
            if (scheduled.compareAndSet(false, true)) {
                ready.add(this);
                Thread r = runner;
                if (r != null) LockSupport.unpark(r);
            }
        }

        void poll() {
            scheduled.set(false);
            if (result.isDone()) return;
            polls.incrementAndGet();
            cx.refillBudget(BUDGET);
            try {
                Poll<T> p = future.poll(cx);
                if (p.isPending()) return;
                result.complete(p.value());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
            live.decrementAndGet();
        }
    }
}
