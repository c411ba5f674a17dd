package dev.ratchet.miniredis;

import dev.ratchet.runtime.Executor;
import dev.ratchet.runtime.JoinHandle;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/** A server on 127.0.0.1:0 running on its own two-worker executor, for one test. */
final class TestServer implements AutoCloseable {
    final Executor executor = Executor.builder().workers(2).threadNamePrefix("mini-redis-test").buildMultiThreaded();
    final Server server;
    final JoinHandle<Void> running;

    TestServer() throws IOException {
        this(Limits.DEFAULT);
    }

    TestServer(Limits limits) throws IOException {
        server = Server.bind(new InetSocketAddress("127.0.0.1", 0), limits, Duration.ofSeconds(2));
        running = executor.spawn(ServerAsync.run(server));
    }

    InetSocketAddress address() {
        return server.localAddress();
    }

    RespClient client() throws IOException {
        return new RespClient(address());
    }

    /** Shuts the server down gracefully and waits for it. */
    void stop() {
        server.shutdown();
        executor.blockOn(running);
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            executor.close();
        }
    }
}
