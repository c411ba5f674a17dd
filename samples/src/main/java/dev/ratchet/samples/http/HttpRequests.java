package dev.ratchet.samples.http;

import static dev.ratchet.Futures.await;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.ratchet.Async;
import dev.ratchet.Futures;
import dev.ratchet.net.TcpStream;
import dev.ratchet.runtime.Executor;
import dev.ratchet.runtime.JoinHandle;
import dev.ratchet.samples.Expect;
import dev.ratchet.samples.Narrator;
import dev.ratchet.samples.ReadAll;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The seeds' "synchronous vs asynchronous HTTP requests": five GETs against a server that takes
 * 200 ms per response.
 * <ul>
 *   <li><b>blocking</b>: {@link HttpURLConnection}, one request after the other. The thread sits
 *       in {@code read()} for each response: ~5 × 200 ms.
 *   <li><b>async</b>: five tasks on {@code Executor.currentThread()} — a single thread — each
 *       speaking HTTP/1.0 over a {@link TcpStream}. While one task waits for its response, the
 *       thread polls the others: the five waits overlap, ~200 ms in all.
 * </ul>
 *
 * <pre>{@code
 * @Async
 * static String get(InetSocketAddress server, String path) throws IOException {
 *     try (TcpStream stream = await(TcpStream.connect(server, CONNECT_TIMEOUT))) {
 *         await(stream.writeAll(request(server, path)));
 *         return bodyOf(path, ReadAll.readToEnd(stream));   // an @Async call: implicit await
 *     }
 * }
 * }</pre>
 *
 * Generated state machines: {@code
 * samples/target/generated-sources/annotations/dev/ratchet/samples/http/HttpRequestsAsync.java}.
 */
public final class HttpRequests {
    /** How long the server takes per response. */
    public static final Duration SERVER_DELAY = Duration.ofMillis(200);

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final int REQUESTS = 5;

    private HttpRequests() {}

    /** Both timings in milliseconds, and the bodies each way received (in request order). */
    public record Result(long blockingMillis, long asyncMillis, List<String> blockingBodies, List<String> asyncBodies) {}

    public static void main(String[] args) throws IOException {
        run();
    }

    /** Starts the slow server, runs both ways against it, prints and checks the timings. */
    public static Result run() throws IOException {
        Narrator n = new Narrator();
        List<String> paths = new ArrayList<>();
        for (int i = 1; i <= REQUESTS; i++) paths.add("/item/" + i);
        List<String> expected = paths.stream().map(SlowHttpServer::bodyFor).toList();

        try (SlowHttpServer server = SlowHttpServer.start(SERVER_DELAY)) {
            n.say("slow server on %s, %d ms per response", server.address(), SERVER_DELAY.toMillis());

            long start = System.nanoTime();
            List<String> blocking = new ArrayList<>();
            for (String path : paths) {
                blocking.add(getBlocking(server.address(), path));
                n.say("blocking GET %s: done", path);
            }
            long blockingMillis = (System.nanoTime() - start) / 1_000_000;

            List<String> async;
            try (Executor executor = Executor.currentThread()) {
                start = System.nanoTime();
                async = executor.blockOn(HttpRequestsAsync.getAll(n, server.address(), paths));
            }
            long asyncMillis = (System.nanoTime() - start) / 1_000_000;

            n.say("%d requests: blocking one by one %d ms, async tasks on one thread %d ms",
                    REQUESTS, blockingMillis, asyncMillis);
            Expect.that(blocking.equals(expected), "the blocking bodies " + blocking + " to be " + expected);
            Expect.that(async.equals(expected), "the async bodies " + async + " to be " + expected);
            long delay = SERVER_DELAY.toMillis();
            Expect.that(blockingMillis >= REQUESTS * delay, "the blocking requests to wait one after the other");
            Expect.that(asyncMillis < 3 * delay, "the async requests to wait together (under three delays)");
            return new Result(blockingMillis, asyncMillis, blocking, async);
        }
    }

    /** One GET with the JDK's blocking client: the calling thread waits for the whole response. */
    static String getBlocking(InetSocketAddress server, String path) throws IOException {
        URI uri = URI.create("http://" + server.getHostString() + ":" + server.getPort() + path);
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        try {
            connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            int status = connection.getResponseCode();
            if (status != 200) throw new IOException("GET " + path + ": HTTP status " + status);
            try (InputStream in = connection.getInputStream()) {
                return new String(in.readAllBytes(), UTF_8);
            }
        } finally {
            connection.disconnect();
        }
    }

    /**
     * Spawns one task per path (they start at once) and collects their bodies in path order.
     * Awaiting the handles one by one costs nothing: the tasks run meanwhile.
     */
    @Async
    static List<String> getAll(Narrator n, InetSocketAddress server, List<String> paths) throws IOException {
        List<JoinHandle<String>> tasks = new ArrayList<>();
        for (String path : paths) {
            tasks.add(Futures.spawn(HttpRequestsAsync.get(n, server, path)));
        }
        n.say("async: spawned %d request tasks", tasks.size());
        List<String> bodies = new ArrayList<>();
        for (JoinHandle<String> task : tasks) {
            String body = await(task); // rethrows the task's IOException, if any
            bodies.add(body);
        }
        return bodies;
    }

    /**
     * One GET over a raw TCP connection in HTTP/1.0: write the request, read the response until
     * the server closes the connection, return the body. Every await suspends only this task.
     */
    @Async
    static String get(Narrator n, InetSocketAddress server, String path) throws IOException {
        try (TcpStream stream = await(TcpStream.connect(server, CONNECT_TIMEOUT))) {
            await(stream.writeAll(request(server, path)));
            n.say("async GET %s: request sent, waiting", path);
            byte[] response = ReadAll.readToEnd(stream); // implicit await of another @Async method
            n.say("async GET %s: %d bytes received", path, response.length);
            return bodyOf(path, response);
        }
    }

    /** An HTTP/1.0 request: the server closes the connection after the response, which ends it. */
    static byte[] request(InetSocketAddress server, String path) {
        return ("GET " + path + " HTTP/1.0\r\n"
                + "Host: " + server.getHostString() + ":" + server.getPort() + "\r\n"
                + "Connection: close\r\n"
                + "\r\n").getBytes(US_ASCII);
    }

    /** The body of a complete HTTP response, if its status is 200. */
    static String bodyOf(String path, byte[] response) throws IOException {
        String text = new String(response, UTF_8);
        int headersEnd = text.indexOf("\r\n\r\n");
        if (headersEnd < 0) throw new IOException("GET " + path + ": incomplete response: " + text);
        String statusLine = text.substring(0, text.indexOf("\r\n"));
        if (!statusLine.matches("HTTP/1\\.[01] 200 .*")) throw new IOException("GET " + path + ": " + statusLine);
        return text.substring(headersEnd + 4);
    }
}
