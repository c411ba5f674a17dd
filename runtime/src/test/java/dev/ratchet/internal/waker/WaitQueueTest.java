package dev.ratchet.internal.waker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WaitQueueTest {
    static final class N extends WaitQueue.Node {
        final int id;

        N(int id) {
            this.id = id;
        }
    }

    @Test
    void fifoWithRemovalFromAnywhere() {
        WaitQueue<N> q = new WaitQueue<>();
        N a = new N(1), b = new N(2), c = new N(3), d = new N(4);
        q.add(a);
        q.add(b);
        q.add(c);
        q.add(d);
        assertTrue(q.remove(c));   // middle
        assertFalse(q.remove(c));
        assertTrue(q.remove(a));   // head
        assertTrue(q.remove(d));   // tail
        assertEquals(1, q.size());
        assertSame(b, q.poll());
        assertTrue(q.isEmpty());
        assertNull(q.poll());
        q.add(c);
        q.add(a);
        assertSame(c, q.poll());
        assertSame(a, q.poll());
        assertFalse(a.isQueued());
    }

    @Test
    void doubleAddIsRejected() {
        WaitQueue<N> q = new WaitQueue<>();
        N a = new N(1);
        q.add(a);
        assertThrows(IllegalStateException.class, () -> q.add(a));
    }
}
