package dev.ratchet.net;

import dev.ratchet.Context;
import dev.ratchet.Poll;
import dev.ratchet.Waker;
import dev.ratchet.debug.TaskDump;
import dev.ratchet.internal.io.Interest;
import dev.ratchet.internal.io.ScheduledWake;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@link TcpStream#connect}: opens a non-blocking socket on the first poll, starts the connect,
 * and finishes it when the reactor reports {@code OP_CONNECT}. With a timeout, the reactor also
 * wakes the task at the deadline (no timer thread), and a poll past the deadline fails.
 *
 * <p>On failure or cancellation the half-made socket is closed.
 */
final class ConnectFuture extends IoFuture<TcpStream> {
    private final InetSocketAddress address;
    /** 0: no timeout of our own. */
    private final long timeoutNanos;

    // Poller thread only: made on the first poll.
    private SocketChannel channel;
    private IoSource io;
    private long deadlineNanos;
    private ScheduledWake deadlineWake;

    /**
     * The waker of the latest poll, which the deadline wake forwards to (a task's waker can
     * change between polls, the deadline is registered once). Written by the poller, read by the
     * reactor thread.
     */
    private volatile Waker latestWaker;

    ConnectFuture(InetSocketAddress address, long timeoutNanos) {
        super(Interest.CONNECT, "TcpStream.connect()", address);
        this.address = address;
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    IoSource source() {
        return io;
    }

    @Override
    Poll<TcpStream> attempt(Context cx) throws IOException {
        boolean connected;
        try {
            if (channel == null) {
                if (address.isUnresolved()) {
                    throw new UnknownHostException("cannot connect to " + address + ": the host name did not resolve");
                }
                channel = SocketChannel.open();
                io = new IoSource(channel, "stream");
                channel.configureBlocking(false);
                deadlineNanos = System.nanoTime() + timeoutNanos; // the timeout runs from the first poll
                connected = channel.connect(address);
            } else {
                connected = channel.finishConnect();
            }
        } catch (ConnectException e) {
            ConnectException named = new ConnectException("cannot connect to " + address + ": " + e.getMessage());
            named.initCause(e);
            throw named;
        }
        if (connected) {
            cancelDeadline();
            return Poll.ready(new TcpStream(channel, io));
        }
        if (timeoutNanos > 0) {
            if (System.nanoTime() - deadlineNanos >= 0) {
                throw new SocketTimeoutException("connect to " + address + " timed out after "
                        + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
            }
            latestWaker = cx.waker();
            if (deadlineWake == null) {
                deadlineWake = io.handle().reactor().wakeAt(deadlineNanos, this::wakeLatest);
            }
        }
        return Poll.pending(); // IoFuture arms OP_CONNECT
    }

    /**
     * {@code TcpStream.connect() to /127.0.0.1:5000 (timeout 2.000 s)}, for messages and task
     * dumps; reads only final fields.
     */
    @Override
    public String toString() {
        return "TcpStream.connect() to " + address
                + (timeoutNanos > 0 ? " (timeout " + TaskDump.format(Duration.ofNanos(timeoutNanos)) + ")" : "");
    }

    private void wakeLatest() {
        Waker w = latestWaker;
        if (w != null) w.wake();
    }

    private void cancelDeadline() {
        if (deadlineWake != null) deadlineWake.cancel();
        latestWaker = null;
    }

    @Override
    void onAbandon(Throwable failure) {
        cancelDeadline();
        if (io == null) return;
        try {
            io.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
