package dev.ratchet.samples.echo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ratchet.runtime.Executor;
import dev.ratchet.runtime.JoinHandle;
import dev.ratchet.net.TcpListener;
import dev.ratchet.samples.Narrator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class EchoTest {
    @Test
    void everyClientGetsItsOwnMessageBack() throws IOException {
        Echo.Result r = Echo.run();
        assertEquals(Echo.CLIENTS, r.replies().size());
        assertEquals(r.sent(), r.replies());
    }

    /** Binary data, larger than the socket buffers, from a plain blocking client: every byte comes back in order. */
    @Test
    void bytesRoundTripThroughTheServer() throws Exception {
        byte[] data = new byte[512 * 1024];
        new Random(42).nextBytes(data);
        try (Executor executor = Executor.multiThreaded();
                TcpListener listener = TcpListener.bind(new InetSocketAddress("127.0.0.1", 0))) {
            JoinHandle<Void> server = executor.spawn(EchoAsync.serve(new Narrator(false), listener));
            try (Socket socket = new Socket()) {
                socket.connect(listener.localAddress(), 5_000);
                socket.setSoTimeout(10_000);
                // Write on another thread while reading here: the echo comes back while we still send.
                CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                    try {
                        OutputStream out = socket.getOutputStream();
                        out.write(data);
                        socket.shutdownOutput();
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                });
                InputStream in = socket.getInputStream();
                byte[] back = in.readAllBytes();
                writer.join();
                assertArrayEquals(data, back);
            }
            server.abort();
        }
    }
}
