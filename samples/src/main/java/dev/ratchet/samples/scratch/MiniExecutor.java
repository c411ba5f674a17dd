package dev.ratchet.samples.scratch;

import dev.ratchet.Context;
import dev.ratchet.Future;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The smallest useful executor: a queue of ready tasks, and tasks whose waker sends the task back
 * into that queue — Tokio's "async in depth" executor, in Java.
 *
 * <pre>{@code
 * MiniExecutor ex = new MiniExecutor();
 * ex.spawn(new TimerFuture(Duration.ofMillis(200)));
 * ex.run();   // returns once every spawned task has completed
 * }</pre>
 */
final class MiniExecutor {
    /** Tasks ready to be polled. A woken task puts itself here (the channel of the seeds). */
    private final BlockingQueue<Task> ready = new LinkedBlockingQueue<>();
    private final AtomicInteger live = new AtomicInteger();

    /** Wraps {@code future} into a task and schedules its first poll. Runs nothing yet. */
    void spawn(Future<?> future) {
        live.incrementAndGet();
        ready.add(new Task(future));
    }

    /** Polls tasks as they are woken, until every task has completed. */
    void run() throws InterruptedException {
        while (live.get() > 0) {
            Task task = ready.take(); // blocks (no busy loop) until some waker fires
            task.poll();
        }
    }

    /** A spawned future plus its waker. The waker is the task itself: waking re-queues it. */
    private final class Task {
        private final Future<?> future;
        private final Context cx = Context.of(this::schedule);
        private boolean done; // only touched by the executor thread

        Task(Future<?> future) {
            this.future = future;
        }

        void schedule() {
            ready.add(this);
        }

        void poll() {
            if (done) return; // a stale wake after completion does nothing
            System.out.println("  [executor] polling " + future.getClass().getSimpleName());
            if (future.poll(cx).isReady()) {
                done = true;
                live.decrementAndGet();
            }
        }
    }
}
