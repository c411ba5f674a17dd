package dev.ratchet.bench.ratchet;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.sync.Channel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * W4's suspended task, hand-written in the shape of the processor's output for:
 *
 * <pre>{@code
 * @Async static long recvOnce(Channel.Receiver<Integer> rx) { return await(rx.recv()) + 1; }
 * }</pre>
 *
 * <p>The first pending poll bumps a static counter (not a field: W4 measures these objects'
 * size), so the probe knows when every task is suspended.
 */
final class RecvOnce implements Future<Long> {
    static final AtomicInteger SUSPENDED = new AtomicInteger();

    private Channel.Receiver<Integer> rx;
    private Future<Integer> recv;

    RecvOnce(Channel.Receiver<Integer> rx) {
        this.rx = rx;
    }

    @Override
    public Poll<Long> poll(Context cx) {
        boolean first = recv == null;
        if (first) {
            recv = rx.recv();
            rx = null; // dead after the call: cleared, as generated code does
        }
        if (Await.mustYield(cx)) return Poll.pending();
        Poll<Integer> p = recv.poll(cx);
        if (p.isPending()) {
            if (first) SUSPENDED.incrementAndGet();
            return Poll.pending();
        }
        recv = null;
        if (p.value() == null) throw new IllegalStateException("W4 channel closed before its message");
        return Poll.ready(p.value() + 1L);
    }
}
