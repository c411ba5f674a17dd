package dev.ratchet.net;

import static dev.ratchet.net.TestDriver.blockOnForTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Operations racing with close, with cancellation and with the peer, across threads. */
class TcpRaceTest {
    private static final Duration HANG = Duration.ofSeconds(10);
    private TcpListener listener;

    @BeforeEach
    void bind() throws IOException {
        listener = TcpListener.bind(Loopback.ANY_PORT);
    }

    @AfterEach
    void unbind() throws IOException {
        listener.close();
    }

    /**
     * A read pending (or about to arm) on one thread while another thread closes the stream:
     * the read always ends with "stream is closed", never hangs. 300 rounds, random timing.
     */
    @Test
    void closeRacingWithAReadOnAnotherThreadAlwaysEndsTheRead() throws Exception {
        int rounds = 1000;
        for (int round = 0; round < rounds; round++) {
            try (Loopback.Pair p = Loopback.connect(listener)) {
                CountDownLatch start = new CountDownLatch(1);
                ConcurrentLinkedQueue<Throwable> outcome = new ConcurrentLinkedQueue<>();
                Thread reader = new Thread(() -> {
                    try {
                        start.await();
                        blockOnForTest(p.server().read(ByteBuffer.allocate(8)), HANG);
                        outcome.add(new AssertionError("read completed although nobody wrote"));
                    } catch (Throwable t) {
                        outcome.add(t);
                    }
                });
                reader.start();
                start.countDown();
                spin(ThreadLocalRandom.current().nextInt(20_000));
                p.server().close();
                reader.join(HANG.toMillis() + 5_000);
                assertFalse(reader.isAlive(), "round " + round + ": the read hung after close");
                Throwable t = outcome.poll();
                assertTrue(t instanceof IOException && "stream is closed".equals(t.getMessage()),
                        "round " + round + ": " + t);
            }
        }
    }

    /**
     * The peer writes a numbered byte sequence in small random pieces while the reader, on its
     * own thread, polls each read once and cancels it whenever it is pending, then reads again.
     * Cancellation racing with arriving data must never lose, duplicate or reorder a byte.
     */
    @Test
    void cancellingPendingReadsWhileDataArrivesLosesNothing() throws Exception {
        int total = 20_000;
        try (Loopback.Pair p = Loopback.connect(listener)) {
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            CountDownLatch start = new CountDownLatch(1);
            Thread writer = new Thread(() -> {
                try {
                    start.await();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int sent = 0; sent < total; ) {
                        byte[] piece = new byte[Math.min(total - sent, 1 + random.nextInt(16))];
                        for (int i = 0; i < piece.length; i++) piece[i] = (byte) (sent + i);
                        blockOnForTest(p.client().writeAll(piece), HANG);
                        sent += piece.length;
                        spin(random.nextInt(2_000));
                    }
                    p.client().shutdownOutput();
                } catch (Throwable t) {
                    failures.add(t);
                }
            });
            writer.start();
            start.countDown();

            ByteArrayOutputStream received = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(64);
            Context cx = Context.of(() -> {});
            int cancelled = 0;
            while (true) {
                Future<Integer> read = p.server().read(buf.clear());
                Poll<Integer> r = read.poll(cx);
                if (r.isPending()) {
                    read.cancel();
                    cancelled++;
                    try {
                        read.poll(cx);
                        throw new AssertionError("a cancelled read completed");
                    } catch (CancellationException expected) {
                        // nothing was read into buf
                    }
                    assertEquals(0, buf.position(), "a cancelled read consumed bytes");
                    r = Poll.ready(blockOnForTest(p.server().read(buf), HANG));
                }
                if (r.value() < 0) break;
                received.write(buf.array(), 0, r.value());
            }
            writer.join(HANG.toMillis());
            assertTrue(failures.isEmpty(), () -> "writer failed: " + failures);
            byte[] bytes = received.toByteArray();
            assertEquals(total, bytes.length);
            for (int i = 0; i < total; i++) assertEquals((byte) i, bytes[i], "byte " + i);
            assertTrue(cancelled > 0, "the race was exercised");
        }
    }

    /** Two tasks on two threads share one stream: one only reads, one only writes. */
    @Test
    void aReaderThreadAndAWriterThreadShareOneStream() throws Exception {
        int messages = 2000;
        try (Loopback.Pair p = Loopback.connect(listener)) {
            // The server echoes on one thread (read and write interleaved in one task).
            List<Thread> threads = new ArrayList<>();
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            threads.add(new Thread(() -> run(failures, () -> blockOnForTest(new Tasks.Echo(p.server()), HANG))));
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            threads.add(new Thread(() -> run(failures, () -> {
                ByteBuffer b = ByteBuffer.allocate(4096);
                int n;
                while ((n = blockOnForTest(p.client().read(b.clear()), HANG)) >= 0) back.write(b.array(), 0, n);
                return null;
            })));
            threads.add(new Thread(() -> run(failures, () -> {
                for (int i = 0; i < messages; i++) blockOnForTest(p.client().writeAll(new byte[] {(byte) i, (byte) (i >> 8)}), HANG);
                p.client().shutdownOutput();
                return null;
            })));
            threads.forEach(Thread::start);
            for (Thread t : threads) t.join(HANG.toMillis() * 2);
            for (Thread t : threads) assertFalse(t.isAlive(), "hung");
            assertTrue(failures.isEmpty(), () -> "failures: " + failures);
            byte[] bytes = back.toByteArray();
            assertEquals(2 * messages, bytes.length);
            for (int i = 0; i < messages; i++) {
                assertEquals((byte) i, bytes[2 * i]);
                assertEquals((byte) (i >> 8), bytes[2 * i + 1]);
            }
        }
    }

    private static void run(ConcurrentLinkedQueue<Throwable> failures, java.util.concurrent.Callable<?> body) {
        try {
            body.call();
        } catch (Throwable t) {
            failures.add(t);
        }
    }

    private static void spin(int iterations) {
        for (int i = 0; i < iterations; i++) Thread.onSpinWait();
    }
}
