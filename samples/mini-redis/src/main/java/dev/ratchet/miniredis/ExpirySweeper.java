package dev.ratchet.miniredis;

import static dev.ratchet.Futures.await;

import dev.ratchet.Async;
import dev.ratchet.Either;
import dev.ratchet.Futures;
import dev.ratchet.time.Interval;
import java.time.Duration;
import java.time.Instant;

/**
 * The active half of expiry: a task that removes expired keys every period (Redis's {@code
 * activeExpireCycle} at {@code hz 10}), so keys that nobody reads again do not stay in memory.
 * Lazy expiry on access is in {@link Db}.
 *
 * <pre>{@code
 * JoinHandle<Void> sweeper = Futures.spawn(ExpirySweeperAsync.run(new ExpirySweeper(db, shutdown, Duration.ofMillis(100))));
 * }</pre>
 *
 * <p>Each tick removes at most {@value #BATCH} keys before yielding to the other tasks, so a
 * mass expiry does not hold a worker for long. Stops when the shutdown signal is given.
 */
final class ExpirySweeper {
    static final int BATCH = 1_000;

    final Db db;
    final Shutdown shutdown;
    final Duration period;

    ExpirySweeper(Db db, Shutdown shutdown, Duration period) {
        this.db = db;
        this.shutdown = shutdown;
        this.period = period;
    }

    @Async
    void run() {
        Interval every = Futures.interval(period);
        while (true) {
            Either<Instant, Void> next = await(Futures.select(every.tick(), shutdown.signalled()));
            if (!next.isFirst()) return;
            while (db.sweepExpired(BATCH) == BATCH) {
                await(Futures.yieldNow());
            }
        }
    }
}
