package dev.ratchet.samples;

import dev.ratchet.samples.scratch.FromScratch;
import java.util.List;

/**
 * The README's demo: a short tour of Rust's async model, in Java with Ratchet. Each stop is a
 * small sample class you can open and run on its own.
 */
public final class Tour {
    private Tour() {}

    /** One stop of the tour: a title, what it shows, and the code that shows it. */
    record Stop(String title, String source, ThrowingRunnable body) {}

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        List<Stop> stops = List.of(
                new Stop("A future, a waker and an executor, from scratch",
                        "samples/src/main/java/dev/ratchet/samples/scratch/", FromScratch::run));
        long start = System.nanoTime();
        int n = 0;
        for (Stop stop : stops) {
            System.out.printf("%n== %d. %s ==%n   (source: %s)%n", ++n, stop.title(), stop.source());
            stop.body().run();
        }
        System.out.printf("%nTour finished in %d ms. Generated state machines of the samples' @Async methods:"
                + " samples/target/generated-sources/annotations/%n", (System.nanoTime() - start) / 1_000_000);
    }
}
