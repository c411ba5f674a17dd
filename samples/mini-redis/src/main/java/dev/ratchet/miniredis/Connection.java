package dev.ratchet.miniredis;

import static dev.ratchet.Futures.await;

import dev.ratchet.Async;
import dev.ratchet.Future;
import dev.ratchet.Futures;
import dev.ratchet.Selected;
import dev.ratchet.net.BufReader;
import dev.ratchet.net.BufWriter;
import dev.ratchet.net.TcpStream;
import dev.ratchet.sync.Broadcast;
import dev.ratchet.sync.LaggedException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * One client connection, served by one task: reads requests, executes them, writes the replies,
 * and pushes pub/sub messages while subscribed.
 *
 * <pre>{@code
 * tracker.opened();
 * Futures.spawn(ConnectionAsync.run(new Connection(stream, context)));
 * }</pre>
 *
 * <h2>The loop</h2>
 * Execute every complete request already buffered (pipelining: a client may send many before
 * reading), write their replies into the {@link BufWriter}, flush once, then wait for the first
 * of: more input, a message on a subscribed channel, or the shutdown signal. All three futures
 * are cancel-safe, so the losers of the select lose nothing. A protocol error is answered with
 * {@code -ERR Protocol error: ...} and ends the connection, as does QUIT, end of input or
 * shutdown; in every case the replies of the requests already read are flushed first.
 *
 * <h2>Subscribed mode</h2>
 * While it has subscriptions, the connection accepts only SUBSCRIBE, UNSUBSCRIBE, PING and QUIT
 * and receives {@code message} pushes. A subscriber that falls more than {@link
 * Limits#pubSubCapacity()} messages behind on a channel is disconnected (Redis's output buffer
 * limit for pub/sub clients) rather than silently missing messages.
 *
 * <p>Threading: the task may run on any worker, one poll at a time; the fields are confined to it
 * (the executor orders successive polls), so they need no synchronization.
 */
final class Connection {
    static final System.Logger LOG = System.getLogger(Connection.class.getName());
    private static final String SUBSCRIBED_CONTEXT =
            "only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context";

    final TcpStream stream;
    final ServerContext server;
    final BufReader in;
    final BufWriter out;
    final RespWriter reply;
    final RespParser parser;
    /** Channel name to receiver, in subscription order. */
    final Map<String, Broadcast.Receiver<PubSub.Message>> subscriptions = new LinkedHashMap<>();
    /** Set by QUIT, a protocol error, end of input or shutdown: flush and close. */
    boolean closing;
    /** Which subscription the select polls first, rotated so that a busy channel cannot starve the others. */
    int rotation;

    Connection(TcpStream stream, ServerContext server) {
        this.stream = stream;
        this.server = server;
        this.in = new BufReader(stream, server.limits().readBufferLimit() - 2);
        this.out = new BufWriter(stream);
        this.reply = new RespWriter(out);
        this.parser = new RespParser(server.limits());
    }

