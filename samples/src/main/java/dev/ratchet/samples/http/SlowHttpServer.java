package dev.ratchet.samples.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP server whose every response takes {@code delay}: it stands in for a slow remote
 * service. A pool of threads serves requests concurrently, so the only thing that makes clients
 * slow is how they wait.
 *
 * <pre>{@code
 * try (SlowHttpServer server = SlowHttpServer.start(Duration.ofMillis(200))) {
 *     URL url = URI.create("http://127.0.0.1:" + server.address().getPort() + "/hello").toURL();
 *     ...  // GET /hello answers "hello from /hello\n" after 200 ms
 * }
 * }</pre>
 */
public final class SlowHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool;

    private SlowHttpServer(HttpServer server, ExecutorService pool) {
        this.server = server;
        this.pool = pool;
    }

    /**
     * Starts a server on {@code 127.0.0.1} and a free port, each response delayed by {@code delay}.
     *
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    public static SlowHttpServer start(Duration delay) throws IOException {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) throw new IllegalArgumentException("delay must not be negative, got " + delay);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        ExecutorService pool = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "slow-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", exchange -> respondSlowly(exchange, delay));
        server.start();
        return new SlowHttpServer(server, pool);
    }

    /** The body the server answers for {@code path}. */
    public static String bodyFor(String path) {
        return "hello from " + path + "\n";
    }

    private static void respondSlowly(HttpExchange exchange, Duration delay) throws IOException {
        try (exchange) {
            try {
                Thread.sleep(delay.toMillis()); // the slow backend: blocks this server thread only
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            byte[] body = bodyFor(exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The address the server listens on (with its actual port). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Stops the server (at once: no request is pending when a sample closes it) and its threads. */
    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
