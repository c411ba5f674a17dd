package dev.ratchet.miniredis.echo;

import static dev.ratchet.Futures.await;

import dev.ratchet.Async;
import dev.ratchet.Futures;
import dev.ratchet.net.TcpListener;
import dev.ratchet.net.TcpStream;
import dev.ratchet.runtime.Executor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;

/**
 * Echoes every byte each client sends, one task per connection on {@code
 * Executor.multiThreaded()}: the Ratchet server of the echo benchmark.
 *
 * <pre>{@code
 * java -cp samples/mini-redis/target/classes:runtime/target/classes dev.ratchet.miniredis.echo.EchoServer --port 0
 * # echo ready on 127.0.0.1 port 40123
 * }</pre>
 *
 * <p>It serves until the process is killed (a benchmark peer, not a service: no graceful
 * shutdown). A connection's task reads up to {@value #BUFFER} bytes and writes them all back
 * before reading again, so a client that stops reading stops being read (TCP backpressure).
 */
public final class EchoServer {
    static final int BUFFER = 16 * 1024;

    final TcpListener listener;

    EchoServer(TcpListener listener) {
        this.listener = listener;
    }

    /** Accepts forever, spawning one {@link Echo} task per connection. */
    @Async
    void acceptLoop() throws IOException {
        while (true) {
            TcpStream stream = await(listener.accept());
            stream.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Futures.spawn(EchoAsync.run(new Echo(stream)));
        }
    }

    /** Usage: {@code EchoServer [--port N]} (0, the default, picks a free port, printed on the first line). */
    public static void main(String[] args) throws Exception {
        int port = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else {
                System.err.println("usage: EchoServer [--port N]   (unknown argument " + args[i] + ")");
                System.exit(2);
            }
        }
        try (Executor executor = Executor.multiThreaded()) {
            TcpListener listener = TcpListener.bind(new InetSocketAddress("127.0.0.1", port));
            System.out.println("echo ready on 127.0.0.1 port " + listener.localAddress().getPort());
            System.out.flush();
            executor.blockOn(EchoServerAsync.acceptLoop(new EchoServer(listener)));
        }
    }
}
