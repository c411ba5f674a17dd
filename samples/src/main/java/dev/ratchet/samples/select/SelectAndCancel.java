package dev.ratchet.samples.select;

import static dev.ratchet.Futures.await;

import dev.ratchet.Async;
import dev.ratchet.Either;
import dev.ratchet.Futures;
import dev.ratchet.runtime.Executor;
import dev.ratchet.runtime.JoinHandle;
import dev.ratchet.samples.Expect;
import dev.ratchet.samples.Narrator;
import dev.ratchet.sync.Channel;
import dev.ratchet.time.Interval;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

/**
 * Racing futures, and what happens to the ones that lose.
 * <ol>
 *   <li><b>race</b>: {@code select(fast, slow)} completes with the first future to finish; the
 *       other is cancelled. Cancellation is cooperative: the loser's pending await throws {@link
 *       CancellationException}, so its {@code catch} and {@code finally} run — and they have run
 *       by the time {@code select} returns;
 *   <li><b>timeout</b>: {@code timeout(100 ms, slow)} is a race against a timer that fails with
 *       {@link TimeoutException} after cancelling (and cleaning up) the slow future;
 *   <li><b>select in a loop</b>: each turn races a fresh {@code recv()} of a channel against the
 *       next tick of an {@link Interval}, until the channel ends.
 * </ol>
 *
 * <h2>Cancel safety</h2>
 * In the loop, the loser of every turn is cancelled and thrown away. That is only correct
 * because both futures are <em>cancel safe</em>: a cancelled {@code recv()} has taken no message
 * (a message is removed from the channel only in the poll that returns it), so the message that
 * arrives during a tick stays queued for the next turn; a cancelled {@code tick()} consumes no
 * tick. A future that does part of its work before completing — say, a {@code readExact} that
 * has already read half a frame — would lose that part when cancelled, so it must not be
 * re-created in a loop like this one.
 *
 * <pre>{@code
 * Either<String, Instant> next = await(Futures.select(rx.recv(), ticker.tick()));
 * }</pre>
 *
 * Generated state machines: {@code
 * samples/target/generated-sources/annotations/dev/ratchet/samples/select/SelectAndCancelAsync.java}.
 */
public final class SelectAndCancel {
    static final Duration FAST = Duration.ofMillis(50);
    static final Duration SLOW = Duration.ofSeconds(2);
    static final Duration TIME_LIMIT = Duration.ofMillis(100);
    static final Duration TICK = Duration.ofMillis(50);
    static final Duration SEND_GAP = Duration.ofMillis(70);
    static final int MESSAGES = 5;

    final Narrator n;
    /** Workers whose {@code finally} ran, in that order; workers run on several tasks' polls. */
    final List<String> cleanedUp = Collections.synchronizedList(new ArrayList<>());

    public SelectAndCancel(Narrator n) {
        this.n = Objects.requireNonNull(n, "n");
    }

    /** What the three parts observed. */
    public record Result(String winner, List<String> cleanedUpWhenSelectReturned, boolean timedOut,
            List<String> received, int ticks) {}

    public static void main(String[] args) {
        run();
    }

    /** Runs the three parts on a currentThread executor and checks them. */
    public static Result run() {
        SelectAndCancel sample = new SelectAndCancel(new Narrator());
        try (Executor executor = Executor.currentThread()) {
            return executor.blockOn(SelectAndCancelAsync.all(sample));
        }
    }

    @Async
    Result all() {
        List<String> cleanedUpAfterRace = new ArrayList<>();
        String winner = race(cleanedUpAfterRace);
        boolean timedOut = timeoutDemo();
        List<String> received = new ArrayList<>();
        int ticks = tickerVersusChannel(received);
        return new Result(winner, cleanedUpAfterRace, timedOut, received, ticks);
    }

    /**
     * A worker that needs {@code time}, and says what happens to it: finished, or cancelled at its
     * await — in both cases its {@code finally} runs, as in synchronous code.
     */
    @Async
    String worker(String name, Duration time) {
        n.say("%s: starts, needs %d ms", name, time.toMillis());
        try {
            await(Futures.sleep(time));
            n.say("%s: finished", name);
            return name;
        } catch (CancellationException e) {
            n.say("%s: cancelled while awaiting its sleep", name);
            throw e; // cancellation cannot be swallowed anyway: the future completes as cancelled
        } finally {
            n.say("%s: finally runs (a real task would release its resources here)", name);
            cleanedUp.add(name);
        }
    }

