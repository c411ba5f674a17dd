package dev.ratchet.net;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.internal.io.Interest;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Objects;

/**
 * A TCP connection whose reads and writes are futures, served by the reactor of the executor
 * that polls them (Tokio's {@code TcpStream}).
 *
 * <pre>{@code
 * @Async
 * String hello(InetSocketAddress server) throws IOException {
 *     try (TcpStream s = await(TcpStream.connect(server, Duration.ofSeconds(5)))) {
 *         await(s.writeAll("hello\n".getBytes(UTF_8)));
 *         s.shutdownOutput();
 *         byte[] reply = new byte[64];
 *         int n = await(s.read(reply, 0, reply.length));   // -1: the server closed
 *         return n < 0 ? "" : new String(reply, 0, n, UTF_8);
 *     }
 * }
 * }</pre>
 *
 * <h2>Futures</h2>
 * Every operation returns a lazy future: nothing happens before its first poll, which tries the
 * syscall at once and only waits (arming the reactor) if it would block. Each poll spends one
 * unit of the task's cooperative budget. End of stream is not an error: {@link #read} completes
 * with {@code -1}; only {@link #readExact} turns it into an {@link EOFException}.
 *
 * <h2>Errors</h2>
 * A reset by the peer fails the pending or next read or write with the {@link IOException}
 * reported by the OS. Any operation after {@link #close()} fails with {@code
 * IOException("stream is closed")}; closing wakes pending operations, which fail the same way.
 *
 * <h2>Cancellation and threading</h2>
 * {@code cancel()} on a pending operation withdraws its interest from the reactor at once; its
 * next poll throws {@link java.util.concurrent.CancellationException}. A cancelled read consumed
 * nothing (data stays in the socket for the next read); a cancelled {@code writeAll}/{@code
 * readExact} may have transferred a prefix (the buffer's position says how much). One read and
 * one write may be pending at the same time, from different tasks (e.g. a reader task and a
 * writer task); two pending reads (or two writes) on one stream are not supported: the later
 * one's waker replaces the earlier one's.
 */
public final class TcpStream implements AsyncRead, AsyncWrite, Closeable {
    private final SocketChannel channel;
    private final IoSource io;
    private final InetSocketAddress localAddress;
    private final InetSocketAddress peerAddress;

    /** Wraps a connected, non-blocking channel; {@code io} is its source (maybe already registered). */
    TcpStream(SocketChannel channel, IoSource io) throws IOException {
        this.channel = channel;
        this.io = io;
        // Kept so that they can still be asked (e.g. for log messages) after close.
        this.localAddress = (InetSocketAddress) channel.getLocalAddress();
        this.peerAddress = (InetSocketAddress) channel.getRemoteAddress();
    }

    /**
     * Connects to {@code address}, with no timeout of its own (the OS gives up eventually).
     * Connection refused fails with {@link java.net.ConnectException} naming the address.
     */
    public static Future<TcpStream> connect(InetSocketAddress address) {
        return new ConnectFuture(Objects.requireNonNull(address, "address"), 0);
    }

    /**
     * Connects to {@code address}, failing with {@link java.net.SocketTimeoutException} if the
     * connection is not established within {@code timeout} of the first poll.
     *
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public static Future<TcpStream> connect(InetSocketAddress address, Duration timeout) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("connect timeout must be positive, got " + timeout);
        }
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            nanos = Long.MAX_VALUE / 2; // ~146 years: no timeout in practice, and no overflow
        }
        return new ConnectFuture(address, Math.min(nanos, Long.MAX_VALUE / 2));
    }

    /**
     * Reads at least one byte into {@code dst}. Completes with the count, {@code -1} at end of
     * stream, or {@code 0} if {@code dst} has no room.
     */
    @Override
    public Future<Integer> read(ByteBuffer dst) {
        Objects.requireNonNull(dst, "dst");
        return new IoFuture<>(Interest.READ, "TcpStream.read()", peerAddress) {
            @Override
            IoSource source() {
                return io;
            }

            @Override
            Poll<Integer> attempt(Context cx) throws IOException {
                int n = channel.read(dst);
                return n == 0 && dst.hasRemaining() ? Poll.pending() : Poll.ready(n);
            }
        };
    }

    /** Reads at least one byte into {@code b[off, off+len)}; see {@link #read(ByteBuffer)}. */
    public Future<Integer> read(byte[] b, int off, int len) {
        Objects.requireNonNull(b, "b");
        Objects.checkFromIndexSize(off, len, b.length);
        return read(ByteBuffer.wrap(b, off, len));
    }

