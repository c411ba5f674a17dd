package dev.ratchet.miniredis.echo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.net.TcpListener;
import dev.ratchet.runtime.Executor;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EchoServerTest {
    @Test
    void manyConcurrentClientsGetEveryByteBackInOrder() throws Exception {
        int clients = 16, messages = 200;
        try (Executor executor = Executor.multiThreaded()) {
            TcpListener listener = TcpListener.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = listener.localAddress().getPort();
            executor.spawn(EchoServerAsync.acceptLoop(new EchoServer(listener)));

            CountDownLatch start = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(clients);
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            for (int c = 0; c < clients; c++) {
                int seed = c;
                Thread t = new Thread(() -> {
                    try (Socket s = new Socket("127.0.0.1", port)) {
                        start.await();
                        Random random = new Random(seed);
                        OutputStream out = s.getOutputStream();
                        DataInputStream in = new DataInputStream(s.getInputStream());
                        for (int m = 0; m < messages; m++) {
                            // up to 2.5x the server's buffer: some echoes take several reads
                            byte[] sent = new byte[1 + random.nextInt(EchoServer.BUFFER * 5 / 2)];
                            random.nextBytes(sent);
                            out.write(sent);
                            byte[] back = new byte[sent.length];
                            in.readFully(back);
                            assertArrayEquals(sent, back, "client " + seed + " message " + m);
                        }
                        s.shutdownOutput();
                        assertEquals(-1, in.read(), "the server closes after end of input");
                    } catch (Throwable e) {
                        failures.add(e);
                    } finally {
                        done.countDown();
                    }
                });
                t.start();
            }
            start.countDown();
            assertTrue(done.await(60, TimeUnit.SECONDS), "clients finished");
            assertEquals(List.of(), List.copyOf(failures));
        }
    }
}
