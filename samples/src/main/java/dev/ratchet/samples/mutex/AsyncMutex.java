package dev.ratchet.samples.mutex;

import static dev.ratchet.Futures.await;

import dev.ratchet.Async;
import dev.ratchet.Futures;
import dev.ratchet.runtime.Executor;
import dev.ratchet.runtime.JoinHandle;
import dev.ratchet.samples.Expect;
import dev.ratchet.samples.Narrator;
import dev.ratchet.sync.Mutex;
import java.time.Duration;
import java.util.Objects;

/**
 * Two tasks on one thread ({@code Executor.currentThread()}) each add 1 to a shared counter
 * {@value #ROUNDS} times, with a read-modify-write that awaits in the middle (think: read a
 * balance, call a service, write the new balance).
 * <ol>
 *   <li><b>unprotected</b>: no data race is possible — one thread runs everything — yet updates
 *       are lost, because the other task runs at each await: both read 0, both write 1;
 *   <li><b>with an async {@link Mutex}</b>: the guard is held across the await. A task that
 *       finds the lock taken is suspended in {@code await(counter.lock())} — its thread goes on
 *       polling the other task, which can then finish and unlock. The count is exact and the
 *       holders alternate (the mutex is FIFO-fair).
 * </ol>
 *
 * <h2>Why not a blocking lock?</h2>
 * A {@code ReentrantLock} (or any lock that blocks a thread) held across an await breaks on an
 * executor: on this single thread, task B calling {@code lock()} while suspended task A holds it
 * would block the only thread, so A is never polled again to unlock it — the executor stalls
 * forever. (Worse, a reentrant lock is owned by a thread, not a task: B on the same thread would
 * simply re-enter it, and on a multiThreaded executor A may resume on another thread and fail to
 * unlock.) A blocking lock is fine only for short critical sections with no await inside.
 *
 * <h2>Why the processor rejects {@code await} inside {@code synchronized}</h2>
 * <pre>{@code
 * synchronized (this) {
 *     int seen = count;
 *     await(Futures.yieldNow());   // compile error AwaitInSynchronized
 *     count = seen + 1;
 * }
 * }</pre>
 * A monitor belongs to a thread and to the lexical block that entered it. At an await the state
 * machine returns from {@code poll}: the monitor would have to stay held by a thread that goes on
 * to poll other tasks (which would then pass straight through it — monitors are reentrant — or
 * block it, as above), and the resumed half might run on another thread that does not own it.
 * So {@code ratchet-processor} reports the {@code AwaitInSynchronized} error at the await and
 * points to {@link Mutex}.
 *
 * <pre>{@code
 * try (Mutex.Guard<Integer> guard = await(counter.lock())) {
 *     int seen = guard.get();
 *     await(Futures.sleep(Duration.ofMillis(10)));   // holding an async lock across an await is fine
 *     guard.set(seen + 1);
 * }
 * }</pre>
 *
 * Generated state machines: {@code
 * samples/target/generated-sources/annotations/dev/ratchet/samples/mutex/AsyncMutexAsync.java}.
 */
public final class AsyncMutex {
    /** Increments per task. */
    public static final int ROUNDS = 4;
    static final Duration WORK = Duration.ofMillis(10);

    final Narrator n;
    /**
     * The unprotected counter. Only tasks of one currentThread executor touch it, so every access
     * is on the same thread: the lost updates below come from interleaving at awaits, not from a
     * data race.
     */
    int unprotected;

    public AsyncMutex(Narrator n) {
        this.n = Objects.requireNonNull(n, "n");
    }

    /** Final counts of both ways (each should be {@code 2 * ROUNDS}). */
    public record Result(int unprotectedCount, int lockedCount) {}

    public static void main(String[] args) {
        run();
    }

    /** Runs both ways on a currentThread executor and checks the counts. */
    public static Result run() {
        AsyncMutex sample = new AsyncMutex(new Narrator());
        Result r;
        try (Executor executor = Executor.currentThread()) {
            r = executor.blockOn(AsyncMutexAsync.both(sample));
        }
        Expect.that(r.lockedCount() == 2 * ROUNDS, "the locked count to be " + 2 * ROUNDS + ", got " + r.lockedCount());
        Expect.that(r.unprotectedCount() < 2 * ROUNDS, "updates to be lost without the lock, got " + r.unprotectedCount());
        return r;
    }

    @Async
    Result both() {
        n.say("-- two tasks, no lock: read, await, write");
        JoinHandle<Void> a = Futures.spawn(AsyncMutexAsync.addUnprotected(this, "A"));
        JoinHandle<Void> b = Futures.spawn(AsyncMutexAsync.addUnprotected(this, "B"));
        await(a);
        await(b);
        n.say("no lock: count %d, expected %d: %d updates lost", unprotected, 2 * ROUNDS, 2 * ROUNDS - unprotected);

        n.say("-- two tasks, async mutex held across the await");
        Mutex<Integer> counter = new Mutex<>(0);
        a = Futures.spawn(AsyncMutexAsync.addLocked(this, counter, "A"));
        b = Futures.spawn(AsyncMutexAsync.addLocked(this, counter, "B"));
        await(a);
        await(b);
        int locked;
        try (Mutex.Guard<Integer> guard = await(counter.lock())) {
            locked = guard.get();
        }
        n.say("with the mutex: count %d, expected %d", locked, 2 * ROUNDS);
        return new Result(unprotected, locked);
    }

    /** Read, await, write — with nothing stopping the other task from doing the same meanwhile. */
    @Async
    void addUnprotected(String who) {
        for (int i = 0; i < ROUNDS; i++) {
            int seen = unprotected;
            await(Futures.sleep(WORK));
            unprotected = seen + 1;
            n.say("%s: read %d, wrote %d", who, seen, seen + 1);
        }
    }

    /** The same, inside the mutex: the guard stays held across the await. */
    @Async
    void addLocked(Mutex<Integer> counter, String who) {
        for (int i = 0; i < ROUNDS; i++) {
            if (counter.isLocked()) n.say("%s: lock taken, waiting (the thread polls other tasks meanwhile)", who);
            try (Mutex.Guard<Integer> guard = await(counter.lock())) {
                int seen = guard.get();
                await(Futures.sleep(WORK));
                guard.set(seen + 1);
                n.say("%s: holds the lock: read %d, awaited, wrote %d", who, seen, seen + 1);
            }
        }
    }
}