    /**
     * Reads until {@code dst} is full.
     * The future fails with an {@link EOFException} if the stream ends first; {@code dst}'s
     * position then says how much was read.
     */
    public Future<Void> readExact(ByteBuffer dst) {
        Objects.requireNonNull(dst, "dst");
        return new IoFuture<>(Interest.READ, "TcpStream.readExact()", peerAddress) {
            @Override
            IoSource source() {
                return io;
            }

            @Override
            Poll<Void> attempt(Context cx) throws IOException {
                while (dst.hasRemaining()) {
                    int n = channel.read(dst);
                    if (n < 0) {
                        throw new EOFException("stream ended with " + dst.remaining() + " of the expected bytes unread");
                    }
                    if (n == 0) return Poll.pending();
                }
                return Poll.ready(null);
            }
        };
    }

    /** Reads exactly {@code b.length} bytes into {@code b}; see {@link #readExact(ByteBuffer)}. */
    public Future<Void> readExact(byte[] b) {
        return readExact(ByteBuffer.wrap(Objects.requireNonNull(b, "b")));
    }

    /**
     * Writes at least one byte of {@code src}, waiting for room in the send buffer. Completes with
     * the count ({@code 0} only if {@code src} is empty).
     */
    @Override
    public Future<Integer> write(ByteBuffer src) {
        Objects.requireNonNull(src, "src");
        return new IoFuture<>(Interest.WRITE, "TcpStream.write()", peerAddress) {
            @Override
            IoSource source() {
                return io;
            }

            @Override
            Poll<Integer> attempt(Context cx) throws IOException {
                int n = channel.write(src);
                return n == 0 && src.hasRemaining() ? Poll.pending() : Poll.ready(n);
            }
        };
    }

    /** Writes at least one byte of {@code b[off, off+len)}; see {@link #write(ByteBuffer)}. */
    public Future<Integer> write(byte[] b, int off, int len) {
        Objects.requireNonNull(b, "b");
        Objects.checkFromIndexSize(off, len, b.length);
        return write(ByteBuffer.wrap(b, off, len));
    }

    /** Writes all of {@code src}; if cancelled, {@code src}'s position says how much was written. */
    public Future<Void> writeAll(ByteBuffer src) {
        Objects.requireNonNull(src, "src");
        return new IoFuture<>(Interest.WRITE, "TcpStream.writeAll()", peerAddress) {
            @Override
            IoSource source() {
                return io;
            }

            @Override
            Poll<Void> attempt(Context cx) throws IOException {
                while (src.hasRemaining()) {
                    if (channel.write(src) == 0) return Poll.pending();
                }
                return Poll.ready(null);
            }
        };
    }

    /** Writes all of {@code b}. */
    public Future<Void> writeAll(byte[] b) {
        return writeAll(ByteBuffer.wrap(Objects.requireNonNull(b, "b")));
    }

    /**
     * Half-closes the connection: sends end-of-stream to the peer, which reads {@code -1}, while
     * this side can still read what the peer sends back.
     */
    public void shutdownOutput() throws IOException {
        io.ensureOpen();
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            throw io.isClosed() ? (IOException) io.closedException().initCause(e) : e;
        }
    }

    /**
     * Sets a socket option, e.g. {@code StandardSocketOptions.TCP_NODELAY} or {@code SO_LINGER}
     * ({@code 0} makes {@link #close()} reset the connection).
     */
    public <T> TcpStream setOption(SocketOption<T> name, T value) throws IOException {
        Objects.requireNonNull(name, "name");
        io.ensureOpen();
        channel.setOption(name, value);
        return this;
    }

    /** The value of a socket option. */
    public <T> T getOption(SocketOption<T> name) throws IOException {
        Objects.requireNonNull(name, "name");
        io.ensureOpen();
        return channel.getOption(name);
    }

    /** The local end of the connection (still known after close). */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /** The remote end of the connection (still known after close). */
    public InetSocketAddress peerAddress() {
        return peerAddress;
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        return io.isClosed();
    }

    /**
     * Closes the connection. Pending operations are woken and fail with {@code
     * IOException("stream is closed")}, as do later ones. Idempotent.
     */
    @Override
    public void close() throws IOException {
        io.close();
    }

    /** For tests in this package: the reactor registration, or null if nothing has waited yet. */
    IoSource io() {
        return io;
    }

    @Override
    public String toString() {
        return "TcpStream[" + localAddress + " -> " + peerAddress + (io.isClosed() ? ", closed" : "") + "]";
    }
}
