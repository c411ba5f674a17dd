/**
 * The I/O driver: a {@link dev.ratchet.internal.io.Reactor} owns a {@link
 * java.nio.channels.Selector} and its thread; a {@link dev.ratchet.internal.io.ReactorHandle}
 * per channel registers interest and holds the read-side and write-side wakers that readiness
 * wakes. Executors that own a reactor implement {@link dev.ratchet.internal.io.ReactorOwner}.
 *
 * <pre>{@code
 * ReactorHandle io = Reactor.current().register(channel);
 * if (channel.read(buf) == 0) { io.arm(Interest.READ, cx.waker()); return Poll.pending(); }
 * }</pre>
 *
 * <p>Uses only the API ({@code Waker}) and {@code internal.CurrentRuntime}; used by {@code
 * dev.ratchet.net} and by the schedulers that own a reactor.
 */
package dev.ratchet.internal.io;
