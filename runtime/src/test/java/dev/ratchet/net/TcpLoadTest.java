package dev.ratchet.net;

import static dev.ratchet.net.TestDriver.blockOnForTest;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many connections and bulk transfers over loopback, each side on few threads. */
class TcpLoadTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * 100 clients each send 64 KiB (distinct content) and read the echo back, while one server
     * thread polls the accept loop and all 100 echo tasks. Clients run on two threads, 50 each.
     */
    @Test
    void hundredConcurrentConnectionsEachEcho64KiBServedByOneThread() throws Exception {
        int connections = 100;
        int clientThreads = 2;
        int size = 64 * 1024;
        try (TcpListener listener = TcpListener.bind(Loopback.ANY_PORT)) {
            TaskLoop serverLoop = new TaskLoop();
            CompletableFuture<Integer> accepted = serverLoop.spawn(new Tasks.AcceptEchoes(listener, serverLoop, connections));

            List<byte[]> payloads = new ArrayList<>();
            Random random = new Random(42);
            for (int i = 0; i < connections; i++) {
                byte[] p = new byte[size];
                random.nextBytes(p);
                payloads.add(p);
            }
            List<TaskLoop> clientLoops = new ArrayList<>();
            List<CompletableFuture<byte[]>> echoes = new ArrayList<>();
            for (int t = 0; t < clientThreads; t++) clientLoops.add(new TaskLoop());
            for (int i = 0; i < connections; i++) {
                echoes.add(clientLoops.get(i % clientThreads).spawn(new Tasks.EchoClient(listener.localAddress(), payloads.get(i))));
            }

            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            List<TaskLoop> all = new ArrayList<>(clientLoops);
            all.add(0, serverLoop);
            for (TaskLoop loop : all) {
                Thread th = new Thread(() -> {
                    try {
                        start.await();
                        loop.run(TIMEOUT);
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }, "task-loop");
                threads.add(th);
                th.start();
            }
            start.countDown();
            for (Thread th : threads) th.join(TIMEOUT.toMillis() + 5_000);
            for (Thread th : threads) assertTrue(!th.isAlive(), "a task loop did not finish");
            assertTrue(failures.isEmpty(), () -> "task loops failed: " + failures);

            assertEquals(connections, accepted.get());
            for (int i = 0; i < connections; i++) {
                assertArrayEquals(payloads.get(i), echoes.get(i).get(), "connection " + i + " echoed wrong bytes");
            }
            // Woken, not spinning: a few polls per connection (typically 1-3 with a budget of 32).
            assertTrue(serverLoop.polls() < connections * 50L, "server polls: " + serverLoop.polls());
        }
    }

    @Test
    void sixteenMebibytesArriveIntactAcrossTwoThreads() throws Exception {
        long total = 16L * 1024 * 1024;
        try (TcpListener listener = TcpListener.bind(Loopback.ANY_PORT)) {
            CompletableFuture<Tasks.Digest> sent = CompletableFuture.supplyAsync(() -> {
                try (TcpStream s = blockOnForTest(listener.accept(), TIMEOUT)) {
                    return blockOnForTest(new Tasks.SendGenerated(s, total, 7), TIMEOUT);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            Tasks.Digest received;
            try (TcpStream client = blockOnForTest(TcpStream.connect(listener.localAddress()), TIMEOUT)) {
                received = blockOnForTest(new Tasks.Drain(client), TIMEOUT);
            }
            Tasks.Digest expected = sent.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(total, received.bytes());
            assertEquals(expected, received, "byte count and CRC-32 match");
        }
    }
}