    /** Serves the client until it leaves, then releases everything (also when cancelled). */
    @Async
    void run() {
        try {
            serve();
        } catch (IOException e) {
            // A reset or a write to a client that left: the ordinary end of a connection.
            LOG.log(Level.DEBUG, "connection {0} ended: {1}", stream.peerAddress(), e);
        } catch (LaggedException e) {
            LOG.log(Level.WARNING, "disconnecting slow subscriber {0}: {1}", stream.peerAddress(), e.getMessage());
        } catch (CancellationException e) {
            throw e; // the executor is closing: the finally below still runs
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "connection " + stream.peerAddress() + " failed", e);
        } finally {
            release();
        }
    }

    /** The request/reply loop (see the class notes). */
    @Async
    void serve() throws IOException {
        while (true) {
            handleBuffered();
            if (out.buffered() > 0) await(out.flush());
            if (closing) return;
            Selected<Object> event = await(Futures.select(events()));
            onEvent(event);
        }
    }

    /** The futures the loop waits for: shutdown, input, then one recv per subscription. */
    List<Future<?>> events() {
        List<Future<?>> events = new ArrayList<>(2 + subscriptions.size());
        events.add(server.shutdown().signalled());
        events.add(in.fill());
        if (!subscriptions.isEmpty()) {
            List<Broadcast.Receiver<PubSub.Message>> receivers = new ArrayList<>(subscriptions.values());
            int n = receivers.size();
            rotation = (rotation + 1) % n;
            for (int i = 0; i < n; i++) events.add(receivers.get((rotation + i) % n).recv());
        }
        return events;
    }

    void onEvent(Selected<Object> event) {
        switch (event.index()) {
            case 0 -> closing = true; // shutdown: replies are flushed, the connection closes
            case 1 -> {
                if ((Integer) event.value() < 0) closing = true; // the client closed its side
            }
            default -> {
                PubSub.Message m = (PubSub.Message) event.value();
                if (m != null) reply.raw(m.frame());
            }
        }
    }

    /** Executes every complete request in the read buffer, writing their replies. */
    void handleBuffered() {
        ByteBuffer input = in.peek();
        try {
            List<byte[]> args;
            while (!closing && (args = parser.next(input)) != null) execute(args);
        } catch (ProtocolException e) {
            reply.error("ERR Protocol error: " + e.getMessage());
            closing = true;
        } finally {
            in.consume(input.position());
        }
    }

    void execute(List<byte[]> args) {
        try {
            Command command = Command.parse(args);
            if (!subscriptions.isEmpty() && !allowedWhileSubscribed(command)) {
                String name = new String(args.get(0), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                throw new CommandException("ERR Can't execute '" + name + "': " + SUBSCRIBED_CONTEXT);
            }
            apply(command);
        } catch (CommandException e) {
            reply.error(e.getMessage());
        }
    }

    private static boolean allowedWhileSubscribed(Command c) {
        return c instanceof Command.Subscribe || c instanceof Command.Unsubscribe
                || c instanceof Command.Ping || c instanceof Command.Quit;
    }

    private void apply(Command command) throws CommandException {
        Db db = server.db();
        if (command instanceof Command.Get c) {
            reply.bulk(db.get(c.key()));
        } else if (command instanceof Command.Set c) {
            Db.SetResult r = db.set(c.key(), c.value(), c.ttlMillis(), c.condition(), c.keepTtl());
            if (c.get()) reply.bulk(r.previous());
            else if (r.written()) reply.ok();
            else reply.bulk(null);
        } else if (command instanceof Command.Ping c) {
            ping(c);
        } else if (command instanceof Command.Echo c) {
            reply.bulk(c.message());
        } else if (command instanceof Command.Del c) {
            reply.integer(db.del(c.keys()));
        } else if (command instanceof Command.Exists c) {
            reply.integer(db.exists(c.keys()));
        } else if (command instanceof Command.IncrBy c) {
            reply.integer(db.incrBy(c.key(), c.delta()));
        } else if (command instanceof Command.Ttl c) {
            long ms = db.ttlMillis(c.key());
            reply.integer(ms < 0 || c.millis() ? ms : (ms + 500) / 1000);
        } else if (command instanceof Command.DbSize) {
            reply.integer(db.size());
        } else if (command instanceof Command.Flush) {
            db.clear();
            reply.ok();
        } else if (command instanceof Command.Select c) {
            if (c.index() != 0) throw new CommandException("ERR DB index is out of range");
            reply.ok();
        } else if (command instanceof Command.Publish c) {
            reply.integer(server.pubsub().publish(c.channel(), c.message()));
        } else if (command instanceof Command.Subscribe c) {
            subscribe(c.channels());
        } else if (command instanceof Command.Unsubscribe c) {
            unsubscribe(c.channels());
        } else if (command instanceof Command.Quit) {
            reply.ok();
            closing = true;
        } else if (command instanceof Command.CommandDocs) {
            reply.arrayHeader(0);
        } else if (command instanceof Command.ConfigGet c) {
            ServerInfo.configGet(c.patterns(), reply);
        } else if (command instanceof Command.Info) {
            reply.bulk(ServerInfo.info(server).getBytes(StandardCharsets.UTF_8));
        } else {
            throw new IllegalStateException("command without an implementation: " + command);
        }
    }

    private void ping(Command.Ping c) {
        if (subscriptions.isEmpty()) {
            if (c.message() == null) reply.simple("PONG");
            else reply.bulk(c.message());
        } else { // in subscribed mode Redis answers PING with a push-shaped array
            reply.arrayHeader(2);
            reply.bulk("pong".getBytes(StandardCharsets.US_ASCII));
            reply.bulk(c.message() == null ? new byte[0] : c.message());
        }
    }

    private void subscribe(List<String> channels) {
        for (String channel : channels) {
            if (!subscriptions.containsKey(channel)) subscriptions.put(channel, server.pubsub().subscribe(channel));
            subscriptionReply("subscribe", channel);
        }
    }

    private void unsubscribe(List<String> channels) {
        List<String> which = channels.isEmpty() ? new ArrayList<>(subscriptions.keySet()) : channels;
        if (which.isEmpty()) {
            subscriptionReply("unsubscribe", null);
            return;
        }
        for (String channel : which) {
            Broadcast.Receiver<PubSub.Message> rx = subscriptions.remove(channel);
            if (rx != null) server.pubsub().unsubscribe(channel, rx);
            subscriptionReply("unsubscribe", channel);
        }
    }

    /** {@code *3 $<kind> $<channel> :<subscription count>}. */
    private void subscriptionReply(String kind, String channel) {
        reply.arrayHeader(3);
        reply.bulk(kind.getBytes(StandardCharsets.US_ASCII));
        reply.bulk(channel == null ? null : channel.getBytes(StandardCharsets.ISO_8859_1));
        reply.integer(subscriptions.size());
    }

    /** Unsubscribes everything, closes the socket, and tells the tracker. Never throws. */
    void release() {
        try {
            for (Map.Entry<String, Broadcast.Receiver<PubSub.Message>> s : subscriptions.entrySet()) {
                server.pubsub().unsubscribe(s.getKey(), s.getValue());
            }
            subscriptions.clear();
            try {
                stream.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, () -> "closing " + stream.peerAddress() + ": " + e);
            }
        } finally {
            server.connections().closed();
        }
    }
}
