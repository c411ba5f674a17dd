package dev.ratchet.net;

import static dev.ratchet.net.TestDriver.blockOnForTest;

import java.io.IOException;
import java.net.InetSocketAddress;

/** Loopback helpers for socket tests. */
final class Loopback {
    /** Any free port on 127.0.0.1. */
    static final InetSocketAddress ANY_PORT = new InetSocketAddress("127.0.0.1", 0);

    private Loopback() {}

    /** A connected pair: the client end and the accepted server end. */
    record Pair(TcpStream client, TcpStream server) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                client.close();
            } finally {
                server.close();
            }
        }
    }

    /**
     * Connects to {@code listener} and accepts, on the calling thread: on loopback the handshake
     * completes in the kernel before accept is called, so no second thread is needed.
     */
    /**
     * Waits up to 5 s for {@code counter} to reach {@code expected} (a wake that another thread may
     * deliver), then lingers 20 ms so a surplus would be seen too; returns the final count.
     */
    static int awaitCount(java.util.concurrent.atomic.AtomicInteger counter, int expected) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (counter.get() < expected && System.nanoTime() < deadline) Thread.onSpinWait();
        java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
        return counter.get();
    }

    static Pair connect(TcpListener listener) {
        TcpStream client = blockOnForTest(TcpStream.connect(listener.localAddress()));
        TcpStream server = blockOnForTest(listener.accept());
        return new Pair(client, server);
    }
}
