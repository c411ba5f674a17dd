package dev.ratchet.samples.scratch;

import java.time.Duration;

/**
 * The four roles of Rust's async model, from scratch in plain Java: a future ({@link
 * TimerFuture}), a task and its waker and an executor ({@link MiniExecutor}). No processor, no
 * Ratchet runtime — only the {@code Future}, {@code Poll}, {@code Context} and {@code Waker}
 * interfaces.
 */
public final class FromScratch {
    private FromScratch() {}

    public static void main(String[] args) throws InterruptedException {
        run();
    }

    /** Spawns two timers and runs the executor until both are done. */
    public static void run() throws InterruptedException {
        MiniExecutor executor = new MiniExecutor();
        System.out.println("  creating two TimerFutures (their timer threads start, nothing is polled yet)");
        executor.spawn(new TimerFuture(Duration.ofMillis(150)));
        executor.spawn(new TimerFuture(Duration.ofMillis(50)));
        long start = System.nanoTime();
        executor.run();
        System.out.printf("  both timers done after %d ms: each task was polled once, then once more when woken%n",
                (System.nanoTime() - start) / 1_000_000);
    }
}
