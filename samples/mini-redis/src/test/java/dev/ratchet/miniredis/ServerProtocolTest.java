package dev.ratchet.miniredis;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.miniredis.RespClient.Err;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server through real sockets on 127.0.0.1, driven by a plain blocking client. */
class ServerProtocolTest {
    private TestServer server;

    @BeforeEach
    void start() throws IOException {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String err(Object reply) {
        return assertInstanceOf(Err.class, reply, "expected an error reply, got " + reply).message();
    }

    @Test
    void stringCommands() throws IOException {
        try (RespClient c = server.client()) {
            assertEquals("PONG", c.call("PING"));
            assertEquals("hi", c.call("PING", "hi"));
            assertEquals("echo me", c.call("ECHO", "echo me"));
            assertNull(c.call("GET", "k"));
            assertEquals("OK", c.call("SET", "k", "héllo"));
            assertEquals("héllo", c.call("GET", "k"));
            assertEquals(1L, c.call("EXISTS", "k"));
            assertEquals(2L, c.call("EXISTS", "k", "k", "nope"));
            assertNull(c.call("SET", "k", "x", "NX"), "NX on an existing key");
            assertEquals("héllo", c.call("SET", "k", "new", "GET"));
            assertNull(c.call("SET", "k2", "v", "XX"), "XX on a missing key");
            assertEquals(1L, c.call("DEL", "k", "k2", "nope"));
            assertEquals(0L, c.call("EXISTS", "k"));
        }
    }

    @Test
    void incrAndItsErrors() throws IOException {
        try (RespClient c = server.client()) {
            assertEquals(1L, c.call("INCR", "n"));
            assertEquals(11L, c.call("INCRBY", "n", "10"));
            assertEquals(10L, c.call("DECR", "n"));
            assertEquals("10", c.call("GET", "n"));
            c.call("SET", "s", "not a number");
            assertEquals("ERR value is not an integer or out of range", err(c.call("INCR", "s")));
            c.call("SET", "big", "9223372036854775807");
            assertEquals("ERR increment or decrement would overflow", err(c.call("INCR", "big")));
            assertEquals("ERR value is not an integer or out of range", err(c.call("INCRBY", "n", "x")));
            assertEquals("ERR wrong number of arguments for 'incr' command", err(c.call("INCR")));
            assertEquals("ERR wrong number of arguments for 'get' command", err(c.call("GET", "a", "b")));
            assertTrue(err(c.call("NOSUCH", "x")).startsWith("ERR unknown command 'NOSUCH'"));
            assertEquals("ERR syntax error", err(c.call("SET", "k", "v", "EX", "10", "PX", "5")));
            assertEquals("ERR invalid expire time in 'set' command", err(c.call("SET", "k", "v", "EX", "0")));
            assertEquals("OK", c.call("SELECT", "0"));
            assertEquals("ERR DB index is out of range", err(c.call("SELECT", "1")));
            assertEquals("PONG", c.call("PING"), "errors leave the connection usable");
        }
    }

    @Test
    void exAndPxExpire() throws Exception {
        try (RespClient c = server.client()) {
            assertEquals("OK", c.call("SET", "short", "v", "PX", "100"));
            assertEquals("OK", c.call("SET", "long", "v", "EX", "100"));
            long pttl = (Long) c.call("PTTL", "short");
            assertTrue(pttl > 0 && pttl <= 100, "pttl " + pttl);
            assertEquals(100L, c.call("TTL", "long"));
            assertEquals(-2L, c.call("TTL", "missing"));
            c.call("SET", "persistent", "v");
            assertEquals(-1L, c.call("TTL", "persistent"));
            assertEquals("v", c.call("GET", "short"));
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (c.call("GET", "short") != null) {
                assertTrue(System.nanoTime() < deadline, "the key never expired");
                Thread.sleep(20); // waiting for wall-clock expiry: there is nothing to latch on
            }
            assertEquals(0L, c.call("EXISTS", "short"));
            assertEquals("v", c.call("GET", "long"));
        }
    }

    @Test
    void theSweeperRemovesExpiredKeysNobodyReads() throws Exception {
        try (RespClient c = server.client()) {
            for (int i = 0; i < 50; i++) c.call("SET", "tmp" + i, "v", "PX", "50");
            c.call("SET", "keep", "v");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while ((Long) c.call("DBSIZE") != 1) { // DBSIZE counts unswept expired keys, as in Redis
                assertTrue(System.nanoTime() < deadline, "the sweeper did not remove the expired keys");
                Thread.sleep(20);
            }
            assertEquals("v", c.call("GET", "keep"));
        }
    }

    @Test
    void thousandPipelinedCommandsInOneWrite() throws IOException {
        try (RespClient c = server.client()) {
            ByteArrayOutputStream batch = new ByteArrayOutputStream();
            for (int i = 0; i < 1000; i++) {
                batch.writeBytes(i % 2 == 0 ? RespClient.encode("INCR", "counter") : RespClient.encode("SET", "k" + i, "v" + i));
            }
            c.send(batch.toByteArray());
            for (int i = 0; i < 1000; i++) {
                Object reply = c.read();
                if (i % 2 == 0) assertEquals((long) (i / 2 + 1), reply, "reply " + i);
                else assertEquals("OK", reply, "reply " + i);
            }
            assertEquals("v999", c.call("GET", "k999"));
            assertEquals("500", c.call("GET", "counter"));
        }
    }

    @Test
    void inlineCommands() throws IOException {
        try (RespClient c = server.client()) {
            c.send("PING\r\nSET greeting \"hello world\"\r\nGET greeting\n");
            assertEquals("PONG", c.read());
            assertEquals("OK", c.read());
            assertEquals("hello world", c.read());
        }
    }

    @Test
    void malformedInputGetsAnErrorAndACloseAndTheServerServesOthers() throws IOException {
        try (RespClient bystander = server.client()) {
            assertEquals("OK", bystander.call("SET", "k", "v"));
            for (String garbage : List.of("*2\r\n+GET\r\n", "*1\r\n$999999999999\r\n", "*abc\r\n", "SET \"open\r\n")) {
                try (RespClient bad = server.client()) {
                    // A valid request before the garbage is answered first (its reply is flushed).
                    bad.send(new String(RespClient.encode("PING"), UTF_8) + garbage);
                    assertEquals("PONG", bad.read());
                    assertTrue(err(bad.read()).startsWith("ERR Protocol error: "), garbage);
                    assertTrue(bad.readsEndOfStream(), "the connection is closed after a protocol error");
                }
            }
            assertEquals("v", bystander.call("GET", "k"), "other connections are unaffected");
        }
        try (RespClient later = server.client()) {
            assertEquals("PONG", later.call("PING"), "and new ones are still accepted");
        }
    }

    @Test
    void oversizedBulkIsRejectedBeforeItIsRead() throws IOException {
        server.close();
        server = new TestServer(new Limits(1024, 8, 16));
        try (RespClient c = server.client()) {
            c.send("*2\r\n$3\r\nGET\r\n$1025\r\n");
            assertEquals("ERR Protocol error: invalid bulk length", err(c.read()));
            assertTrue(c.readsEndOfStream());
        }
        try (RespClient c = server.client()) {
            c.send("*9\r\n");
            assertEquals("ERR Protocol error: invalid multibulk length", err(c.read()));
            assertTrue(c.readsEndOfStream());
        }
        try (RespClient c = server.client()) {
            String max = "x".repeat(1024);
            assertEquals("OK", c.call("SET", "k", max), "exactly the limit is fine");
            assertEquals(max, c.call("GET", "k"));
        }
    }

    @Test
    void quitRepliesOkThenCloses() throws IOException {
        try (RespClient c = server.client()) {
            c.send(new String(RespClient.encode("QUIT"), UTF_8) + new String(RespClient.encode("PING"), UTF_8));
            assertEquals("OK", c.read());
            assertTrue(c.readsEndOfStream(), "nothing after QUIT is executed");
        }
    }

    @Test
    void publishSubscribeBetweenTwoConnections() throws IOException {
        try (RespClient sub = server.client(); RespClient pub = server.client()) {
            assertEquals(List.of("subscribe", "news", 1L), sub.call("SUBSCRIBE", "news"));
            sub.send(RespClient.encode("SUBSCRIBE", "sport", "news"));
            assertEquals(List.of("subscribe", "sport", 2L), sub.read());
            assertEquals(List.of("subscribe", "news", 2L), sub.read(), "already subscribed: still 2");
            assertEquals(1L, pub.call("PUBLISH", "news", "hello"));
            assertEquals(0L, pub.call("PUBLISH", "weather", "nobody listens"));
            assertEquals(List.of("message", "news", "hello"), sub.read());
            for (int i = 0; i < 100; i++) pub.call("PUBLISH", i % 2 == 0 ? "news" : "sport", "m" + i);
            List<String> perChannelOrder = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                @SuppressWarnings("unchecked")
                List<Object> m = (List<Object>) sub.read();
                assertEquals("message", m.get(0));
                if (m.get(1).equals("news")) perChannelOrder.add((String) m.get(2));
            }
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 100; i += 2) expected.add("m" + i);
            assertEquals(expected, perChannelOrder, "each channel's messages arrive in publish order");

            assertTrue(err(sub.call("GET", "k")).startsWith("ERR Can't execute 'get'"));
            assertEquals(List.of("pong", ""), sub.call("PING"));
            assertEquals(List.of("unsubscribe", "news", 1L), sub.call("UNSUBSCRIBE", "news"));
            assertEquals(0L, pub.call("PUBLISH", "news", "after unsubscribe"));
            assertEquals(List.of("unsubscribe", "sport", 0L), sub.call("UNSUBSCRIBE"));
            assertEquals("PONG", sub.call("PING"), "back to normal mode");
            assertNull(sub.call("GET", "k"));
            assertEquals(0, server.server.context().pubsub().channelCount(), "channels without subscribers are removed");
        }
    }

    @Test
    void aSubscriberThatLeavesIsUnsubscribed() throws Exception {
        try (RespClient pub = server.client()) {
            try (RespClient sub = server.client()) {
                sub.call("SUBSCRIBE", "c");
                assertEquals(1L, pub.call("PUBLISH", "c", "x"));
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            while ((Long) pub.call("PUBLISH", "c", "y") != 0) {
                assertTrue(System.nanoTime() < deadline, "the closed subscriber was never unsubscribed");
                Thread.sleep(10); // the server notices the close asynchronously
            }
        }
    }

    @Test
    void aSubscriberThatFallsTooFarBehindIsDisconnected() throws Exception {
        server.close();
        server = new TestServer(new Limits(1024 * 1024, 1024, 4));
        int published = 500;
        try (RespClient sub = server.client(); RespClient pub = server.client()) {
            sub.call("SUBSCRIBE", "flood");
            String big = "p".repeat(64 * 1024);
            // The subscriber does not read while 500 x 64 KiB (more than the sockets buffer) are
            // published: its task blocks in flush, and the channel's 4-message ring overtakes it.
            for (int i = 0; i < published; i++) pub.call("PUBLISH", "flood", big);
            int received = 0;
            try {
                while (true) {
                    assertEquals(List.of("message", "flood", big), sub.read());
                    received++;
                }
            } catch (java.io.EOFException closedByServer) {
                // expected: a SocketTimeoutException instead would mean the server never closed
            }
            assertTrue(received < published, "it was disconnected, not served everything: " + received);
            assertEquals("PONG", pub.call("PING"), "the publisher is unaffected");
        }
    }

    /** 50 clients on their own threads, started on a latch, each doing 200 own-key commands plus a shared counter. */
    @Test
    void fiftyConcurrentClients() throws Exception {
        int clients = 50, rounds = 100;
        CountDownLatch start = new CountDownLatch(1);
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            int me = t;
            threads.add(new Thread(() -> {
                try (RespClient c = server.client()) {
                    start.await();
                    for (int i = 0; i < rounds; i++) {
                        String key = "client" + me + ":" + i;
                        if (!"OK".equals(c.call("SET", key, "v" + i))) throw new AssertionError("SET " + key);
                        Object got = c.call("GET", key);
                        if (!("v" + i).equals(got)) throw new AssertionError("GET " + key + " = " + got);
                        if (!(c.call("INCR", "shared") instanceof Long)) throw new AssertionError("INCR");
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread t : threads) t.join(30_000);
        if (!failures.isEmpty()) {
            AssertionError e = new AssertionError(failures.size() + " client(s) failed");
            failures.forEach(e::addSuppressed);
            throw e;
        }
        try (RespClient c = server.client()) {
            assertEquals(String.valueOf(clients * rounds), c.call("GET", "shared"));
        }
    }

    @Test
    void gracefulShutdownAnswersWhatWasReadThenClosesEveryConnection() throws Exception {
        RespClient idle = server.client();
        RespClient subscriber = server.client();
        subscriber.call("SUBSCRIBE", "c");
        RespClient busy = server.client();
        assertEquals("OK", busy.call("SET", "k", "v"));
        server.stop();
        assertTrue(idle.readsEndOfStream(), "an idle connection is closed");
        assertTrue(subscriber.readsEndOfStream(), "a subscriber is closed");
        assertTrue(busy.readsEndOfStream());
        assertTrue(server.running.isFinished());
        assertEquals(0, server.server.context().connections().open());
        assertThrows(IOException.class, () -> server.client().call("PING"), "the listener is closed");
        idle.close();
        subscriber.close();
        busy.close();
    }

    /**
     * 8 subscribers and 4 publishers on their own connections and threads; each publisher sends
     * 250 messages to each of 2 channels as fast as it can. Every subscriber receives all 1,000
     * messages of its channel, each publisher's in order.
     */
    @Test
    void concurrentPublishersAndSubscribers() throws Exception {
        int subscribers = 8, publishers = 4, perChannel = 250;
        List<RespClient> subs = new ArrayList<>();
        try {
            for (int i = 0; i < subscribers; i++) {
                RespClient sub = server.client();
                subs.add(sub);
                String channel = "ch" + (i % 2);
                assertEquals(List.of("subscribe", channel, 1L), sub.call("SUBSCRIBE", channel));
            }
            CountDownLatch start = new CountDownLatch(1);
            Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < publishers; p++) {
                int me = p;
                threads.add(new Thread(() -> {
                    try (RespClient pub = server.client()) {
                        start.await();
                        ByteArrayOutputStream burst = new ByteArrayOutputStream();
                        for (int i = 0; i < perChannel; i++) {
                            burst.writeBytes(RespClient.encode("PUBLISH", "ch0", me + ":" + i));
                            burst.writeBytes(RespClient.encode("PUBLISH", "ch1", me + ":" + i));
                        }
                        pub.send(burst.toByteArray());
                        for (int i = 0; i < 2 * perChannel; i++) {
                            Object r = pub.read();
                            if (!Long.valueOf(subscribers / 2).equals(r)) throw new AssertionError("PUBLISH reached " + r);
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            for (RespClient sub : subs) {
                threads.add(new Thread(() -> {
                    try {
                        int[] last = new int[publishers];
                        java.util.Arrays.fill(last, -1);
                        for (int n = 0; n < publishers * perChannel; n++) {
                            List<?> m = (List<?>) sub.read();
                            String[] parts = ((String) m.get(2)).split(":");
                            int from = Integer.parseInt(parts[0]), i = Integer.parseInt(parts[1]);
                            if (i != last[from] + 1) throw new AssertionError("publisher " + from + ": " + i + " after " + last[from]);
                            last[from] = i;
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            threads.forEach(Thread::start);
            start.countDown();
            for (Thread t : threads) t.join(30_000);
            if (!failures.isEmpty()) {
                AssertionError e = new AssertionError(failures.size() + " thread(s) failed");
                failures.forEach(e::addSuppressed);
                throw e;
            }
        } finally {
            for (RespClient sub : subs) sub.close();
        }
    }

    /**
     * Shutdown while a 2,000-command pipeline is arriving: the client gets a prefix of the
     * replies, each complete and correct, then end of stream; never a cut reply or a hang.
     */
    @Test
    void shutdownDuringAPipelineFlushesCompleteRepliesThenCloses() throws Exception {
        for (int round = 0; round < 5; round++) {
            try (RespClient c = server.client()) {
                assertEquals("PONG", c.call("PING"));
                ByteArrayOutputStream batch = new ByteArrayOutputStream();
                for (int i = 0; i < 2_000; i++) batch.writeBytes(RespClient.encode("INCR", "round" + round));
                Thread stopper = new Thread(server.server::shutdown);
                c.send(batch.toByteArray());
                stopper.start();
                long expected = 1;
                try {
                    while (true) {
                        assertEquals(expected, c.read(), "replies are complete and in order");
                        expected++;
                    }
                } catch (java.net.SocketTimeoutException hang) {
                    throw new AssertionError("the connection was neither answered nor closed", hang);
                } catch (IOException end) {
                    // End of stream, or a reset: closing a socket with unread input (the rest of the
                    // pipeline) makes the kernel send RST. A cut reply would fail the assertion above.
                }
                assertTrue(expected - 1 <= 2_000);
                stopper.join();
            }
            server.close();
            server = new TestServer();
        }
    }

    @Test
    void configAndCommandAnswersForClientStartup() throws IOException {
        try (RespClient c = server.client()) {
            assertEquals(List.of("save", "", "appendonly", "no"), c.call("CONFIG", "GET", "save", "appendonly"));
            assertEquals(List.of(), c.call("COMMAND", "DOCS"));
            assertTrue(((String) c.call("INFO")).contains("redis_version:"));
        }
    }
}
