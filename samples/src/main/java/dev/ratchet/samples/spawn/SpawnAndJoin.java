package dev.ratchet.samples.spawn;

import static dev.ratchet.Futures.await;

import dev.ratchet.Async;
import dev.ratchet.Future;
import dev.ratchet.Futures;
import dev.ratchet.Join3;
import dev.ratchet.runtime.Executor;
import dev.ratchet.runtime.JoinHandle;
import dev.ratchet.samples.Expect;
import dev.ratchet.samples.Narrator;
import java.time.Duration;

/**
 * Three slow operations (200 ms each, like three HTTP calls), run three ways:
 * <ol>
 *   <li><b>sequentially</b>: {@code a(); b(); c();} — each call is an implicit await, so the next
 *       one starts only when the previous one is done: ~600 ms;
 *   <li><b>joined</b>: {@code await(join(a, b, c))} — one task polls the three futures in turn,
 *       so they wait concurrently, all on one thread: ~200 ms;
 *   <li><b>spawned</b>: {@code spawn(a); spawn(b); spawn(c);} then await the handles — three tasks
 *       that the executor may run in parallel on its workers: ~200 ms.
 * </ol>
 * {@code join} gives concurrency (waiting overlaps) and {@code spawn} adds parallelism (CPU work
 * could overlap too); for waiting on timers or sockets both are as fast.
 *
 * <pre>{@code
 * Join3<String, String, String> r = await(Futures.join(
 *         SpawnAndJoinAsync.slowOperation(n, "a"), SpawnAndJoinAsync.slowOperation(n, "b"), ...));
 * }</pre>
 *
 * Generated state machines: {@code
 * samples/target/generated-sources/annotations/dev/ratchet/samples/spawn/SpawnAndJoinAsync.java}.
 */
public final class SpawnAndJoin {
    /** How long each slow operation takes. */
    public static final Duration OPERATION = Duration.ofMillis(200);

    private SpawnAndJoin() {}

    /** The wall-clock time of each way, in milliseconds. */
    public record Timings(long sequentialMillis, long joinedMillis, long spawnedMillis) {}

    public static void main(String[] args) {
        run();
    }

    /** Runs the three ways on a multiThreaded executor, prints and checks their timings. */
    public static Timings run() {
        Narrator n = new Narrator();
        Timings t;
        try (Executor executor = Executor.multiThreaded()) {
            t = new Timings(
                    timed(executor, SpawnAndJoinAsync.sequential(n)),
                    timed(executor, SpawnAndJoinAsync.joined(n)),
                    timed(executor, SpawnAndJoinAsync.spawned(n)));
        }
        n.say("sequential %d ms, join %d ms, spawn %d ms (each operation: %d ms)",
                t.sequentialMillis(), t.joinedMillis(), t.spawnedMillis(), OPERATION.toMillis());
        long op = OPERATION.toMillis();
        Expect.that(t.sequentialMillis() >= 3 * op, "the sequential way to take at least three operations");
        Expect.that(t.joinedMillis() < 2 * op, "join to overlap the three waits (under two operations)");
        Expect.that(t.spawnedMillis() < 2 * op, "spawn to overlap the three waits (under two operations)");
        return t;
    }

    private static long timed(Executor executor, Future<Void> way) {
        long start = System.nanoTime();
        executor.blockOn(way);
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** One slow operation: says where it starts and ends (which thread polls it), and returns its name. */
    @Async
    static String slowOperation(Narrator n, String name) {
        n.say("%s: start", name);
        await(Futures.sleep(OPERATION));
        n.say("%s: done", name);
        return name;
    }

    /** One after the other: each direct call of an @Async method awaits it before going on. */
    @Async
    static void sequential(Narrator n) {
        n.say("-- sequential: a(); b(); c();");
        String a = slowOperation(n, "a");
        String b = slowOperation(n, "b");
        String c = slowOperation(n, "c");
        Expect.that((a + b + c).equals("abc"), "the sequential results in order");
    }

    /**
     * Concurrently, in this one task: the companion entries give the three lazy futures, and
     * {@code join} polls each of them whenever this task is woken.
     */
    @Async
    static void joined(Narrator n) {
        n.say("-- join(a, b, c): three futures in one task");
        Join3<String, String, String> r = await(Futures.join(
                SpawnAndJoinAsync.slowOperation(n, "a"),
                SpawnAndJoinAsync.slowOperation(n, "b"),
                SpawnAndJoinAsync.slowOperation(n, "c")));
        Expect.that((r.first() + r.second() + r.third()).equals("abc"), "join's results in argument order");
    }

    /**
     * In parallel: each future becomes a task of its own, started at once by the executor. The
     * handles are futures of the tasks' results; awaiting them in turn loses nothing, since the
     * tasks run meanwhile. Forgetting to await them is the seeds' bug: the root returns and the
     * work is cut off when the executor closes.
     */
    @Async
    static void spawned(Narrator n) {
        n.say("-- spawn(a), spawn(b), spawn(c): three tasks");
        JoinHandle<String> a = Futures.spawn(SpawnAndJoinAsync.slowOperation(n, "a"));
        JoinHandle<String> b = Futures.spawn(SpawnAndJoinAsync.slowOperation(n, "b"));
        JoinHandle<String> c = Futures.spawn(SpawnAndJoinAsync.slowOperation(n, "c"));
        String ra = await(a);
        String rb = await(b);
        String rc = await(c);
        Expect.that((ra + rb + rc).equals("abc"), "each handle to give its own task's result");
    }
}
