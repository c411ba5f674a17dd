package dev.ratchet.bench.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

/**
 * The fixed echo load generator, the same for every echo server: {@code connections} blocking
 * loopback connections, one platform thread each, each sending {@code messages} messages of
 * {@code size} bytes one at a time and reading each echo back in full (and checking it) before
 * sending the next. Prints one line of figures.
 *
 * <pre>{@code
 * java -cp benchmarks/target/classes dev.ratchet.bench.net.EchoClient PORT 50 20000 512
 * # echo connections=50 messages=1000000 size=512 seconds=4.210 msgs_per_s=237529 mb_per_s=121.6
 * }</pre>
 *
 * <p>Timing starts when every connection is open and all threads are released together (a
 * latch) and ends when the last one has its last echo. MB/s counts the payload echoed (one
 * direction, 10^6 bytes per MB); the bytes on the wire are twice that. Exit status 1 if any
 * connection failed or received wrong bytes.
 */
public final class EchoClient {
    private EchoClient() {}

    /** Usage: {@code EchoClient PORT CONNECTIONS MESSAGES_PER_CONNECTION MESSAGE_SIZE}; see the class notes. */
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: EchoClient PORT CONNECTIONS MESSAGES_PER_CONNECTION MESSAGE_SIZE");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        int connections = positive(args[1], "CONNECTIONS");
        int messages = positive(args[2], "MESSAGES_PER_CONNECTION");
        int size = positive(args[3], "MESSAGE_SIZE");

        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
            s.setTcpNoDelay(true);
            sockets.add(s);
        }
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(connections);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < connections; i++) {
            Socket s = sockets.get(i);
            int seed = i;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    run(s, messages, size, seed);
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    done.countDown();
                }
            }, "echo-client-" + i);
            t.setDaemon(true);
            t.start();
        }
        long t0 = System.nanoTime();
        start.countDown();
        done.await();
        double seconds = (System.nanoTime() - t0) / 1e9;
        for (Socket s : sockets) s.close();
        if (!failures.isEmpty()) {
            System.err.println(failures.size() + " connection(s) failed, the first: " + failures.peek());
            System.exit(1);
        }
        long total = (long) connections * messages;
        System.out.printf(Locale.ROOT, "echo connections=%d messages=%d size=%d seconds=%.3f msgs_per_s=%.0f mb_per_s=%.1f%n",
                connections, total, size, seconds, total / seconds, total * (double) size / seconds / 1e6);
    }

    /** Sends {@code messages} messages, reading and checking each echo before the next. */
    static void run(Socket s, int messages, int size, int seed) throws IOException {
        OutputStream out = s.getOutputStream();
        InputStream in = s.getInputStream();
        byte[] message = new byte[size];
        byte[] echo = new byte[size];
        for (int m = 0; m < messages; m++) {
            Arrays.fill(message, (byte) (seed + m)); // a different pattern each time: stale bytes would show
            out.write(message);
            int got = 0;
            while (got < size) {
                int n = in.read(echo, got, size - got);
                if (n < 0) throw new IOException("server closed the connection after " + m + " messages");
                got += n;
            }
            if (!Arrays.equals(message, echo)) throw new IOException("message " + m + " came back different");
        }
    }

    private static int positive(String s, String name) {
        int v = Integer.parseInt(s);
        if (v <= 0) throw new IllegalArgumentException(name + " must be positive, got " + v);
        return v;
    }
}
