package dev.ratchet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Futures;
import dev.ratchet.Poll;
import dev.ratchet.runtime.Executor;
import dev.ratchet.runtime.JoinHandle;
import dev.ratchet.sync.Channel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The runtime's parts working together on real executors: timers driven by the executor's
 * wheel, channels between spawned tasks, timeouts and combinators — hand-written futures only.
 */
class RuntimeIntegrationTest {
    static Stream<Supplier<Executor>> executors() {
        return Stream.of(Executor::currentThread, Executor::multiThreaded);
    }

    @ParameterizedTest
    @MethodSource("executors")
    void sleepsOnTheExecutorsWheelNeverWakeEarly(Supplier<Executor> make) {
        try (Executor ex = make.get()) {
            long start = System.nanoTime();
            ex.blockOn(Futures.sleep(Duration.ofMillis(30)));
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(elapsedMs >= 30, "woke after " + elapsedMs + " ms, asked 30");
        }
    }

    @ParameterizedTest
    @MethodSource("executors")
    void spawnedTasksPassMessagesThroughBoundedChannels(Supplier<Executor> make) {
        int rounds = 10_000;
        try (Executor ex = make.get()) {
            Channel<Integer> ping = Channel.bounded(1);
            Channel<Integer> pong = Channel.bounded(1);
            JoinHandle<Integer> echo = ex.spawn(new EchoLoop(ping.receiver(), pong.sender()));
            int last = ex.blockOn(new Driver(rounds, ping.sender(), pong.receiver()));
            assertEquals(rounds, last);
            ping.sender().close();
            assertEquals(rounds, ex.blockOn(echo), "the echo task saw every message once");
        }
    }

    @ParameterizedTest
    @MethodSource("executors")
    void timeoutCancelsASlowFutureAndJoinAllKeepsOrder(Supplier<Executor> make) {
        try (Executor ex = make.get()) {
            assertThrows(TimeoutException.class,
                    () -> ex.blockOn(Futures.timeout(Duration.ofMillis(20), Futures.sleep(Duration.ofSeconds(30)))));
            List<Future<Integer>> sleepers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int value = i;
                Future<Void> nap = Futures.sleep(Duration.ofMillis(50 - i));
                sleepers.add(cx -> nap.poll(cx).isReady() ? Poll.ready(value) : Poll.pending());
            }
            List<Integer> results = ex.blockOn(Futures.joinAll(sleepers));
            for (int i = 0; i < 50; i++) assertEquals(i, results.get(i));
        }
    }

    /** Sends 1..rounds on {@code out}, awaiting each echo on {@code in}; returns the last echo. */
    private static final class Driver implements Future<Integer> {
        private final int rounds;
        private final Channel.Sender<Integer> out;
        private final Channel.Receiver<Integer> in;
        private int next = 1;
        private Future<Void> sending;
        private Future<Integer> receiving;
        private int last;

        Driver(int rounds, Channel.Sender<Integer> out, Channel.Receiver<Integer> in) {
            this.rounds = rounds;
            this.out = out;
            this.in = in;
        }

        @Override
        public Poll<Integer> poll(Context cx) {
            while (true) {
                if (receiving != null) {
                    Poll<Integer> p = receiving.poll(cx);
                    if (p.isPending()) return Poll.pending();
                    receiving = null;
                    last = p.value();
                    if (last != next - 1) throw new AssertionError("echo " + last + " for " + (next - 1));
                    if (last == rounds) return Poll.ready(last);
                }
                if (sending == null) sending = out.send(next++);
                if (sending.poll(cx).isPending()) return Poll.pending();
                sending = null;
                receiving = in.recv();
            }
        }
    }

    /** Receives until the end of the stream, echoing every message; returns how many it echoed. */
    private static final class EchoLoop implements Future<Integer> {
        private final Channel.Receiver<Integer> in;
        private final Channel.Sender<Integer> out;
        private Future<Integer> receiving;
        private Future<Void> sending;
        private int count;

        EchoLoop(Channel.Receiver<Integer> in, Channel.Sender<Integer> out) {
            this.in = in;
            this.out = out;
        }

        @Override
        public Poll<Integer> poll(Context cx) {
            while (true) {
                if (sending != null) {
                    if (sending.poll(cx).isPending()) return Poll.pending();
                    sending = null;
                }
                if (receiving == null) receiving = in.recv();
                Poll<Integer> p = receiving.poll(cx);
                if (p.isPending()) return Poll.pending();
                receiving = null;
                if (p.value() == null) return Poll.ready(count);
                count++;
                sending = out.send(p.value());
            }
        }
    }
}
