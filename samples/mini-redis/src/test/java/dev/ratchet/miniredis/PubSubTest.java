package dev.ratchet.miniredis;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Poll;
import dev.ratchet.Waker;
import dev.ratchet.sync.Broadcast;
import dev.ratchet.sync.LaggedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class PubSubTest {
    private static PubSub.Message take(Broadcast.Receiver<PubSub.Message> rx) {
        Poll<PubSub.Message> p = rx.recv().poll(Context.of(Waker.noop()));
        return p.isReady() ? p.value() : null;
    }

    @Test
    void messagesAreEncodedOnceAsTheRespPush() {
        PubSub pubsub = new PubSub(8);
        Broadcast.Receiver<PubSub.Message> a = pubsub.subscribe("news"), b = pubsub.subscribe("news");
        assertEquals(2, pubsub.publish("news", "hi".getBytes(ISO_8859_1)));
        PubSub.Message m = take(a);
        assertEquals("*3\r\n$7\r\nmessage\r\n$4\r\nnews\r\n$2\r\nhi\r\n", new String(m.frame(), ISO_8859_1));
        assertTrue(m == take(b), "one message object shared by all subscribers");
    }

    @Test
    void theLastUnsubscribeRemovesTheChannel() {
        PubSub pubsub = new PubSub(8);
        Broadcast.Receiver<PubSub.Message> a = pubsub.subscribe("c"), b = pubsub.subscribe("c");
        pubsub.unsubscribe("c", a);
        assertEquals(1, pubsub.channelCount());
        assertEquals(1, pubsub.publish("c", new byte[0]));
        pubsub.unsubscribe("c", b);
        assertEquals(0, pubsub.channelCount());
        assertEquals(0, pubsub.publish("c", new byte[0]));
    }

    /**
     * 8 threads x 2,000 rounds of subscribe, publish, receive, unsubscribe on one channel, started
     * on a latch. A subscriber must always receive what it published itself after subscribing: it
     * would not if subscribe could join a channel that a concurrent last-unsubscribe was removing.
     */
    @Test
    void subscribeNeverJoinsAChannelBeingRemoved() throws Exception {
        PubSub pubsub = new PubSub(64);
        int threads = 8, rounds = 2_000;
        CountDownLatch start = new CountDownLatch(1);
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String me = "t" + t;
            all.add(new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < rounds; i++) {
                        Broadcast.Receiver<PubSub.Message> rx = pubsub.subscribe("shared");
                        byte[] mine = (me + ":" + i).getBytes(ISO_8859_1);
                        if (pubsub.publish("shared", mine) < 1) throw new AssertionError("published to nobody while subscribed");
                        boolean seen = false;
                        try {
                            for (PubSub.Message m; !seen && (m = take(rx)) != null; ) {
                                seen = new String(m.frame(), ISO_8859_1).endsWith(me + ":" + i + "\r\n");
                            }
                        } catch (LaggedException lag) {
                            seen = true; // overtaken by the others' messages: it was delivered to this channel
                        }
                        if (!seen) throw new AssertionError(me + " did not receive its own message " + i);
                        pubsub.unsubscribe("shared", rx);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        all.forEach(Thread::start);
        start.countDown();
        for (Thread t : all) t.join(30_000);
        if (!failures.isEmpty()) {
            AssertionError e = new AssertionError(failures.size() + " thread(s) failed");
            failures.forEach(e::addSuppressed);
            throw e;
        }
        assertEquals(0, pubsub.channelCount(), "no channel left without subscribers");
    }
}
