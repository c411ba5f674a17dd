package dev.ratchet.miniredis;

import dev.ratchet.sync.Broadcast;
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
 */
final class PubSub {
    /**
     * A published message, encoded once as the RESP push every subscriber writes as it is:
     * {@code *3 $7 message $<channel> $<payload>}. Immutable (shared by all subscribers).
     */
    record Message(String channel, byte[] frame) {}

    private final ConcurrentHashMap<String, Broadcast<Message>> channels = new ConcurrentHashMap<>();
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
            Broadcast<Message> b = existing != null ? existing : new Broadcast<>(capacity);
            receiver[0] = b.subscribe();
            return b;
        });
        return receiver[0];
    }

    /** Closes {@code receiver} and removes {@code channel} if nobody else listens to it. */
    void unsubscribe(String channel, Broadcast.Receiver<Message> receiver) {
        channels.computeIfPresent(channel, (name, b) -> {
            receiver.close();
            return b.receiverCount() == 0 ? null : b;
        });
        receiver.close(); // idempotent: in case the channel was already gone
    }

    /** PUBLISH: sends to every subscriber of {@code channel}; returns how many there were. */
    int publish(String channel, byte[] payload) {
        Broadcast<Message> b = channels.get(channel);
        if (b == null) return 0;
        return b.send(new Message(channel, RespWriter.encodeMessage(channel, payload)));
    }

    /** Number of channels with at least one subscriber. */
    int channelCount() {
        return channels.size();
    }
}
