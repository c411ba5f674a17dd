package dev.ratchet.miniredis;

import static dev.ratchet.Futures.await;

import dev.ratchet.Async;
import dev.ratchet.Either;
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
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * One client connection, served by one task: reads requests, has its {@link RequestHandler}
 * execute them into the write buffer, flushes the replies, and pushes pub/sub messages while
 * subscribed.
 *
 * <pre>{@code
 * tracker.opened();
 * Futures.spawn(ConnectionAsync.run(new Connection(stream, context)));
 * }</pre>
 *
 * <h2>The loop</h2>
 * Execute every complete request already buffered (pipelining: a client may send many before
 * reading), write their replies into the {@link BufWriter}, flush once, yield once (see {@link
 * #serve}), then wait for the first of: more input, a message on a subscribed channel, or the shutdown signal. All three futures
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
final class Connection implements RequestHandler.Subscriptions {
    static final System.Logger LOG = System.getLogger(Connection.class.getName());

    final TcpStream stream;
    final ServerContext server;
    final BufReader in;
    final BufWriter out;
    /** Parses, executes and encodes; its replies go to {@link #out}. */
    final RequestHandler handler;
    /** Channel name to receiver, in subscription order. */
    final Map<String, Broadcast.Receiver<PubSub.Message>> subscriptions = new LinkedHashMap<>();
    /** Set by end of input or shutdown (the handler sets its own on QUIT or a protocol error): flush and close. */
    boolean closing;
    /** Which subscription the select polls first, rotated so that a busy channel cannot starve the others. */
    int rotation;

    Connection(TcpStream stream, ServerContext server) {
        this.stream = stream;
        this.server = server;
        this.in = new BufReader(stream, server.limits().readBufferLimit() - 2);
        this.out = new BufWriter(stream);
        this.handler = new RequestHandler(server, out::write, this);
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
            if (closing || handler.isClosing()) return;
            if (subscriptions.isEmpty()) {
                // Let the other connections run before reading again: a pipelining client
                // usually sends its next batch as soon as it has our replies, and a read that
                // finds it saves arming the reactor (a selector wakeup, two epoll_ctl calls and a
                // cross-thread wake, which cost more than this yield). Measured on 2 cores under
                // redis-benchmark -P 16: about 10% less server CPU per request.
                if (in.buffered() == 0) await(Futures.yieldNow());
                // The common case: wait for input or shutdown, without building a list.
                Either<Integer, Void> event = await(Futures.select(in.fill(), server.shutdown().signalled()));
                if (!event.isFirst() || ((Either.First<Integer, Void>) event).value() < 0) closing = true;
            } else {
                Selected<Object> event = await(Futures.select(events()));
                onEvent(event);
            }
        }
    }

    /** The futures a subscribed connection waits for: shutdown, input, then one recv per subscription. */
    List<Future<?>> events() {
        List<Future<?>> events = new ArrayList<>(2 + subscriptions.size());
        events.add(server.shutdown().signalled());
        events.add(in.fill());
        List<Broadcast.Receiver<PubSub.Message>> receivers = new ArrayList<>(subscriptions.values());
        int n = receivers.size();
        rotation = (rotation + 1) % n;
        for (int i = 0; i < n; i++) events.add(receivers.get((rotation + i) % n).recv());
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
                if (m != null) handler.reply.raw(m.frame());
            }
        }
    }

    /** Executes every complete request in the read buffer, writing their replies. */
    void handleBuffered() {
        if (in.buffered() == 0) return;
        ByteBuffer input = in.peek();
        try {
            handler.handle(input);
        } finally {
            in.consume(input.position());
        }
    }

    @Override
    public int count() {
        return subscriptions.size();
    }

    @Override
    public void subscribe(List<String> channels, RespWriter reply) {
        for (String channel : channels) {
            if (!subscriptions.containsKey(channel)) subscriptions.put(channel, server.pubsub().subscribe(channel));
            subscriptionReply(reply, "subscribe", channel);
        }
    }

    @Override
    public void unsubscribe(List<String> channels, RespWriter reply) {
        List<String> which = channels.isEmpty() ? new ArrayList<>(subscriptions.keySet()) : channels;
        if (which.isEmpty()) {
            subscriptionReply(reply, "unsubscribe", null);
            return;
        }
        for (String channel : which) {
            Broadcast.Receiver<PubSub.Message> rx = subscriptions.remove(channel);
            if (rx != null) server.pubsub().unsubscribe(channel, rx);
            subscriptionReply(reply, "unsubscribe", channel);
        }
    }

    /** {@code *3 $<kind> $<channel> :<subscription count>}. */
    private void subscriptionReply(RespWriter reply, String kind, String channel) {
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
