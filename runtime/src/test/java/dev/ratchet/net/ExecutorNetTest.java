package dev.ratchet.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Futures;
import dev.ratchet.Poll;
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
