package dev.ratchet.debug;

import dev.ratchet.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What every live task of an executor is doing, at one moment: its id, name, state, how long
 * ago it was last polled, and its async backtrace — the chain of awaits from the task's root
 * future down to the leaf it waits on, with source lines. {@code Executor.dump()} takes one;
 * {@link #toString()} is the readable form, made for logs and debug endpoints:
 *
 * <pre>
 * Task dump of ratchet-1 at 2026-11-29T01:02:03Z: 2 live tasks
 *
 * Task#2 "ping" SUSPENDED, last polled 1.204 s ago
 *   at demo.Deadlock.ping(Deadlock.java:31)
 *   Channel.recv() on bounded(1) channel: 0 queued, 1 sender open
 *
 * Task#3 "both" SUSPENDED, last polled 12 ms ago
 *   at demo.Deadlock.both(Deadlock.java:40)
 *   join of 2 (2 pending)
 *   ├─ at demo.Deadlock.pong(Deadlock.java:47)
 *   │  Channel.recv() on bounded(1) channel: 0 queued, 1 sender open
 *   └─ timeout(2.000 s), 1.988 s left
 *      sleep(5.000 s), 4.988 s left
 * </pre>
 *
 * <p>A chain of awaits stays at one indentation, read from the root down, like a stack trace
 * upside down; a future that waits for several (a join, a select) branches into a tree. A leaf
 * is described by its {@code toString()}: the runtime's futures say what they wait for (below).
 *
 * <pre>{@code
 * TaskDump dump = executor.dump();
 * System.err.println(dump);
 * dump.find("ping").ifPresent(t -> System.err.println(t.state()));
 * }</pre>
 *
 * <p>A dump is best-effort: it reads tasks that other threads are polling without stopping
 * them, so a task that is running may show a point it has just left.
 *
 * <h2>What a dump shows of the runtime's own futures</h2>
 * A task's backtrace runs from its root future through every {@code Traceable} down to leaves.
 * Every future the runtime hands out takes part:
 * <ul>
 *   <li>futures that wait for others are {@code Traceable}, with no source line, awaiting what
 *       they still wait for: {@code join}/{@code joinAll}/{@code select} (the children still
 *       pending, or the cancelled ones whose cleanup they drive: {@code join of 3 (2 pending)}),
 *       {@code timeout} ({@code timeout(2.000 s), 1.204 s left} over its inner future), {@code
 *       BufReader}/{@code BufWriter} operations (over the socket read or write), {@code
 *       AsyncFiles} operations (over their blocking job) and {@code TaskLocal.scope};
 *   <li>leaves say what they wait for in their {@code toString()}: {@code Channel.recv() on
 *       bounded(1) channel: 0 queued, 1 sender open}, {@code Mutex.lock() (held, 2 waiting)},
 *       {@code Semaphore.acquire(3) (1 of 4 permits free, 2 waiting)}, {@code Notify.notified()
 *       (waiting, 1 waiter in all)}, {@code Oneshot.recv() (nothing sent yet, sender open)},
 *       {@code Broadcast.recv() on broadcast(64): 0 unread, 1 sender open, 2 receivers}, {@code
 *       sleep(50 ms), 12 ms left}, {@code interval(1.000 s).tick() #3, 300 ms left}, {@code
 *       TcpStream.read() on /127.0.0.1:5000}, {@code TcpListener.accept() on /0.0.0.0:8080},
 *       {@code TcpStream.connect() to /10.0.0.7:6379}, {@code JoinHandle[spawnBlocking job
 *       (running for 1.204 s)]}, {@code fromCompletionStage(CompletableFuture, incomplete)},
 *       {@code yieldNow() (yielded, ready at its next poll)}; a spawned task's join handle is
 *       the task itself ({@code Task#5(worker)[SUSPENDED]}).
 * </ul>
 * These methods run on the dump's thread while the task may be polled on another: they read
 * fields racily (each once), take no lock a dump could wait on, and never throw; a dump is a
 * best-effort snapshot. Hand-written futures should follow the same rules (see {@link
 * Traceable}); {@link #format} prints durations in the dumps' style.
 */
public final class TaskDump {
    /** Where a task is in its life; complete tasks are not in a dump. */
    public enum State {
        /** Woken and waiting in a run queue for a worker. */
        SCHEDULED,
        /** Being polled by a worker right now. */
        RUNNING,
        /** Waiting for a wake (its last poll returned pending). */
        SUSPENDED
    }

    /**
     * One live task.
     *
     * @param id the task's id (spawn order)
     * @param name the name given to spawn, or null
     * @param state its state
     * @param sinceLastPoll how long ago its last poll ended (or, while running, since its current
     *     poll began, within the executor's clock resolution), or null if never polled
     * @param backtrace its root future's frame, down to the leaf it waits on
     */
    public record TaskInfo(int id, String name, State state, Duration sinceLastPoll, Frame backtrace) {
        public TaskInfo {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(backtrace, "backtrace");
        }

        /** The frames from the root down the first awaited future at each level. */
        public List<Frame> chain() {
            List<Frame> chain = new ArrayList<>();
            for (Frame f = backtrace; f != null; f = f.awaiting().isEmpty() ? null : f.awaiting().get(0)) chain.add(f);
            return chain;
        }

        /** The source lines of the chain, root first ({@code Foo.bar(Foo.java:42)} for each known position). */
        public List<StackTraceElement> locations() {
            List<StackTraceElement> out = new ArrayList<>();
            for (Frame f : chain()) if (f.location() != null) out.add(f.location());
            return out;
        }
    }

    /**
     * One future in a backtrace.
     *
     * @param location where it is suspended in source (a state machine's await), or null
     * @param description what it is: {@code toString()} of the future for a leaf, the awaited
     *     source position for a state machine
     * @param awaiting the futures it waits for (empty for a leaf)
     */
    public record Frame(StackTraceElement location, String description, List<Frame> awaiting) {
        public Frame {
            Objects.requireNonNull(description, "description");
            awaiting = List.copyOf(awaiting);
        }
    }

    /** Levels of a backtrace followed at most (a cycle or a runaway chain stops there). */
    static final int MAX_DEPTH = 128;
    /**
     * Awaited futures followed per future: a {@code joinAll} of 10,000 pending futures shows the
     * first ones and a count of the rest, so one task cannot drown the dump.
     */
    static final int MAX_WIDTH = 32;
    /** Characters of a future's {@code toString()} kept in a frame. */
    static final int MAX_DESCRIPTION = 300;

    private final String executor;
    private final Instant takenAt;
    private final List<TaskInfo> tasks;

    /** A dump of {@code tasks}, in the given order; for executors. */
    public TaskDump(String executor, Instant takenAt, List<TaskInfo> tasks) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.takenAt = Objects.requireNonNull(takenAt, "takenAt");
        this.tasks = List.copyOf(tasks);
    }

    /**
     * The async backtrace of {@code root}: follows {@link Traceable#awaiting()} from future to
     * future; a future that is not {@link Traceable} ends its branch and is described by its
     * {@code toString()}. Never throws: a future whose methods throw is described by the failure.
     * A cycle ends at the future seen again (and a future awaited twice is shown once); at most
     * {@value #MAX_DEPTH} levels and {@value #MAX_WIDTH} awaited futures per future are followed,
     * the rest counted; a description is kept to one line of at most {@value #MAX_DESCRIPTION}
     * characters.
     */
    public static Frame trace(Future<?> root) {
        return trace(Objects.requireNonNull(root, "root"), 0, new IdentityHashMap<>());
    }

    /**
     * @param seen every future traced so far, mapped to whether it is on the path from the root
     *     to {@code f} (seen again on the path: a cycle; elsewhere: awaited twice, shown once)
     */
    private static Frame trace(Future<?> f, int depth, Map<Object, Boolean> seen) {
        Boolean onPath = seen.putIfAbsent(f, Boolean.TRUE);
        if (onPath != null) {
            return new Frame(null, (onPath ? "(cycle: " : "(shown above: ") + describe(f) + ")", List.of());
        }
        try {
            return traceNew(f, depth, seen);
        } finally {
            seen.put(f, Boolean.FALSE);
        }
    }

    private static Frame traceNew(Future<?> f, int depth, Map<Object, Boolean> seen) {
        if (!(f instanceof Traceable t)) return new Frame(null, describe(f), List.of());
        StackTraceElement at;
        List<? extends Future<?>> children;
        try {
            at = t.suspendedAt();
            children = t.awaiting();
            if (children == null) children = List.of(); // a broken implementation: a leaf, not an NPE here
        } catch (RuntimeException e) {
            return new Frame(null, describe(f) + " (not traceable: " + describe(e) + ")", List.of());
        }
        List<Frame> next = new ArrayList<>(children.size());
        if (depth + 1 >= MAX_DEPTH && !children.isEmpty()) {
            next.add(new Frame(null, "(" + children.size() + " more, deeper than " + MAX_DEPTH + " levels)", List.of()));
        } else {
            int shown = 0;
            for (Future<?> c : children) {
                if (c == null) continue;
                if (shown++ == MAX_WIDTH) {
                    next.add(new Frame(null, "(" + (children.size() - MAX_WIDTH) + " more not shown)", List.of()));
                    break;
                }
                next.add(trace(c, depth + 1, seen));
            }
        }
        String description = at != null ? at.toString() : describe(f);
        return new Frame(at, description, next);
    }

    private static String describe(Object f) {
        String text;
        try {
            text = String.valueOf(f);
        } catch (RuntimeException e) {
            text = f.getClass().getName() + " (toString threw " + e + ")";
        }
        // One line per frame, or the tree falls apart; a toString that prints a whole collection
        // must not drown the dump.
        text = text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION) + "… (" + text.length() + " chars)";
    }

    /** The executor's name (its thread name prefix). */
    public String executor() {
        return executor;
    }

    /** When the dump was taken. */
    public Instant takenAt() {
        return takenAt;
    }

    /** The live tasks, in id order. */
    public List<TaskInfo> tasks() {
        return tasks;
    }

    /** The first task named {@code name}. */
    public Optional<TaskInfo> find(String name) {
        Objects.requireNonNull(name, "name");
        return tasks.stream().filter(t -> name.equals(t.name())).findFirst();
    }

    /** The readable dump: a header, then each task with its backtrace as a tree, root first. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        out.append("Task dump of ").append(executor).append(" at ").append(takenAt).append(": ")
                .append(tasks.size()).append(tasks.size() == 1 ? " live task\n" : " live tasks\n");
        for (TaskInfo t : tasks) {
            out.append("\nTask#").append(t.id());
            if (t.name() != null) out.append(" \"").append(t.name()).append('"');
            out.append(' ').append(t.state());
            if (t.sinceLastPoll() == null) out.append(", never polled");
            else out.append(t.state() == State.RUNNING ? ", polling for " : ", last polled ")
                    .append(format(t.sinceLastPoll())).append(t.state() == State.RUNNING ? "" : " ago");
            out.append('\n');
            render(out, t.backtrace(), "  ", "  ");
        }
        return out.toString();
    }

    /**
     * A chain stays at one indentation, like a stack trace read from the root; only a future that
     * waits for several (a join, a select) branches into a tree.
     */
    private static void render(StringBuilder out, Frame f, String first, String rest) {
        out.append(first).append(f.location() != null ? "at " : "").append(f.description()).append('\n');
        List<Frame> children = f.awaiting();
        if (children.size() == 1) {
            render(out, children.get(0), rest, rest);
            return;
        }
        for (int i = 0; i < children.size(); i++) {
            boolean last = i == children.size() - 1;
            render(out, children.get(i), rest + (last ? "└─ " : "├─ "), rest + (last ? "   " : "│  "));
        }
    }

    /**
     * A duration as dumps print it: {@code 850 µs}, {@code 12 ms}, {@code 1.204 s}, {@code 42 s}.
     * Futures use it in their {@code toString()} ({@code sleep(50 ms), 12 ms left}) so that a
     * dump reads in one style.
     *
     * <pre>{@code
     * return "retry in " + TaskDump.format(Duration.ofNanos(deadline - System.nanoTime()));
     * }</pre>
     */
    public static String format(Duration d) {
        Objects.requireNonNull(d, "d");
        if (d.isNegative()) return "-" + format(d.negated());
        if (d.getSeconds() >= 10) return d.getSeconds() + " s"; // also keeps toNanos() from overflowing
        long nanos = d.toNanos();
        if (nanos < 1_000_000) return (nanos / 1000) + " µs";
        return nanos < 1_000_000_000 ? (nanos / 1_000_000) + " ms" : String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }
}
