package dev.ratchet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Futures;
import dev.ratchet.Poll;
import dev.ratchet.debug.TaskDump;
import dev.ratchet.debug.TaskDump.Frame;
import dev.ratchet.debug.TaskDump.State;
import dev.ratchet.debug.TaskDump.TaskInfo;
import dev.ratchet.internal.machine.ResumingMachine;
import dev.ratchet.runtime.Executor;
import dev.ratchet.runtime.JoinHandle;
import dev.ratchet.sync.Channel;
import dev.ratchet.sync.Mutex;
import dev.ratchet.testsupport.Concurrent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Task dumps of real programs on a real executor, built from the root futures the test spawned
 * (what {@code Executor.dump()} traces): a deadlock shows each task's await line and the channel
 * it waits on; dumping live tasks from other threads never fails.
 */
class TaskTraceIntegrationTest {
    /**
     * {@code for (i = 0; i < rounds; i++) { [await(lock)] await(tx.send(i)); await(rx.recv()); }}
     * (or recv first when {@code recvFirst}), hand-lowered as the processor does, with source
     * lines 21 (send), 22 (recv) and 20 (lock) of Peer.java.
     */
    static final class Peer extends ResumingMachine<Integer> {
        private final String method;
        private final Channel.Sender<Integer> tx;
        private final Channel.Receiver<Integer> rx;
        private final boolean recvFirst;
        private final int rounds;
        private final Mutex<int[]> shared;
        private int state; // 0: top of loop, 1: awaiting lock (line 20), 2: send (21), 3: recv (22)
        private int step; // 0 or 1 within a round: which of send/recv comes next
        private int i;

        Peer(String method, Channel.Sender<Integer> tx, Channel.Receiver<Integer> rx, boolean recvFirst, int rounds, Mutex<int[]> shared) {
            this.method = method;
            this.tx = tx;
            this.rx = rx;
            this.recvFirst = recvFirst;
            this.rounds = rounds;
            this.shared = shared;
        }

        @Override
        @SuppressWarnings("unchecked")
        protected Poll<Integer> resume(Context cx) {
            while (true) {
                switch (state) {
                    case 0 -> {
                        if (i == rounds) return Poll.ready(i);
                        if (shared != null) {
                            awaitOn(shared.lock());
                            state = 1;
                        } else {
                            next();
                        }
                    }
                    case 1 -> {
                        Poll<?> p = pollAwaited(cx);
                        if (p.isPending()) return Poll.pending();
                        try (Mutex.Guard<int[]> g = (Mutex.Guard<int[]>) p.value()) {
                            g.get()[0]++;
                        }
                        next();
                    }
                    default -> {
                        Poll<?> p = pollAwaited(cx);
                        if (p.isPending()) return Poll.pending();
                        if (++step == 2) {
                            step = 0;
                            i++;
                            state = 0;
                        } else {
                            next();
                        }
                    }
                }
            }
        }

        private void next() {
            boolean send = (step == 0) != recvFirst;
            if (send) {
                awaitOn(tx.send(i));
                state = 2;
            } else {
                awaitOn(rx.recv());
                state = 3;
            }
        }

        @Override
        protected StackTraceElement sourceFrame() {
            int line = switch (state) {
                case 1 -> 20;
                case 2 -> 21;
                case 3 -> 22;
                default -> -1;
            };
            return new StackTraceElement("demo.Peer", method, "Peer.java", line);
        }
    }