    /** Races a fast and a slow worker; returns the winner and fills in who had cleaned up by then. */
    @Async
    String race(List<String> cleanedUpWhenSelectReturned) {
        n.say("-- race: select(fast, slow)");
        Either<String, String> first = await(Futures.select(
                SelectAndCancelAsync.worker(this, "fast", FAST),
                SelectAndCancelAsync.worker(this, "slow", SLOW)));
        cleanedUpWhenSelectReturned.addAll(cleanedUp);
        String winner = valueOf(first);
        n.say("race: %s won; cleaned up before select returned: %s", winner, cleanedUpWhenSelectReturned);
        Expect.that(winner.equals("fast"), "the fast worker to win the race");
        Expect.that(cleanedUpWhenSelectReturned.contains("slow"), "the loser's finally to run before select returns");
        return winner;
    }

    /** Either side's value (both sides of this race have the same type). */
    static <T> T valueOf(Either<T, T> either) {
        if (either instanceof Either.First<T, T> f) return f.value();
        return ((Either.Second<T, T>) either).value();
    }

    /**
     * A time limit: {@code timeout} cancels the worker when the time is up, waits for its cleanup,
     * and fails with {@link TimeoutException}. {@code await} declares no checked exception, so
     * javac would reject {@code catch (TimeoutException e)} here: catch {@code Exception} and test
     * it (or declare {@code throws Exception} and let the caller decide).
     */
    @Async
    boolean timeoutDemo() {
        n.say("-- timeout(%d ms, a worker needing %d ms)", TIME_LIMIT.toMillis(), SLOW.toMillis());
        cleanedUp.clear();
        try {
            String value = await(Futures.timeout(TIME_LIMIT, SelectAndCancelAsync.worker(this, "too slow", SLOW)));
            throw new IllegalStateException("the timeout did not fire, the worker returned " + value);
        } catch (Exception e) {
            if (!(e instanceof TimeoutException)) throw e;
            n.say("timeout: %s: %s", e.getClass().getSimpleName(), e.getMessage());
            Expect.that(cleanedUp.contains("too slow"), "the timed-out worker to have cleaned up");
            return true;
        }
    }

    /**
     * Serves two event sources in one loop: messages from a producer task, and the ticks of an
     * interval. Each turn builds two fresh futures and the loser is cancelled — correct because
     * both are cancel safe (see the class notes). Returns the number of ticks served.
     */
    @Async
    int tickerVersusChannel(List<String> received) {
        n.say("-- loop: select(channel.recv(), ticker.tick()) until the channel ends");
        Channel<String> channel = Channel.bounded(4);
        JoinHandle<Void> producer = Futures.spawn(SelectAndCancelAsync.produce(this, channel.sender(), MESSAGES));
        Interval ticker = Futures.interval(TICK);
        int ticks = 0;
        while (true) {
            Either<String, Instant> next = await(Futures.select(channel.receiver().recv(), ticker.tick()));
            if (next instanceof Either.Second<String, Instant> tick) {
                ticks++;
                n.say("loop: tick %d (its scheduled time: %s)", ticks, tick.value().toString().substring(11));
                continue;
            }
            String message = ((Either.First<String, Instant>) next).value();
            if (message == null) break; // every sender is closed and the buffer is empty: done
            n.say("loop: received \"%s\"", message);
            received.add(message);
        }
        await(producer); // rethrows the producer's failure, if any
        n.say("loop: channel ended after %d messages and %d ticks", received.size(), ticks);
        n.say("loop: recv() lost %d races to the ticker and no message was lost: a cancelled recv() takes nothing", ticks);
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= MESSAGES; i++) expected.add("message " + i);
        Expect.that(received.equals(expected), "every message once, in order, though recv lost many races: " + received);
        Expect.that(ticks > 0, "the ticker to have been served too");
        return ticks;
    }

    /** Sends {@code count} messages, one every {@link #SEND_GAP}, then closes the sender (ending the stream). */
    @Async
    void produce(Channel.Sender<String> tx, int count) {
        try {
            for (int i = 1; i <= count; i++) {
                await(Futures.sleep(SEND_GAP));
                await(tx.send("message " + i));
            }
        } finally {
            tx.close();
        }
    }
}
