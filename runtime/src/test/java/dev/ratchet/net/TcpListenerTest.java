package dev.ratchet.net;

import static dev.ratchet.net.TestDriver.blockOnForTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.internal.io.Interest;
import dev.ratchet.internal.io.ReactorHandle;
import java.io.IOException;
import java.net.BindException;
import java.net.SocketTimeoutException;
import java.nio.channels.SelectionKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TcpListenerTest {
    @Test
    void bindToPortZeroPicksAFreePort() throws IOException {
        try (TcpListener l = TcpListener.bind(Loopback.ANY_PORT)) {
            assertNotEquals(0, l.localAddress().getPort());
            assertEquals("127.0.0.1", l.localAddress().getAddress().getHostAddress());
        }
    }

    @Test
    void bindingAPortInUseFailsWithBindExceptionNamingTheAddress() throws IOException {
        try (TcpListener first = TcpListener.bind(Loopback.ANY_PORT)) {
            BindException e = assertThrows(BindException.class, () -> TcpListener.bind(first.localAddress()));
            assertTrue(e.getMessage().contains(first.localAddress().toString()), e.getMessage());
            assertTrue(e.getMessage().toLowerCase().contains("in use"), e.getMessage());
        }
    }

    @Test
    void badArgumentsAreRejected() {
        assertEquals("address", assertThrows(NullPointerException.class, () -> TcpListener.bind(null)).getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TcpListener.bind(Loopback.ANY_PORT, 0));
        assertTrue(e.getMessage().contains("backlog"), e.getMessage());
    }

    @Test
    void acceptWaitsForAConnectionAndIsWokenByIt() throws Exception {
        try (TcpListener l = TcpListener.bind(Loopback.ANY_PORT)) {
            Future<TcpStream> accept = l.accept();
            CountDownLatch woken = new CountDownLatch(1);
            Context cx = Context.of(woken::countDown);
            assertTrue(accept.poll(cx).isPending());
            assertEquals(SelectionKey.OP_ACCEPT, l.io().handleIfRegistered().armedOps());

            try (TcpStream client = blockOnForTest(TcpStream.connect(l.localAddress()))) {
                assertTrue(woken.await(10, TimeUnit.SECONDS));
                assertEquals(0, l.io().handleIfRegistered().armedOps(), "the fired interest is cleared");
                try (TcpStream server = accept.poll(cx).value()) {
                    assertEquals(client.localAddress(), server.peerAddress());
                }
            }
        }
    }

    @Test
    void cancellingAPendingAcceptDeregistersItAndTheConnectionWaitsForTheNextAccept() throws IOException {
        try (TcpListener l = TcpListener.bind(Loopback.ANY_PORT)) {
            Future<TcpStream> accept = l.accept();
            AtomicInteger wakes = new AtomicInteger();
            Context cx = Context.of(wakes::incrementAndGet);
            assertTrue(accept.poll(cx).isPending());
            ReactorHandle h = l.io().handleIfRegistered();
            accept.cancel();
            assertEquals(0, h.armedOps());
            assertFalse(h.hasWaker(Interest.ACCEPT));
            assertThrows(CancellationException.class, () -> accept.poll(cx));

            try (TcpStream client = blockOnForTest(TcpStream.connect(l.localAddress()));
                    TcpStream server = blockOnForTest(l.accept())) {
                assertEquals(client.localAddress(), server.peerAddress());
            }
            assertEquals(0, wakes.get(), "the cancelled accept's task was never woken");
        }
    }

    @Test
    void closeWakesAPendingAcceptWhichFailsWithListenerIsClosed() throws IOException {
        TcpListener l = TcpListener.bind(Loopback.ANY_PORT);
        Future<TcpStream> accept = l.accept();
        AtomicInteger wakes = new AtomicInteger();
        Context cx = Context.of(wakes::incrementAndGet);
        assertTrue(accept.poll(cx).isPending());
        l.close();
        assertEquals(1, Loopback.awaitCount(wakes, 1), "close wakes the pending accept (once)");
        IOException e = assertThrows(IOException.class, () -> accept.poll(cx));
        assertEquals("listener is closed", e.getMessage());
        assertEquals("listener is closed",
                assertThrows(IOException.class, () -> blockOnForTest(l.accept())).getMessage());
    }

    @Test
    void anAcceptThatIsNeverPolledRegistersNothing() throws IOException {
        try (TcpListener l = TcpListener.bind(Loopback.ANY_PORT)) {
            l.accept();
            assertNull(l.io().handleIfRegistered());
        }
    }

    /**
     * With a backlog of one and nobody accepting, Linux drops further SYNs, so a connect neither
     * succeeds nor fails: only the deadline ends it.
     */
    @Test
    void connectGivesUpAtItsDeadlineWhenTheServerNeverAnswers() throws Exception {
        try (TcpListener l = TcpListener.bind(Loopback.ANY_PORT, 1)) {
            List<TcpStream> fillers = new ArrayList<>();
            try {
                Duration timeout = Duration.ofMillis(200);
                SocketTimeoutException timedOut = null;
                long elapsed = 0;
                for (int i = 0; i < 16 && timedOut == null; i++) {
                    long start = System.nanoTime();
                    try {
                        fillers.add(blockOnForTest(TcpStream.connect(l.localAddress(), timeout)));
                    } catch (Exception e) { // rethrown sneakily by poll: javac cannot see it
                        if (!(e instanceof SocketTimeoutException ste)) throw e;
                        timedOut = ste;
                        elapsed = System.nanoTime() - start;
                    }
                }
                assertTrue(timedOut != null, "the backlog never filled up: " + fillers.size() + " connections");
                assertTrue(timedOut.getMessage().contains(l.localAddress().toString()), timedOut.getMessage());
                assertTrue(elapsed >= timeout.toNanos(), "not before the deadline: " + elapsed);
                assertTrue(elapsed < Duration.ofSeconds(5).toNanos(), "promptly after it: " + elapsed);
            } finally {
                for (TcpStream s : fillers) s.close();
            }
        }
    }
}
