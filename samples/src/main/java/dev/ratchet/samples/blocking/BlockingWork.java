package dev.ratchet.samples.blocking;

import static dev.ratchet.Futures.await;

import dev.ratchet.Async;
import dev.ratchet.Futures;
import dev.ratchet.runtime.Executor;
import dev.ratchet.runtime.JoinHandle;
import dev.ratchet.samples.Expect;
import dev.ratchet.samples.Narrator;
import dev.ratchet.time.Interval;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * CPU-heavy work next to I/O-like work, on one executor thread ({@code Executor.currentThread()}).
 * A ticking task stands for the I/O side: it should run every {@value #TICK_MILLIS} ms. Meanwhile
 * four passwords are hashed, about {@value #HASH_MILLIS} ms each:
 * <ol>
 *   <li><b>inline</b> in a task: a task is only ever suspended at an await, so while it hashes
 *       it keeps the thread and the ticker cannot run: no tick at all happens during a hash, and
 *       the ticks due meanwhile come late, in a burst, once the hash is done;
 *   <li><b>with {@code Futures.spawnBlocking}</b>: each hash runs on the executor's blocking pool
 *       (threads kept apart from the executor's own) and the task awaits its handle like any
 *       future. The executor thread stays free: the ticker keeps ticking while the hashes run.
 * </ol>
 * Same rule as Tokio's {@code spawn_blocking}: anything that blocks or computes for more than a
 * fraction of a millisecond between awaits belongs on the blocking pool (or a pool of its own).
 *
 * <pre>{@code
 * String hex = await(Futures.spawnBlocking(hashJob(password)));   // hashJob: () -> hasher.hash(password)
 * }</pre>
 *
 * Generated state machines: {@code
 * samples/target/generated-sources/annotations/dev/ratchet/samples/blocking/BlockingWorkAsync.java}.
 */
public final class BlockingWork {
    static final int TICK_MILLIS = 10;
    static final long HASH_MILLIS = 80;
    /** Rounds at least: even on a fast machine a hash then spans several ticks. */
    static final int MIN_ITERATIONS = 50_000;
    static final List<String> PASSWORDS = List.of("hunter2", "correct horse", "battery staple", "tr0ub4dor&3");

    final Narrator n;
    final PasswordHash hasher;
    /**
     * True while a hash is in progress, for the ticker to see. Written by the hashing task and
     * read by the ticker, both polled by the one thread of the currentThread executor: no lock.
     */
    boolean hashing;
    /** Hashes done in the current phase; the ticker stops when all are. Same thread as above. */
    int hashesDone;

    public BlockingWork(Narrator n, PasswordHash hasher) {
        this.n = Objects.requireNonNull(n, "n");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    /** What the ticker saw in one phase. */
    public record Ticks(int total, int duringHashing, long worstLateMillis) {}

    /** Both phases' ticks, and the hashes each phase computed. */
    public record Result(Ticks inline, Ticks blocking, List<String> inlineHashes, List<String> blockingHashes) {}

    public static void main(String[] args) {
        run();
    }

    /** Calibrates the hash, runs both phases on a currentThread executor, and checks the ticker. */
    public static Result run() {
        Narrator n = new Narrator();
        PasswordHash hasher = PasswordHash.calibrated(HASH_MILLIS, MIN_ITERATIONS);
        n.say("PBKDF2 with %d iterations (calibrated for about %d ms per hash)", hasher.iterations(), HASH_MILLIS);
        BlockingWork sample = new BlockingWork(n, hasher);
        Result r;
        try (Executor executor = Executor.currentThread()) {
            r = executor.blockOn(BlockingWorkAsync.bothPhases(sample));
        }
        Expect.that(r.inlineHashes().equals(r.blockingHashes()), "both phases to compute the same hashes");
        Expect.that(r.inline().duringHashing() == 0, "no tick while hashing inline: the task held the thread");
        Expect.that(r.blocking().duringHashing() > 0, "ticks while the blocking pool hashed: the thread stayed free");
        return r;
    }

    @Async
    Result bothPhases() {
        n.say("-- phase 1: hashing inline, in a task");
        hashesDone = 0;
        JoinHandle<Ticks> ticker = Futures.spawn(BlockingWorkAsync.tickWhileHashing(this, "inline"));
        List<String> inline = hashInline();
        Ticks inlineTicks = await(ticker);

        n.say("-- phase 2: hashing with spawnBlocking");
        hashesDone = 0;
        ticker = Futures.spawn(BlockingWorkAsync.tickWhileHashing(this, "blocking"));
        List<String> blocking = hashOnBlockingPool();
        Ticks blockingTicks = await(ticker);

        n.say("ticks during hashing: %d of %d inline, %d of %d with spawnBlocking; worst lateness %d ms vs %d ms",
                inlineTicks.duringHashing(), inlineTicks.total(), blockingTicks.duringHashing(), blockingTicks.total(),
                inlineTicks.worstLateMillis(), blockingTicks.worstLateMillis());
        return new Result(inlineTicks, blockingTicks, inline, blocking);
    }

    /** The mistake: CPU work in the task itself. The other tasks only run at the awaits between hashes. */
    @Async
    List<String> hashInline() {
        List<String> hashes = new ArrayList<>();
        await(Futures.yieldNow()); // let the ticker start
        for (String password : PASSWORDS) {
            hashing = true;
            hashes.add(hasher.hash(password)); // holds the executor thread for the whole hash
            hashing = false;
            hashesDone++;
            n.say("inline: hashed \"%s\"", password);
            await(Futures.yieldNow()); // the only moments the ticker can run
        }
        return hashes;
    }

    /** The fix: each hash on the blocking pool; this task (and its thread) only waits for the result. */
    @Async
    List<String> hashOnBlockingPool() {
        List<String> hashes = new ArrayList<>();
        await(Futures.yieldNow()); // let the ticker start
        for (String password : PASSWORDS) {
            hashing = true;
            // The job is built by a helper: a lambda written here could not capture `password`,
            // a local of this @Async body (ratchet-processor reports error CapturedLocal for that today).
            String hash = await(Futures.spawnBlocking(hashJob(password)));
            hashing = false;
            hashesDone++;
            hashes.add(hash);
            n.say("spawnBlocking: hashed \"%s\"", password);
        }
        return hashes;
    }

    /** The blocking job that hashes {@code password} (run by the blocking pool, not by this task). */
    Callable<String> hashJob(String password) {
        return () -> hasher.hash(password);
    }

    /**
     * The I/O-like task: wakes every {@value #TICK_MILLIS} ms, noting the ticks that happen while
     * a hash is in progress and how late its worst tick was against its scheduled time, until all
     * the hashes of the phase are done.
     */
    @Async
    Ticks tickWhileHashing(String phase) {
        Interval every = Futures.interval(Duration.ofMillis(TICK_MILLIS));
        long worst = 0;
        int ticks = 0;
        int duringHashing = 0;
        boolean behind = false;
        while (hashesDone < PASSWORDS.size()) {
            Instant scheduled = await(every.tick());
            if (hashing) duringHashing++;
            long late = Duration.between(scheduled, Instant.now()).toMillis();
            worst = Math.max(worst, late);
            ticks++;
            if (late >= TICK_MILLIS && !behind) {
                n.say("%s ticker: tick %d is %d ms late (the missed ticks follow at once)", phase, ticks, late);
            }
            behind = late >= TICK_MILLIS;
        }
        n.say("%s ticker: %d ticks, %d during a hash, worst %d ms late", phase, ticks, duringHashing, worst);
        return new Ticks(ticks, duringHashing, worst);
    }
}
