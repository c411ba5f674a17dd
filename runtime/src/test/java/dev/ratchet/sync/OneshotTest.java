package dev.ratchet.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Poll;
import dev.ratchet.internal.waker.TestWaker;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class OneshotTest {
    @Test
    void sendThenReceive() {
        Oneshot<String> o = Oneshot.create();
        assertTrue(o.sender().send("v"));
        assertEquals(Poll.ready("v"), o.receiver().poll(new TestWaker().cx()));
    }

    @Test
    void pendingReceiverIsWokenBySend() throws Exception {
        Oneshot<Integer> o = Oneshot.create();
        TestWaker w = new TestWaker();
        assertTrue(o.receiver().poll(w.cx()).isPending());
        Thread t = new Thread(() -> o.sender().send(42));
        t.start();
        assertEquals(42, w.blockOn(o.receiver()));
        t.join();
    }

    @Test
    void senderClosedWithoutSendingFailsTheReceiverClearly() {
        Oneshot<String> o = Oneshot.create();
        TestWaker w = new TestWaker();
        assertTrue(o.receiver().poll(w.cx()).isPending());
        o.sender().close();
        assertEquals(1, w.wakes());
        ChannelClosedException e = assertThrows(ChannelClosedException.class, () -> o.receiver().poll(w.cx()));
        assertTrue(e.getMessage().contains("without sending"), e.getMessage());
    }

    @Test
    void closedReceiverRefusesTheValue() {
        Oneshot<String> o = Oneshot.create();
        o.receiver().close();
        assertTrue(o.sender().isReceiverClosed());
        assertFalse(o.sender().send("lost?"), "the caller keeps the value");
    }

    @Test
    void cancelledReceiverThrowsAndRefusesLaterSends() {
        Oneshot<String> o = Oneshot.create();
        TestWaker w = new TestWaker();
        o.receiver().poll(w.cx());
        o.receiver().cancel();
        assertThrows(CancellationException.class, () -> o.receiver().poll(w.cx()));
        assertFalse(o.sender().send("x"));
    }

    @Test
    void misuse() {
        Oneshot<String> o = Oneshot.create();
        assertEquals("value", assertThrows(NullPointerException.class, () -> o.sender().send(null)).getMessage());
        o.sender().send("a");
        assertThrows(IllegalStateException.class, () -> o.sender().send("b"));
        TestWaker w = new TestWaker();
        assertTrue(o.receiver().poll(w.cx()).isReady());
        assertThrows(IllegalStateException.class, () -> o.receiver().poll(w.cx()));
    }
}
