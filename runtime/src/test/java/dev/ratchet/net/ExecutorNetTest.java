package dev.ratchet.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Futures;
import dev.ratchet.Poll;
import dev.ratchet.internal.io.Reactor;
import dev.ratchet.internal.io.ReactorHandle;
import dev.ratchet.internal.io.ReactorOwner;
import dev.ratchet.runtime.Executor;
import dev.ratchet.runtime.JoinHandle;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Sockets on the real executors: a task per connection, wakes from the reactor. */
class ExecutorNetTest {
    @Test
    void multiThreadedEchoServerWithATaskPerConnection() throws IOException {
        echoServer(Executor.multiThreaded(), 100, 64 * 1024);
    }

    @Test
    void currentThreadEchoServerRunsEveryConnectionOnTheCallingThread() throws IOException {
        echoServer(Executor.currentThread(), 20, 16 * 1024);
    }

    private static void echoServer(Executor executor, int connections, int size) throws IOException {
        try (executor; TcpListener listener = TcpListener.bind(Loopback.ANY_PORT)) {
            JoinHandle<List<JoinHandle<Long>>> server = executor.spawn(new Tasks.AcceptAndSpawn(listener, connections));
            Random random = new Random(3);
            List<byte[]> payloads = new ArrayList<>();
            List<JoinHandle<byte[]>> clients = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                byte[] p = new byte[size];
                random.nextBytes(p);
                payloads.add(p);
                clients.add(executor.spawn(new Tasks.EchoClient(listener.localAddress(), p)));
            }
            for (int i = 0; i < connections; i++) {
                assertArrayEquals(payloads.get(i), executor.blockOn(clients.get(i)), "connection " + i);
            }
            long echoed = 0;
            for (JoinHandle<Long> echo : executor.blockOn(server)) echoed += executor.blockOn(echo);
            assertEquals((long) connections * size, echoed);
        }
    }

    /**
     * Once executors own a reactor ({@link ReactorOwner}), sockets first waited on by their tasks
     * register there (created on first use), and closing the executor closes it.
     */
    @Test
    void socketsWaitedOnInAnExecutorThatOwnsAReactorRegisterThere() throws IOException {
        Executor executor = Executor.multiThreaded();
        Reactor own;
        try (executor; TcpListener listener = TcpListener.bind(Loopback.ANY_PORT);
                Loopback.Pair pair = Loopback.connect(listener)) {
            assertTrue(executor instanceof ReactorOwner, "executors own their reactor");
            own = ((ReactorOwner) executor).reactor();
            assertNotSame(Reactor.global(), own);
            JoinHandle<Integer> read = executor.spawn(pair.server().read(ByteBuffer.allocate(4)));
            executor.blockOn(pair.client().writeAll(new byte[] {1, 2}));
            assertEquals(2, executor.blockOn(read));
            ReactorHandle h = pair.server().io().handleIfRegistered();
            if (h != null) assertSame(own, h.reactor()); // null if the bytes beat the first poll
            // Nobody connects yet, so a first poll of accept must wait: deterministically registered.
            Future<TcpStream> waiting = listener.accept();
            Future<Boolean> firstPoll = cx -> Poll.ready(waiting.poll(cx).isPending());
            assertTrue(executor.blockOn(firstPoll), "accept waits");
            assertSame(own, listener.io().handleIfRegistered().reactor(), "the accept waited: registered");
            waiting.cancel();
            JoinHandle<TcpStream> accept = executor.spawn(listener.accept());
            try (TcpStream c = executor.blockOn(TcpStream.connect(listener.localAddress()));
                    TcpStream s = executor.blockOn(accept)) {
                assertEquals(c.localAddress(), s.peerAddress());
            }
        }
        assertFalse(own.isRunning(), "closed with its executor");
    }

    /**
     * A task that reads a socket full of data one byte at a time never sees "would block", so only
     * the budget makes it yield: another task on the same single thread must get to run long
     * before the reader is through.
     */
    @Test
    void aReaderThatIsAlwaysReadyStillLetsOtherTasksRun() throws IOException {
        int available = 100_000;
        try (Executor executor = Executor.currentThread(); TcpListener listener = TcpListener.bind(Loopback.ANY_PORT);
                Loopback.Pair pair = Loopback.connect(listener)) {
            executor.blockOn(pair.client().writeAll(new byte[available]));
            executor.blockOn(pair.server().readExact(ByteBuffer.allocate(1))); // the data has arrived
            AtomicBoolean otherRan = new AtomicBoolean();
            Future<Void> otherTask = cx -> {
                otherRan.set(true);
                return Poll.ready(null);
            };
            JoinHandle<Integer> reader = executor.spawn(new Future<Integer>() {
                final ByteBuffer one = ByteBuffer.allocate(1);
                Future<Integer> read;
                JoinHandle<Void> other;
                int count;

                @Override
                public Poll<Integer> poll(Context cx) {
                    // Spawned from the executor's thread: queued right behind us, not in the
                    // remote queue that is only looked at every few dozen polls.
                    if (other == null) other = Futures.spawn(otherTask);
                    while (!otherRan.get()) {
                        if (read == null) read = pair.server().read(one.clear());
                        Poll<Integer> p = read.poll(cx);
                        if (p.isPending()) return Poll.pending();
                        read = null;
                        if (++count == available - 1) throw new AssertionError("the other task never ran");
                    }
                    return Poll.ready(count);
                }
            });
            int readFirst = executor.blockOn(reader);
            assertEquals(Executor.Builder.DEFAULT_BUDGET, readFirst, "one unit per ready read, then a yield");
        }
    }
}
