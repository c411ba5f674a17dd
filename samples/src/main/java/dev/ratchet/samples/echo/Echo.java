package dev.ratchet.samples.echo;

import static dev.ratchet.Futures.await;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.ratchet.Async;
import dev.ratchet.Futures;
import dev.ratchet.net.TcpListener;
import dev.ratchet.net.TcpStream;
import dev.ratchet.runtime.Executor;
import dev.ratchet.runtime.JoinHandle;
import dev.ratchet.samples.Expect;
import dev.ratchet.samples.Narrator;
import dev.ratchet.samples.ReadAll;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * An echo server and its clients, on loopback, on a multiThreaded executor — the shape of every
 * async server: a loop that accepts connections and spawns one task per connection, so a slow
 * client holds up only its own task.
 * <ul>
 *   <li>{@link #serve}: accept, spawn {@link #handle}, repeat — until the server task is aborted,
 *       which cancels the pending {@code accept()} and runs the loop's {@code finally};
 *   <li>{@link #handle}: read what arrives, write it back, until the client closes its side;
 *   <li>{@link #client}: connect, send a message, close the sending side, read the reply to the
 *       end. {@value #CLIENTS} clients run at once, as tasks.
 * </ul>
 *
 * <pre>{@code
 * while (true) {
 *     TcpStream connection = await(listener.accept());
 *     Futures.spawn(EchoAsync.handle(n, connection, ++id));   // one task per connection
 * }
 * }</pre>
 *
 * Generated state machines: {@code
 * samples/target/generated-sources/annotations/dev/ratchet/samples/echo/EchoAsync.java}.
 */
public final class Echo {
    static final int CLIENTS = 6;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private Echo() {}

    /** The messages the clients sent and the replies they got, in client order. */
    public record Result(List<String> sent, List<String> replies) {}

    public static void main(String[] args) throws IOException {
        run();
    }

    /** Binds a listener on a free loopback port, runs the server and the clients, checks every reply. */
    public static Result run() throws IOException {
        Narrator n = new Narrator();
        List<String> messages = new ArrayList<>();
        for (int i = 1; i <= CLIENTS; i++) {
            // Sizes from a few bytes to ~20 KiB: the larger ones take several reads and writes.
            messages.add(("client " + i + " says hello; ").repeat(1 + (i - 1) * 200));
        }
        Result r;
        try (Executor executor = Executor.multiThreaded()) {
            TcpListener listener = TcpListener.bind(new InetSocketAddress("127.0.0.1", 0));
            n.say("listening on %s", listener.localAddress());
            r = new Result(messages, executor.blockOn(EchoAsync.serveAndTalk(n, listener, messages)));
        }
        for (int i = 0; i < CLIENTS; i++) {
            Expect.that(r.replies().get(i).equals(messages.get(i)), "client " + (i + 1) + "'s reply to equal its message");
        }
        return r;
    }

    /** Starts the server task, runs the clients concurrently, then stops the server. */
    @Async
    static List<String> serveAndTalk(Narrator n, TcpListener listener, List<String> messages) throws IOException {
        JoinHandle<Void> server = Futures.spawn(EchoAsync.serve(n, listener));
        List<JoinHandle<String>> clients = new ArrayList<>();
        for (String message : messages) {
            clients.add(Futures.spawn(EchoAsync.client(n, listener.localAddress(), message)));
        }
        List<String> replies = new ArrayList<>();
        for (JoinHandle<String> client : clients) {
            String reply = await(client);
            replies.add(reply);
        }
        n.say("all %d clients got their replies; aborting the server task", replies.size());
        server.abort(); // cancels the pending accept(): the loop's finally closes the listener
        try {
            await(server);
        } catch (CancellationException expected) {
            n.say("server task ended: cancelled, as asked");
        }
        Expect.that(listener.isClosed(), "the server's finally to have closed the listener");
        return replies;
    }

    /** The accept loop: one task per connection. Runs until cancelled (or the listener fails). */
    @Async
    static void serve(Narrator n, TcpListener listener) throws IOException {
        int connections = 0;
        try {
            while (true) {
                TcpStream connection = await(listener.accept());
                connections++;
                n.say("server: connection %d from port %d: spawning its task", connections, connection.peerAddress().getPort());
                Futures.spawn(EchoAsync.handle(n, connection, connections));
            }
        } finally {
            listener.close();
            n.say("server: closed the listener after %d connections", connections);
        }
    }

    /** One connection: writes back every byte it reads, until the client closes its sending side. */
    @Async
    static long handle(Narrator n, TcpStream connection, int id) throws IOException {
        long echoed = 0;
        try (connection) {
            byte[] buffer = new byte[4096];
            while (true) {
                int read = await(connection.read(buffer, 0, buffer.length));
                if (read < 0) break; // end of stream: the client is done sending
                await(connection.writeAll(ByteBuffer.wrap(buffer, 0, read)));
                echoed += read;
            }
        }
        n.say("server: connection %d done, echoed %d bytes", id, echoed);
        return echoed;
    }

    /** A client: sends {@code message}, half-closes, and returns everything the server sent back. */
    @Async
    static String client(Narrator n, InetSocketAddress server, String message) throws IOException {
        try (TcpStream stream = await(TcpStream.connect(server, CONNECT_TIMEOUT))) {
            await(stream.writeAll(message.getBytes(UTF_8)));
            stream.shutdownOutput(); // the server's read sees end of stream: it finishes and closes
            byte[] reply = ReadAll.readToEnd(stream);
            n.say("client on port %d: sent %d bytes, got %d back", stream.localAddress().getPort(),
                    message.length(), reply.length);
            return new String(reply, UTF_8);
        }
    }
}
