package dev.ratchet.bench.net;

import dev.ratchet.miniredis.RequestHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * mini-redis on virtual threads: one virtual thread per connection with blocking socket streams,
 * running the very parser, commands and keyspace of Ratchet's mini-redis through {@link
 * RequestHandler} — only the I/O model differs. The loop is the Ratchet connection's: read what
 * has arrived, execute every complete request, write all the replies at once, read again.
 *
 * <pre>{@code
 * java -cp benchmarks/target/classes:samples/mini-redis/target/classes:runtime/target/classes \
 *     dev.ratchet.bench.net.VirtualThreadMiniRedis --port 0
 * # mini-redis (virtual threads) ready on 127.0.0.1 port 40125
 * }</pre>
 *
 * <p>Differences from the Ratchet server: no SUBSCRIBE/UNSUBSCRIBE (answered with an error; the
 * benchmark does not use them), no graceful shutdown, and the expiry sweep runs on a platform
 * thread every 100 ms. Serves until the process is killed.
 */
public final class VirtualThreadMiniRedis {
    private static final int INITIAL_BUFFER = 8 * 1024;

    private VirtualThreadMiniRedis() {}

    /** Usage: {@code VirtualThreadMiniRedis [--port N]} (0, the default, picks a free port, printed on the first line). */
    public static void main(String[] args) throws IOException {
        int port = Ports.parse(args, "VirtualThreadMiniRedis");
        try (ServerSocket listener = new ServerSocket(port, 1024, InetAddress.getLoopbackAddress())) {
            RequestHandler.Shared shared = new RequestHandler.Shared(listener.getLocalPort());
            Thread sweeper = new Thread(() -> sweep(shared), "expiry-sweeper");
            sweeper.setDaemon(true);
            sweeper.start();
            System.out.println("mini-redis (virtual threads) ready on 127.0.0.1 port " + listener.getLocalPort());
            System.out.flush();
            while (true) {
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true); // replies are batched already
                shared.opened();
                Thread.ofVirtual().start(() -> serve(socket, shared));
            }
        }
    }

    private static void sweep(RequestHandler.Shared shared) {
        while (true) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            shared.sweepExpired();
        }
    }

    /** One connection: fill, execute what is complete, write the replies, repeat. */
    static void serve(Socket socket, RequestHandler.Shared shared) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream replies = new ByteArrayOutputStream(INITIAL_BUFFER);
            RequestHandler handler = new RequestHandler(shared, replies::write);
            byte[] buf = new byte[INITIAL_BUFFER];
            int end = 0; // unconsumed input is buf[0, end)
            while (!handler.isClosing()) {
                if (end == buf.length) buf = Arrays.copyOf(buf, buf.length * 2); // one element did not fit
                int n = in.read(buf, end, buf.length - end);
                if (n < 0) break;
                end += n;
                ByteBuffer input = ByteBuffer.wrap(buf, 0, end);
                handler.handle(input);
                int used = input.position();
                System.arraycopy(buf, used, buf, 0, end - used); // keep the unfinished element
                end -= used;
                if (replies.size() > 0) {
                    replies.writeTo(out);
                    replies.reset();
                }
            }
        } catch (IOException e) {
            // a reset: the ordinary end of a connection
        } finally {
            shared.closed();
        }
    }
}