    @Test
    void aDeadlockShowsEachTaskWaitingAtItsAwaitForTheOtherOnesChannel() throws Exception {
        Channel<Integer> ab = Channel.bounded(1);
        Channel<Integer> ba = Channel.bounded(1);
        // Both receive first: each waits for the other's message, forever.
        Future<Integer> ping = Futures.timeout(Duration.ofMinutes(5), new Peer("ping", ab.sender(), ba.receiver(), true, 1, null));
        Future<Integer> pong = new Peer("pong", ba.sender(), ab.receiver(), true, 1, null);
        try (Executor ex = Executor.multiThreaded()) {
            JoinHandle<Integer> a = ex.spawn(ping);
            JoinHandle<Integer> b = ex.spawn(pong);

            assertTrue(Concurrent.eventually(10_000, () -> isWaitingOnRecv(ping) && isWaitingOnRecv(pong)));

            TaskDump dump = new TaskDump("deadlock", Instant.EPOCH, List.of(
                    new TaskInfo(1, "ping", State.SUSPENDED, null, TaskDump.trace(ping)),
                    new TaskInfo(2, "pong", State.SUSPENDED, null, TaskDump.trace(pong))));
            String text = dump.toString();
            String pingBlock = text.substring(text.indexOf("Task#1"), text.indexOf("Task#2"));
            assertTrue(pingBlock.matches("(?s)Task#1 \"ping\" SUSPENDED, never polled\n"
                    + "  timeout\\(300 s\\), 29\\d s left\n"
                    + "  at demo\\.Peer\\.ping\\(Peer\\.java:22\\)\n"
                    + "  Channel\\.recv\\(\\) on bounded\\(1\\) channel: 0 queued, 1 sender open\n\n"), text);
            assertTrue(text.endsWith("""
                    Task#2 "pong" SUSPENDED, never polled
                      at demo.Peer.pong(Peer.java:22)
                      Channel.recv() on bounded(1) channel: 0 queued, 1 sender open
                    """), text);
            assertEquals(List.of(new StackTraceElement("demo.Peer", "pong", "Peer.java", 22)), dump.find("pong").orElseThrow().locations());

            a.abort();
            b.abort();
        }
    }

    private static boolean isWaitingOnRecv(Future<?> root) {
        List<Frame> chain = new TaskInfo(0, null, State.SUSPENDED, null, TaskDump.trace(root)).chain();
        return chain.get(chain.size() - 1).description().startsWith("Channel.recv()");
    }

    /**
     * Dumps read live tasks while workers poll them: two peers exchange 20,000 messages through
     * bounded(1) channels, taking a shared mutex each round, while 2 threads trace and render
     * both roots in a loop. No trace may throw or come out malformed; every leaf is one of the
     * runtime's descriptions.
     */
    @Test
    void dumpingLiveTasksFromOtherThreadsNeverFails() throws Exception {
        int rounds = 20_000;
        Channel<Integer> ab = Channel.bounded(1);
        Channel<Integer> ba = Channel.bounded(1);
        Mutex<int[]> shared = new Mutex<>(new int[1]);
        Future<Integer> ping = Futures.timeout(Duration.ofMinutes(1), new Peer("ping", ab.sender(), ba.receiver(), false, rounds, shared));
        Future<?> pong = Futures.join(new Peer("pong", ba.sender(), ab.receiver(), true, rounds, shared), Futures.yieldNow());
        AtomicBoolean finished = new AtomicBoolean();
        AtomicInteger samples = new AtomicInteger();
        try (Executor ex = Executor.builder().workers(2).buildMultiThreaded()) {
            JoinHandle<Integer> a = ex.spawn(ping);
            JoinHandle<?> b = ex.spawn(pong);

            Concurrent.run(3, thread -> {
                if (thread == 0) {
                    try {
                        assertEquals(rounds, ex.blockOn(a));
                        assertNotNull(ex.blockOn(b));
                    } finally {
                        finished.set(true);
                    }
                    return;
                }
                do {
                    for (Future<?> root : List.of(ping, pong)) {
                        Frame frame = TaskDump.trace(root);
                        String text = new TaskDump("live", Instant.EPOCH,
                                List.of(new TaskInfo(1, null, State.RUNNING, Duration.ZERO, frame))).toString();
                        assertFalse(text.isEmpty());
                        checkLeaves(frame);
                        samples.incrementAndGet();
                    }
                } while (!finished.get());
            });
        }
        assertEquals(2 * rounds, shared.tryLock().get()[0], "both peers locked the mutex every round");
        assertTrue(samples.get() > 0);
    }

    private static void checkLeaves(Frame f) {
        if (f.awaiting().isEmpty()) {
            String d = f.description();
            assertTrue(d.startsWith("Channel.recv() on bounded(1) channel: ")
                    || d.startsWith("Channel.send() ")
                    || d.startsWith("Mutex.lock() (")
                    || d.startsWith("yieldNow() (")
                    || d.startsWith("demo.Peer.")
                    || d.startsWith("timeout(60 s)")
                    || d.startsWith("join of 2 ("), d);
            return;
        }
        for (Frame c : f.awaiting()) checkLeaves(c);
    }
}
