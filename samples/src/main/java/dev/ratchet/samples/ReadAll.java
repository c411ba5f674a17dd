package dev.ratchet.samples;

import static dev.ratchet.Futures.await;

import dev.ratchet.Async;
import dev.ratchet.net.AsyncRead;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Reads a stream to its end, asynchronously: shared by the HTTP and echo samples.
 *
 * <pre>{@code
 * @Async
 * String fetch(TcpStream stream) {
 *     byte[] all = ReadAll.readToEnd(stream);   // a call of an @Async method: an implicit await
 *     return new String(all, UTF_8);
 * }
 * }</pre>
 */
public final class ReadAll {
    private ReadAll() {}

    /**
     * Reads {@code in} until end of stream and returns every byte read. Each read is an await:
     * while no bytes are available the task is suspended and its thread serves other tasks.
     */
    @Async
    public static byte[] readToEnd(AsyncRead in) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        while (true) {
            int n = await(in.read(ByteBuffer.wrap(chunk)));
            if (n < 0) break; // the peer closed its side: end of stream
            all.write(chunk, 0, n);
        }
        return all.toByteArray();
    }
}
