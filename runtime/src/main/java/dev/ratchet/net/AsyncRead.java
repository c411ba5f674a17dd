package dev.ratchet.net;

import dev.ratchet.Future;
import java.nio.ByteBuffer;

/**
 * A source of bytes read asynchronously (Tokio's {@code AsyncRead}): implemented by {@link
 * TcpStream} and {@link BufReader}, and wrapped by {@link BufReader}.
 *
 * <pre>{@code
 * int n = await(source.read(buffer));   // -1 at end of stream
 * }</pre>
 */
public interface AsyncRead {
    /**
     * Reads at least one byte into {@code dst} (advancing its position), waiting until some are
     * available. Completes with the number of bytes read, {@code -1} at end of stream, or {@code
     * 0} only if {@code dst} has no room. Lazy: nothing is read before the first poll.
     */
    Future<Integer> read(ByteBuffer dst);
}
