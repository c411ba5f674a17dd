package dev.ratchet.internal.waker;

import dev.ratchet.Waker;

/**
 * An intrusive FIFO of waiting futures: O(1) append, removal of any node (a cancelled waiter
 * leaves from the middle), and pop from the head. The queue of Tokio's {@code batch_semaphore},
 * shared by the {@code dev.ratchet.sync} primitives.
 *
 * <pre>{@code
 * final class Waiter extends WaitQueue.Node { int wanted; }
 * // under the primitive's lock:
 * queue.add(waiter);           // on first pending poll
 * waiter.waker = cx.waker();   // on every pending poll: the latest waker wins
 * Waiter head = queue.peek();  // FIFO hand-off
 * }</pre>
 *
 * <p>Not thread-safe: every method, and every field of every node, is guarded by the lock of the
 * primitive that owns the queue. Wakers collected under that lock must be woken after releasing
 * it (a waker may run arbitrary executor code).
 *
 * @param <N> the node type
 */
public final class WaitQueue<N extends WaitQueue.Node> {
    private Node head;
    private Node tail;
    private int size;

    /** A waiter. Extend it with the primitive's per-waiter state. */
    public abstract static class Node {
        /** The waker of the task to wake when this waiter is served; updated at every pending poll. */
        public Waker waker;
        Node prev;
        Node next;
        boolean queued;

        /** Whether the node is in a queue (guarded by the owning primitive's lock). */
        public final boolean isQueued() {
            return queued;
        }
    }

    /** Appends {@code node} at the tail. */
    public void add(N node) {
        if (node.queued) throw new IllegalStateException("node is already queued");
        node.queued = true;
        node.prev = tail;
        node.next = null;
        if (tail == null) head = node;
        else tail.next = node;
        tail = node;
        size++;
    }

    /** Removes {@code node} if queued; returns whether it was. */
    public boolean remove(N node) {
        if (!node.queued) return false;
        if (node.prev == null) head = node.next;
        else node.prev.next = node.next;
        if (node.next == null) tail = node.prev;
        else node.next.prev = node.prev;
        node.prev = node.next = null;
        node.queued = false;
        size--;
        return true;
    }

    /** The head without removing it, or {@code null}. */
    @SuppressWarnings("unchecked")
    public N peek() {
        return (N) head;
    }

    /** Removes and returns the head, or {@code null}. */
    public N poll() {
        N n = peek();
        if (n != null) remove(n);
        return n;
    }

    public boolean isEmpty() {
        return head == null;
    }

    public int size() {
        return size;
    }
}
