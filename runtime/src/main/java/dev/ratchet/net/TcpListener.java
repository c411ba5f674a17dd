package dev.ratchet.net;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.internal.io.Interest;
import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Objects;

/**
 * A TCP server socket whose {@link #accept()} is a future (Tokio's {@code TcpListener}).
 *
 * <pre>{@code
 * @Async
 * void serve() throws IOException {
 *     try (TcpListener listener = TcpListener.bind(new InetSocketAddress("127.0.0.1", 8080))) {
 *         while (true) {
 *             TcpStream client = await(listener.accept());
 *             Futures.spawn(EchoAsync.echo(client));   // one task per connection
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Binding is synchronous (it never blocks). {@code SO_REUSEADDR} is on, so a restarted server
 * can bind while old connections are in {@code TIME_WAIT}; a port actually in use still fails.
 *
 * <p>Cancellation and threading: cancelling a pending {@code accept()} withdraws its interest at
 * once and its next poll throws {@link java.util.concurrent.CancellationException}; no connection
 * is taken (it stays in the backlog for the next accept). One accept may be pending at a time.
 * {@link #close()} wakes a pending accept, which then fails with {@code IOException("listener is
 * closed")}.
 */
public final class TcpListener implements Closeable {
    /** Backlog used by {@link #bind(InetSocketAddress)}: the usual {@code SOMAXCONN}-ish size. */
    public static final int DEFAULT_BACKLOG = 1024;

    private final ServerSocketChannel channel;
    private final IoSource io;
    private final InetSocketAddress localAddress;

    private TcpListener(ServerSocketChannel channel) throws IOException {
        this.channel = channel;
        this.io = new IoSource(channel, "listener");
        this.localAddress = (InetSocketAddress) channel.getLocalAddress();
    }

    /**
     * Binds to {@code address} (port 0 picks a free port: see {@link #localAddress()}).
     *
     * @throws BindException naming the address if it is in use or cannot be assigned
     */
    public static TcpListener bind(InetSocketAddress address) throws IOException {
        return bind(address, DEFAULT_BACKLOG);
    }

    /**
     * Binds to {@code address} with at most {@code backlog} connections waiting to be accepted.
     *
     * @throws IllegalArgumentException if {@code backlog} is not positive
     * @throws BindException naming the address if it is in use or cannot be assigned
     */
    public static TcpListener bind(InetSocketAddress address, int backlog) throws IOException {
        Objects.requireNonNull(address, "address");
        if (backlog <= 0) throw new IllegalArgumentException("backlog must be positive, got " + backlog);
        ServerSocketChannel ch = ServerSocketChannel.open();
        try {
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            try {
                ch.bind(address, backlog);
            } catch (BindException e) {
                BindException named = new BindException("cannot bind " + address + ": " + e.getMessage());
                named.initCause(e);
                throw named;
            }
            return new TcpListener(ch);
        } catch (IOException | RuntimeException e) {
            try {
                ch.close();
            } catch (IOException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
    }

    /**
     * Accepts the next connection, waiting until one arrives. Lazy; see the class notes on
     * cancellation.
     */
    public Future<TcpStream> accept() {
        return new IoFuture<>(Interest.ACCEPT, "TcpListener.accept()", localAddress) {
            @Override
            IoSource source() {
                return io;
            }

            @Override
            Poll<TcpStream> attempt(Context cx) throws IOException {
                SocketChannel accepted = channel.accept();
                if (accepted == null) return Poll.pending();
                try {
                    accepted.configureBlocking(false);
                    return Poll.ready(new TcpStream(accepted, new IoSource(accepted, "stream")));
                } catch (IOException | RuntimeException e) {
                    try {
                        accepted.close();
                    } catch (IOException closeFailure) {
                        e.addSuppressed(closeFailure);
                    }
                    throw e;
                }
            }
        };
    }

    /** The address this listener is bound to (with the actual port when bound to port 0). */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        return io.isClosed();
    }

    /** Stops listening; a pending accept fails with "listener is closed". Idempotent. */
    @Override
    public void close() throws IOException {
        io.close();
    }

    /** For tests in this package. */
    IoSource io() {
        return io;
    }

    @Override
    public String toString() {
        return "TcpListener[" + localAddress + (io.isClosed() ? ", closed" : "") + "]";
    }
}
