package dev.ratchet.net;

import dev.ratchet.Future;
import java.nio.ByteBuffer;

/**
 * A sink of bytes written asynchronously (Tokio's {@code AsyncWrite}): implemented by {@link
 * TcpStream} and wrapped by {@link BufWriter}.
 *
 * <pre>{@code
 * int n = await(sink.write(buffer));    // n >= 1 unless buffer was empty
 * }</pre>
 */
public interface AsyncWrite {
    /**
     * Writes at least one byte of {@code src} (advancing its position), waiting until the sink
     * accepts some. Completes with the number of bytes written ({@code 0} only if {@code src} is
     * empty). Lazy: nothing is written before the first poll.
     */
    Future<Integer> write(ByteBuffer src);
}
