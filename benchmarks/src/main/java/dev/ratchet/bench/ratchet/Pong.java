package dev.ratchet.bench.ratchet;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.sync.Channel;

/**
 * W2's pong side, hand-written in the shape of the processor's output for:
 *
 * <pre>{@code
 * @Async static void pong(Channel.Receiver<Long> fromPing, Channel.Sender<Long> toPing, int trips) {
 *     for (int i = 0; i < trips; i++) {
 *         long v = await(fromPing.recv());
 *         await(toPing.send(v + 1));
 *     }
 * }
 * }</pre>
 */
final class Pong implements Future<Void> {
    private enum State { LOOP, AWAIT_RECV, AWAIT_SEND }

    private final Channel.Receiver<Long> fromPing;
    private final Channel.Sender<Long> toPing;
    private final int trips;
    private State state = State.LOOP;
    private int i;
    private Future<Long> recv;
    private Future<Void> send;

    Pong(Channel.Receiver<Long> fromPing, Channel.Sender<Long> toPing, int trips) {
        this.fromPing = fromPing;
        this.toPing = toPing;
        this.trips = trips;
    }

    @Override
    public Poll<Void> poll(Context cx) {
        while (true) {
            switch (state) {
                case LOOP -> {
                    if (i == trips) return Poll.ready(null);
                    recv = fromPing.recv();
                    state = State.AWAIT_RECV;
                }
                case AWAIT_RECV -> {
                    if (Await.mustYield(cx)) return Poll.pending();
                    Poll<Long> p = recv.poll(cx);
                    if (p.isPending()) return Poll.pending();
                    recv = null;
                    if (p.value() == null) throw new IllegalStateException("ping closed its channel early");
                    send = toPing.send(p.value() + 1);
                    state = State.AWAIT_SEND;
                }
                case AWAIT_SEND -> {
                    if (Await.mustYield(cx) || send.poll(cx).isPending()) return Poll.pending();
                    send = null;
                    i++;
                    state = State.LOOP;
                }
            }
        }
    }
}
