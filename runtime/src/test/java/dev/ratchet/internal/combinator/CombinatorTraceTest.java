package dev.ratchet.internal.combinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Futures;
import dev.ratchet.Waker;
import dev.ratchet.debug.TaskDump;
import dev.ratchet.debug.Traceable;
import dev.ratchet.testsupport.Concurrent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Joins and selects as task dumps see them: the children still pending, and their state. */
class CombinatorTraceTest {
    private final Context cx = Context.of(Waker.noop());

    private static List<? extends Future<?>> awaiting(Future<?> f) {
        return ((Traceable) f).awaiting();
    }

    @Test
    void aJoinAwaitsOnlyTheChildrenStillPending() {
        Gate<String> a = new Gate<>("a");
        Gate<String> b = new Gate<>("b");
        Gate<String> c = new Gate<>("c");
        Gate<String> d = new Gate<>("d");
        Future<?> join = Futures.join(a, b, c, d);
        assertNull(((Traceable) join).suspendedAt());
        assertEquals("join of 4 (4 pending)", join.toString());
        assertEquals(List.of(a, b, c, d), awaiting(join));

        b.complete("B");
        assertTrue(join.poll(cx).isPending());
        assertEquals("join of 4 (3 pending)", join.toString());
        assertEquals(List.of(a, c, d), awaiting(join));

        a.complete("A");
        d.complete("D");
        assertTrue(join.poll(cx).isPending());
        assertEquals(List.of(c), awaiting(join));

        c.complete("C");
        assertTrue(join.poll(cx).isReady());
        assertEquals("join of 4 (complete)", join.toString());
        assertTrue(awaiting(join).isEmpty());
    }

    @Test
    void joinOfTwoAndThreeAndJoinAllAndSelectNameThemselves() {
        assertEquals("join of 2 (2 pending)", Futures.join(new Gate<>("a"), new Gate<>("b")).toString());
        assertEquals("join of 3 (3 pending)", Futures.join(new Gate<>("a"), new Gate<>("b"), new Gate<>("c")).toString());
        assertEquals("select of 2 (2 pending)", Futures.select(new Gate<>("a"), new Gate<>("b")).toString());
        assertEquals("select of 3 (3 pending)",
                Futures.select(List.of(new Gate<String>("a"), new Gate<String>("b"), new Gate<String>("c"))).toString());
        assertEquals("joinAll of 0 (0 pending)", Futures.joinAll(List.<Future<String>>of()).toString());
    }

    @Test
    void joinAllShowsThePendingChildrenInInputOrder() {
        List<Gate<Integer>> gates = new ArrayList<>();
        for (int i = 0; i < 5; i++) gates.add(new Gate<>("g" + i));
        Future<List<Integer>> all = Futures.joinAll(gates);

        gates.get(1).complete(1);
        gates.get(3).complete(3);
        assertTrue(all.poll(cx).isPending());

        assertEquals("joinAll of 5 (3 pending)", all.toString());
        assertEquals(List.of(gates.get(0), gates.get(2), gates.get(4)), awaiting(all));
        TaskDump.Frame frame = TaskDump.trace(all);
        assertEquals(List.of("g0", "g2", "g4"), frame.awaiting().stream().map(TaskDump.Frame::description).toList());
    }

    @Test
    void whileCleaningUpItAwaitsTheCancelledChildrenItDrives() {
        Gate<String> fast = new Gate<>("fast");
        Gate<String> slowCleanup = new Gate<>("slow cleanup");
        slowCleanup.cleanupPolls = 2;
        Gate<String> quickCleanup = new Gate<>("quick cleanup");
        Future<?> select = Futures.select(List.of(fast, slowCleanup, quickCleanup));
        assertTrue(select.poll(cx).isPending());

        fast.complete("won");
        assertTrue(select.poll(cx).isPending(), "the loser's cleanup takes two more polls");

        assertEquals("select of 3 (cleaning up 1 cancelled)", select.toString());
        assertEquals(List.of(slowCleanup), awaiting(select));
        assertTrue(quickCleanup.cleanedUp());

        assertTrue(select.poll(cx).isPending());
        assertTrue(select.poll(cx).isReady());
        assertEquals("select of 3 (complete)", select.toString());
        assertTrue(awaiting(select).isEmpty());
    }

    @Test
    void aCancelledJoinAwaitsItsChildrenUntilTheirCleanupEnds() {
        Gate<String> a = new Gate<>("a");
        a.cleanupPolls = 1;
        Gate<String> b = new Gate<>("b");
        b.cleanupPolls = 1;
        Future<?> join = Futures.join(a, b);
        assertTrue(join.poll(cx).isPending());

        join.cancel();
        assertTrue(join.poll(cx).isPending());
        assertEquals("join of 2 (cleaning up 2 cancelled)", join.toString());
        assertEquals(List.of(a, b), awaiting(join));

        assertThrows(CancellationException.class, () -> join.poll(cx));
        assertTrue(awaiting(join).isEmpty());
    }

    @Test
    void aFailedChildIsNotAwaitedButTheOthersCleanupIs() {
        Gate<String> failing = new Gate<>("failing");
        Gate<String> other = new Gate<>("other");
        other.cleanupPolls = 1;
        Future<?> join = Futures.join(failing, other);
        assertTrue(join.poll(cx).isPending());

        IllegalStateException boom = new IllegalStateException("boom");
        failing.fail(boom);
        assertTrue(join.poll(cx).isPending());
        assertEquals(List.of(other), awaiting(join));

        assertSame(boom, assertThrows(IllegalStateException.class, () -> join.poll(cx)));
    }

    /**
     * Dumps read a combinator from another thread while its task polls it: the reads are racy by
     * design, so what matters is that they never throw and never report more than the children.
     * 2 dumping threads trace and print a joinAll of 64 children while the poller completes them
     * one by one; 200 rounds.
     */
    @Test
    void dumpingWhileThePollerCompletesChildrenNeverFails() throws InterruptedException {
        int children = 64;
        for (int round = 0; round < 200; round++) {
            List<Gate<Integer>> gates = new ArrayList<>();
            for (int i = 0; i < children; i++) gates.add(new Gate<>("g" + i));
            Future<List<Integer>> all = Futures.joinAll(gates);
            AtomicBoolean done = new AtomicBoolean();

            Concurrent.run(3, thread -> {
                if (thread == 0) {
                    try {
                        for (int i = 0; i < children; i++) {
                            gates.get(i).complete(i);
                            all.poll(cx);
                        }
                    } finally {
                        done.set(true);
                    }
                    return;
                }
                do {
                    TaskDump.Frame f = TaskDump.trace(all);
                    assertTrue(f.description().startsWith("joinAll of 64 ("), f.description());
                    assertTrue(f.awaiting().size() <= children, f.awaiting().toString());
                    assertTrue(awaiting(all).size() <= children);
                    for (TaskDump.Frame child : f.awaiting()) {
                        assertTrue(child.description().matches("g\\d+|\\(\\d+ more not shown\\)"), child.description());
                    }
                } while (!done.get());
            });

            assertEquals("joinAll of 64 (complete)", all.toString());
        }
    }
}
