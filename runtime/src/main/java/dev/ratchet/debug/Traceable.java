package dev.ratchet.debug;

import dev.ratchet.Future;
import java.util.List;

/**
 * A future that can say where it is suspended: what task dumps ({@code Executor.dump()}) print
 * as a task's async backtrace. Every {@code @Async} state machine implements it; a hand-written
 * future opts in by implementing it too. A future that does not is shown by its {@code
 * toString()}, as the leaf of the backtrace.
 *
 * <pre>{@code
 * final class Retry<T> implements Future<T>, Traceable {
 *     private Future<T> attempt;
 *     ...
 *     public StackTraceElement suspendedAt() {
 *         return new StackTraceElement("app.Retry", "poll", "Retry.java", 42);
 *     }
 *     public List<Future<?>> awaiting() {
 *         Future<T> a = attempt; // one read: the field may change under a concurrent poll
 *         return a == null ? List.of() : List.of(a);
 *     }
 * }
 * }</pre>
 *
 * <p>Threading: a dump calls these methods from its own thread while the future may be being
 * polled on another. Implementations read their fields without locking (each field once), must
 * not block or throw, and may describe a point the future has just left: a dump is a
 * best-effort snapshot, not a consistent cut. The same goes for the {@code toString()} of any
 * future that can appear in a dump (a leaf is described by it): short, saying what it waits for,
 * lock-free. The runtime's own combinators, timeouts and buffered I/O operations implement this
 * interface with a null {@code suspendedAt()} (they have no source line of the user's); {@link
 * TaskDump} lists what each runtime future shows.
 */
public interface Traceable {
    /**
     * The source position this future is suspended at (for a state machine: the {@code await}
     * it waits in, with the user's class, method, file and line), or null if it is not
     * suspended at one (not started, running between awaits, or complete).
     */
    StackTraceElement suspendedAt();

    /**
     * The futures this one is waiting for right now: the awaited future of a state machine, the
     * pending children of a join or select. Empty for a leaf (the default).
     */
    default List<? extends Future<?>> awaiting() {
        return List.of();
    }
}
