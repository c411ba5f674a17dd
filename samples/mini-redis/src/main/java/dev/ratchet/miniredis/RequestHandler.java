package dev.ratchet.miniredis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * mini-redis without I/O: parses the requests of one connection from its input bytes, executes
 * them against the shared keyspace and encodes the replies into a {@link ByteSink}. {@link
 * Connection} drives one on a Ratchet task; a blocking server (the benchmarks' virtual-thread
 * peer) can drive one from a thread with plain socket streams.
 *
 * <pre>{@code
 * RequestHandler.Shared shared = new RequestHandler.Shared(6379);         // one per server
 * ByteArrayOutputStream replies = new ByteArrayOutputStream();
 * RequestHandler handler = new RequestHandler(shared, replies::write);    // one per connection
 * ByteBuffer input = ByteBuffer.wrap(buf, 0, n);
 * handler.handle(input);             // executes every complete request, consumes what it used
 * replies.writeTo(socketOut);        // flush once per batch
 * if (handler.isClosing()) close();  // QUIT or a protocol error
 * }</pre>
 *
 * <p>Threading: one handler per connection, used by one thread (or task) at a time; {@link
 * Shared} is safe from any thread. A handler built with the public constructor has no pub/sub
 * receive side: SUBSCRIBE and UNSUBSCRIBE are answered with an error (PUBLISH works and reaches
 * the subscribers of Ratchet connections sharing the same {@link Shared}, if any).
 */
public final class RequestHandler {
    private static final String SUBSCRIBED_CONTEXT =
            "only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context";
    private static final byte[] PONG = "pong".getBytes(StandardCharsets.US_ASCII);

    /**
     * What the connections of one server share: the keyspace, pub/sub channels, the connection
     * count (for INFO) and the limits.
     *
     * <pre>{@code
     * RequestHandler.Shared shared = new RequestHandler.Shared(port);
     * }</pre>
     */
    public static final class Shared {
        final ServerContext context;

        /** A fresh keyspace with the default limits; {@code port} is reported by INFO. */
        public Shared(int port) {
            this(new ServerContext(new Db(), new PubSub(Limits.DEFAULT.pubSubCapacity()), new Shutdown(),
                    new ConnectionTracker(), Limits.DEFAULT, port));
        }

        Shared(ServerContext context) {
            this.context = Objects.requireNonNull(context, "context");
        }

        /** Counts a connection as open (INFO's connected_clients). */
        public void opened() {
            context.connections().opened();
        }

        /** Counts a connection as closed. */
        public void closed() {
            context.connections().closed();
        }

        /** Removes the entries whose deadline has passed (call periodically); returns how many. */
        public int sweepExpired() {
            return context.db().sweepExpired(Integer.MAX_VALUE);
        }
    }

    /** The receive side of pub/sub, which needs the connection's event loop. */
    interface Subscriptions {
        /** How many channels the connection is subscribed to. */
        int count();

        /** SUBSCRIBE: subscribes and writes one reply per channel. */
        void subscribe(List<String> channels, RespWriter reply) throws CommandException;

        /** UNSUBSCRIBE (all channels if empty): writes one reply per channel. */
        void unsubscribe(List<String> channels, RespWriter reply) throws CommandException;
    }

    /** For connections that cannot receive messages. */
    private static final Subscriptions UNSUPPORTED = new Subscriptions() {
        @Override
        public int count() {
            return 0;
        }

        @Override
        public void subscribe(List<String> channels, RespWriter reply) throws CommandException {
            throw new CommandException("ERR SUBSCRIBE is not supported by this server");
        }

        @Override
        public void unsubscribe(List<String> channels, RespWriter reply) throws CommandException {
            throw new CommandException("ERR UNSUBSCRIBE is not supported by this server");
        }
    };

    private final ServerContext server;
    private final RespParser parser;
    final RespWriter reply;
    private final Subscriptions subscriptions;
    /** Set by QUIT or a protocol error: the connection flushes and closes. */
    private boolean closing;

    /** A handler for a connection of {@code shared}'s server that writes its replies to {@code replies}. */
    public RequestHandler(Shared shared, ByteSink replies) {
        this(Objects.requireNonNull(shared, "shared").context, replies, UNSUPPORTED);
    }

    RequestHandler(ServerContext server, ByteSink replies, Subscriptions subscriptions) {
        this.server = Objects.requireNonNull(server, "server");
        this.reply = new RespWriter(Objects.requireNonNull(replies, "replies"));
        this.parser = new RespParser(server.limits());
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    }

    /**
     * Executes every complete request in {@code in} from its position, writing the replies, and
     * advances the position past what was used (an unfinished request's complete elements are
     * kept in the parser). Stops early once {@link #isClosing()}. A protocol error is answered
     * with {@code -ERR Protocol error: ...} and makes the handler closing.
     */
    public void handle(ByteBuffer in) {
        try {
            List<byte[]> args;
            while (!closing && (args = parser.next(in)) != null) execute(args);
        } catch (ProtocolException e) {
            reply.error("ERR Protocol error: " + e.getMessage());
            closing = true;
        }
    }

    /** Whether the connection must close once its replies are flushed (QUIT, protocol error, {@link #close()}). */
    public boolean isClosing() {
        return closing;
    }

    /** Makes the handler closing: it executes nothing more. */
    public void close() {
        closing = true;
    }

    /** Whether input ended in the middle of a request (for logging). */
    public boolean isMidRequest() {
        return parser.isMidRequest();
    }

    void execute(List<byte[]> args) {
        try {
            Command command = Command.parse(args);
            if (subscriptions.count() > 0 && !allowedWhileSubscribed(command)) {
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
            subscriptions.subscribe(c.channels(), reply);
        } else if (command instanceof Command.Unsubscribe c) {
            subscriptions.unsubscribe(c.channels(), reply);
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
        if (subscriptions.count() == 0) {
            if (c.message() == null) reply.simple("PONG");
            else reply.bulk(c.message());
        } else { // in subscribed mode Redis answers PING with a push-shaped array
            reply.arrayHeader(2);
            reply.bulk(PONG);
            reply.bulk(c.message() == null ? new byte[0] : c.message());
        }
    }
}
