package dev.ratchet.miniredis;

import dev.ratchet.sync.Broadcast;
import dev.ratchet.sync.ChannelClosedException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Channels of PUBLISH/SUBSCRIBE: one {@link Broadcast} per channel name that has subscribers.
 *
 * <pre>{@code
 * PubSub pubsub = new PubSub(1024);
 * Broadcast.Receiver<PubSub.Message> rx = pubsub.subscribe("news");
 * int delivered = pubsub.publish("news", "hi".getBytes());   // 1
 * pubsub.unsubscribe("news", rx);
 * }</pre>
 *
 * <p>A channel exists while it has subscribers: the last {@link #unsubscribe} removes it, so
 * names once used do not stay in memory (Tokio's mini-redis keeps them forever). Subscribing and
 * unsubscribing run inside {@code ConcurrentHashMap.compute} for the channel, so they are atomic
 * with respect to each other: a subscriber never joins a channel that is being removed. A
 * PUBLISH that races with the last unsubscribe may reach the removed channel and count 0
 * receivers, which is a valid order of the two (the publish happened after the unsubscribe).
 * Lock order: map bin, then the Broadcast's lock; publish holds no bin lock while sending.
 * The subscriber count is kept here, under the bin lock, rather than asked of the Broadcast.
 */
final class PubSub {
    /**
     * A published message, encoded once as the RESP push every subscriber writes as it is:
     * {@code *3 $7 message $<channel> $<payload>}. Immutable (shared by all subscribers).
     */
    record Message(String channel, byte[] frame) {}

    /** A channel with subscribers. {@code subscribers} is only read and written inside {@code compute} for its name. */
    private static final class Channel {
        final Broadcast.Sender<Message> sender;
        int subscribers;

        Channel(Broadcast.Sender<Message> sender) {
            this.sender = sender;
        }
    }

    private final ConcurrentHashMap<String, Channel> channels = new ConcurrentHashMap<>();
    private final int capacity;

    /** Each channel keeps {@code capacity} messages for a subscriber that falls behind. */
    PubSub(int capacity) {
        if (capacity <= 0) throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        this.capacity = capacity;
    }

    /** Subscribes to {@code channel}, creating it if needed. */
    Broadcast.Receiver<Message> subscribe(String channel) {
        @SuppressWarnings("unchecked")
        Broadcast.Receiver<Message>[] receiver = new Broadcast.Receiver[1];
        channels.compute(channel, (name, existing) -> {
            Channel ch = existing;
            if (ch == null) {
                Broadcast<Message> created = Broadcast.create(capacity);
                created.receiver().close(); // subscribers get their own receivers below
                ch = new Channel(created.sender());
            }
            ch.subscribers++;
            receiver[0] = ch.sender.subscribe();
            return ch;
        });
        return receiver[0];
    }

    /**
     * Closes {@code receiver}, which {@link #subscribe} returned for {@code channel}, and removes
     * the channel if it was the last one. Call once per receiver.
     */
    void unsubscribe(String channel, Broadcast.Receiver<Message> receiver) {
        receiver.close();
        channels.computeIfPresent(channel, (name, ch) -> {
            if (--ch.subscribers > 0) return ch;
            ch.sender.close();
            return null;
        });
    }

    /** PUBLISH: sends to every subscriber of {@code channel}; returns how many there were. */
    int publish(String channel, byte[] payload) {
        Channel ch = channels.get(channel);
        if (ch == null) return 0;
        try {
            return ch.sender.send(new Message(channel, RespWriter.encodeMessage(channel, payload)));
        } catch (ChannelClosedException removed) {
            return 0; // the last subscriber left after get(): publishing after it is a valid order
        }
    }

    /** Number of channels with at least one subscriber. */
    int channelCount() {
        return channels.size();
    }
}
