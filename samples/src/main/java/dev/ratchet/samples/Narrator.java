package dev.ratchet.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints what a sample does, each line stamped with the milliseconds since the narrator was made
 * and the thread that printed it, and keeps the lines so that a test can check the story.
 *
 * <pre>{@code
 * Narrator n = new Narrator();
 * n.say("created %d futures", 3);     // "  [   0 ms main] created 3 futures"
 * assert n.lines().contains("created 3 futures");
 * }</pre>
 *
 * <p>Threading: safe from any thread (tasks on a multiThreaded executor narrate concurrently);
 * {@link #lines()} returns a snapshot in the order the lines were said.
 */
public final class Narrator {
    private final long startNanos = System.nanoTime();
    private final boolean print;
    /** Guarded by itself: one lock orders the recording and the printing of a line. */
    private final List<String> lines = new ArrayList<>();

    /** A narrator that prints to {@code System.out} and records. */
    public Narrator() {
        this(true);
    }

    /** A narrator that records, and prints only if {@code print}. */
    public Narrator(boolean print) {
        this.print = print;
    }

    /** Says one line: {@link String#format} of {@code format} and {@code args}. */
    public void say(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        synchronized (lines) {
            lines.add(line);
            if (print) {
                System.out.printf(Locale.ROOT, "  [%4d ms %s] %s%n", elapsedMillis(), threadName(), line);
            }
        }
    }

    /** The current thread's name, short: exec:java's "pkg.Main.main()" thread is just "main". */
    private static String threadName() {
        String name = Thread.currentThread().getName();
        return name.endsWith(".main()") ? "main" : name;
    }

    /** Milliseconds since this narrator was made. */
    public long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** The lines said so far, in order (without the time and thread stamp). */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }
}
