package dev.ratchet.bench.ratchet;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.sync.Channel;

/**
 * W2's ping side, hand-written in the shape of the processor's output for:
 *
 * <pre>{@code
 * @Async static long ping(Channel.Sender<Long> toPong, Channel.Receiver<Long> fromPong, int trips) {
 *     long c = 0;
 *     for (int i = 0; i < trips; i++) {
 *         await(toPong.send(c + 1));
 *         c = await(fromPong.recv());
 *     }
 *     return c;
 * }
 * }</pre>
 */
final class Ping implements Future<Long> {
    private enum State { LOOP, AWAIT_SEND, AWAIT_RECV }

    private final Channel.Sender<Long> toPong;
    private final Channel.Receiver<Long> fromPong;
    private final int trips;
    private State state = State.LOOP;
    private int i;
    private long c;
    private Future<Void> send;
    private Future<Long> recv;

    Ping(Channel.Sender<Long> toPong, Channel.Receiver<Long> fromPong, int trips) {
        this.toPong = toPong;
        this.fromPong = fromPong;
        this.trips = trips;
    }

    @Override
    public Poll<Long> poll(Context cx) {
        while (true) {
            switch (state) {
                case LOOP -> {
                    if (i == trips) return Poll.ready(c);
                    send = toPong.send(c + 1);
                    state = State.AWAIT_SEND;
                }
                case AWAIT_SEND -> {
                    if (Await.mustYield(cx) || send.poll(cx).isPending()) return Poll.pending();
                    send = null;
                    recv = fromPong.recv();
                    state = State.AWAIT_RECV;
                }
                case AWAIT_RECV -> {
                    if (Await.mustYield(cx)) return Poll.pending();
                    Poll<Long> p = recv.poll(cx);
                    if (p.isPending()) return Poll.pending();
                    recv = null;
                    if (p.value() == null) throw new IllegalStateException("pong closed its channel early");
                    c = p.value();
                    i++;
                    state = State.LOOP;
                }
            }
        }
    }
}
