package dev.ratchet.miniredis;

import static dev.ratchet.Futures.await;

import dev.ratchet.Async;
import dev.ratchet.Either;
import dev.ratchet.Futures;
import dev.ratchet.net.TcpListener;
import dev.ratchet.net.TcpStream;
import dev.ratchet.runtime.JoinHandle;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.time.Duration;

/**
 * The server: accepts connections and runs one task per connection until shut down.
 *
 * <pre>{@code
 * try (Executor executor = Executor.multiThreaded()) {
 *     Server server = Server.bind(new InetSocketAddress("127.0.0.1", 6379), Limits.DEFAULT);
 *     Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
 *     executor.blockOn(ServerAsync.run(server));
 * }
 * }</pre>
 *
 * <h2>Graceful shutdown</h2>
 * {@link #shutdown()} (any thread) signals the {@link Shutdown}: the accept loop stops and closes
 * the listener; each connection finishes the requests it has read, flushes their replies and
 * closes; the expiry sweeper stops. {@link #run()} completes once every connection has closed, or
 * after the grace period (a client that does not read its replies cannot hold the server up):
 * closing the executor then cancels the connections left, which still release their resources.
 */
final class Server {
    static final System.Logger LOG = System.getLogger(Server.class.getName());
    static final Duration SWEEP_PERIOD = Duration.ofMillis(100);
    static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);

    final TcpListener listener;
    final ServerContext context;
    final Duration grace;

    private Server(TcpListener listener, ServerContext context, Duration grace) {
        this.listener = listener;
        this.context = context;
        this.grace = grace;
    }

    /** Binds the listener (port 0 picks a free port: see {@link #localAddress()}). */
    static Server bind(InetSocketAddress address, Limits limits) throws IOException {
        return bind(address, limits, DEFAULT_GRACE);
    }

    static Server bind(InetSocketAddress address, Limits limits, Duration grace) throws IOException {
        TcpListener listener = TcpListener.bind(address);
        ServerContext context = new ServerContext(new Db(), new PubSub(limits.pubSubCapacity()), new Shutdown(),
                new ConnectionTracker(), limits, listener.localAddress().getPort());
        return new Server(listener, context, grace);
    }

    InetSocketAddress localAddress() {
        return listener.localAddress();
    }

    ServerContext context() {
        return context;
    }

    /** Starts the graceful shutdown described in the class notes. Idempotent, any thread. */
    void shutdown() {
        context.shutdown().signal();
    }

    /** Serves until {@link #shutdown()}; completes when the connections are done (or the grace period ends). */
    @Async
    void run() {
        JoinHandle<Void> sweeper = Futures.spawn(
                ExpirySweeperAsync.run(new ExpirySweeper(context.db(), context.shutdown(), SWEEP_PERIOD)));
        try {
            acceptLoop();
        } finally {
            closeListener();
        }
        Either<Void, Void> drained =
                await(Futures.select(ConnectionTrackerAsync.awaitIdle(context.connections()), Futures.sleep(grace)));
        if (!drained.isFirst()) {
            LOG.log(Level.WARNING, context.connections().open() + " connection(s) still busy after " + grace
                    + ": they are cancelled when the executor closes");
        }
        await(sweeper);
    }

    /** Accepts until the shutdown signal; a failed accept (e.g. out of file descriptors) is retried. */
    @Async
    void acceptLoop() {
        while (true) {
            Either<TcpStream, Void> next;
            try {
                next = nextConnection();
            } catch (IOException e) {
                if (context.shutdown().isSignalled() || listener.isClosed()) return;
                LOG.log(Level.WARNING, "accept failed, retrying in 100 ms: " + e);
                await(Futures.sleep(Duration.ofMillis(100)));
                continue;
            }
            if (!next.isFirst()) return;
            startConnection(((Either.First<TcpStream, Void>) next).value());
        }
    }

    /** The next connection, or the shutdown signal. Declares the IOException that accept may fail with. */
    @Async
    Either<TcpStream, Void> nextConnection() throws IOException {
        return await(Futures.select(listener.accept(), context.shutdown().signalled()));
    }

    void startConnection(TcpStream stream) {
        try {
            stream.setOption(StandardSocketOptions.TCP_NODELAY, true); // replies are batched already
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> "TCP_NODELAY on " + stream.peerAddress() + ": " + e);
        }
        context.connections().opened();
        try {
            Futures.spawn(ConnectionAsync.run(new Connection(stream, context)));
        } catch (RuntimeException e) { // the executor is closing: the task will never run its finally
            context.connections().closed();
            try {
                stream.close();
            } catch (IOException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
    }

    void closeListener() {
        try {
            listener.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "closing the listener: " + e);
        }
    }
}
