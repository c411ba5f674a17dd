package dev.ratchet.samples;

import dev.ratchet.samples.blocking.BlockingWork;
import dev.ratchet.samples.debug.Backtrace;
import dev.ratchet.samples.debug.BlockedWorker;
import dev.ratchet.samples.debug.Deadlock;
import dev.ratchet.samples.echo.Echo;
import dev.ratchet.samples.http.HttpRequests;
import dev.ratchet.samples.lazy.LazyFutures;
import dev.ratchet.samples.mutex.AsyncMutex;
import dev.ratchet.samples.scratch.FromScratch;
import dev.ratchet.samples.select.SelectAndCancel;
import dev.ratchet.samples.spawn.SpawnAndJoin;
import java.util.List;

/**
 * The README's demo: a short tour of Rust's async model, in Java with Ratchet. Each stop is a
 * small sample class you can open and run on its own ({@code main}); the tour calls their {@code
 * run()} in order. Every sample checks its own result and throws if it is wrong, so a broken stop
 * fails the tour.
 *
 * <pre>{@code
 * mvn -B -q -Pdemo -DskipTests verify     # from the repository root
 * }</pre>
 */
public final class Tour {
    private static final String SOURCES = "samples/src/main/java/dev/ratchet/samples/";
    private static final String GENERATED = "samples/target/generated-sources/annotations/dev/ratchet/samples/";

    private Tour() {}

    /**
     * One stop of the tour: a title, what happens there, where its source and its generated
     * state machines are (null generated: the stop uses no processor), and the code that runs it.
     */
    record Stop(String title, String what, String source, String generated, ThrowingRunnable body) {}

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** The stops, in order. */
    static List<Stop> stops() {
        return List.of(
                new Stop("A future, a waker and an executor, from scratch",
                        "a hand-written TimerFuture and a 40-line executor: poll, pending, wake, poll again",
                        SOURCES + "scratch/", null, FromScratch::run),
                new Stop("Futures are lazy",
                        "creating a future runs nothing; awaiting or spawning it runs its body; a forgotten one never runs",
                        SOURCES + "lazy/LazyFutures.java", GENERATED + "lazy/LazyFuturesAsync*.java", LazyFutures::run),
                new Stop("Sequential, join and spawn",
                        "three 200 ms operations one after the other, joined in one task, spawned as three tasks",
                        SOURCES + "spawn/SpawnAndJoin.java", GENERATED + "spawn/SpawnAndJoinAsync*.java", SpawnAndJoin::run),
                new Stop("Blocking vs async HTTP requests",
                        "five GETs to a slow local server: HttpURLConnection one by one, then five tasks over TcpStream on one thread",
                        SOURCES + "http/HttpRequests.java", GENERATED + "http/HttpRequestsAsync*.java", HttpRequests::run),
                new Stop("select, cancellation and timeout",
                        "a race whose loser runs its finally, a timeout, and a select loop over a ticker and a channel",
                        SOURCES + "select/SelectAndCancel.java", GENERATED + "select/SelectAndCancelAsync*.java",
                        SelectAndCancel::run),
                new Stop("Async mutex vs synchronized",
                        "two tasks on one thread updating a counter across an await: lost updates, then an async Mutex",
                        SOURCES + "mutex/AsyncMutex.java", GENERATED + "mutex/AsyncMutexAsync*.java", AsyncMutex::run),
                new Stop("spawnBlocking for CPU-heavy work",
                        "PBKDF2 hashing inline stalls a ticking task; on the blocking pool the ticker stays on time",
                        SOURCES + "blocking/BlockingWork.java", GENERATED + "blocking/BlockingWorkAsync*.java",
                        BlockingWork::run),
                new Stop("An echo server and its clients",
                        "a TcpListener accept loop with a task per connection, six clients at once, then the server aborted",
                        SOURCES + "echo/Echo.java", GENERATED + "echo/EchoAsync*.java", Echo::run),
                new Stop("Seeing inside: task dumps, blocked workers, async backtraces",
                        "two tasks deadlocked on each other's channel and the dump that shows where; a task that blocks "
                                + "its worker and the executor's warning; a failure five @Async calls deep and its async backtrace",
                        SOURCES + "debug/", GENERATED + "debug/DeadlockAsync*.java", Tour::seeInside));
    }

    private static void seeInside() throws InterruptedException {
        Narrator n = new Narrator();
        Deadlock.run(n);
        BlockedWorker.run(n);
        Backtrace.run(n);
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        int n = 0;
        for (Stop stop : stops()) {
            System.out.printf("%n== %d. %s ==%n   %s%n   source:    %s%n", ++n, stop.title(), stop.what(), stop.source());
            if (stop.generated() != null) System.out.printf("   generated: %s%n", stop.generated());
            stop.body().run();
        }
        System.out.printf("%nTour finished in %d ms: %d stops, every check passed.%n",
                (System.nanoTime() - start) / 1_000_000, n);
    }
}
