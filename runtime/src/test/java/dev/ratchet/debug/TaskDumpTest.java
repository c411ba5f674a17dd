package dev.ratchet.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Futures;
import dev.ratchet.Poll;
import dev.ratchet.Waker;
import dev.ratchet.debug.TaskDump.Frame;
import dev.ratchet.debug.TaskDump.State;
import dev.ratchet.debug.TaskDump.TaskInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@link TaskDump#trace} over hand-built trees of futures, and the text of a dump. */
class TaskDumpTest {
    /** A hand-written traceable future: suspended at {@code at}, awaiting {@code children}. */
    static class Node implements Future<Void>, Traceable {
        final String name;
        final StackTraceElement at;
        final List<Future<?>> children = new ArrayList<>();

        Node(String name, StackTraceElement at, Future<?>... children) {
            this.name = name;
            this.at = at;
            this.children.addAll(Arrays.asList(children));
        }

        @Override
        public Poll<Void> poll(Context cx) {
            return Poll.pending();
        }

        @Override
        public StackTraceElement suspendedAt() {
            return at;
        }

        @Override
        public List<? extends Future<?>> awaiting() {
            return children;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A leaf: not traceable, described by its toString. */
    static class Leaf implements Future<Void> {
        final String name;

        Leaf(String name) {
            this.name = name;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            return Poll.pending();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static StackTraceElement line(String method, int line) {
        return new StackTraceElement("demo.Shop", method, "Shop.java", line);
    }

    @Test
    void chainOfDepthFiveIsListedRootFirstDownToTheLeafDescribedByItsToString() {
        Future<?> leaf = new Leaf("Channel.recv() on bounded(1) channel: 0 queued, 1 sender open");
        Future<?> f = leaf;
        for (int level = 5; level >= 1; level--) f = new Node("m" + level, line("m" + level, 10 * level), f);

        Frame root = TaskDump.trace(f);
        TaskInfo task = new TaskInfo(1, "shop", State.SUSPENDED, Duration.ZERO, root);

        List<Frame> chain = task.chain();
        assertEquals(6, chain.size(), chain.toString());
        for (int level = 1; level <= 5; level++) {
            Frame frame = chain.get(level - 1);
            assertEquals(line("m" + level, 10 * level), frame.location());
            assertEquals("demo.Shop.m" + level + "(Shop.java:" + 10 * level + ")", frame.description());
            assertEquals(1, frame.awaiting().size());
        }
        Frame last = chain.get(5);
        assertNull(last.location());
        assertEquals("Channel.recv() on bounded(1) channel: 0 queued, 1 sender open", last.description());
        assertTrue(last.awaiting().isEmpty());
        assertEquals(List.of(line("m1", 10), line("m2", 20), line("m3", 30), line("m4", 40), line("m5", 50)),
                task.locations());
    }

    @Test
    void traceableWithoutSourceLineIsDescribedByItsToString() {
        Frame root = TaskDump.trace(new Node("retry loop", null, new Leaf("sleep(50 ms)")));
        assertNull(root.location());
        assertEquals("retry loop", root.description());
        assertEquals("sleep(50 ms)", root.awaiting().get(0).description());
    }

    @Test
    void joinOfThreeWithTwoPendingShowsExactlyTheTwoPending() {
        Leaf slow = new Leaf("slow");
        Leaf slower = new Leaf("slower");
        Future<?> join = Futures.join(Futures.ready("fast"), slow, slower);
        assertTrue(join.poll(Context.of(Waker.noop())).isPending());

        Frame frame = TaskDump.trace(new Node("both", line("both", 7), join));

        Frame joinFrame = frame.awaiting().get(0);
        assertEquals("join of 3 (2 pending)", joinFrame.description());
        assertEquals(List.of("slow", "slower"), joinFrame.awaiting().stream().map(Frame::description).toList());
    }

    @Test
    void aCycleEndsAtTheFutureSeenAgain() {
        Node a = new Node("a", null);
        Node b = new Node("b", null, a);
        a.children.add(b);
        Node self = new Node("self", null);
        self.children.add(self);

        Frame fromA = TaskDump.trace(a);
        assertEquals("a", fromA.description());
        assertEquals("b", fromA.awaiting().get(0).description());
        Frame end = fromA.awaiting().get(0).awaiting().get(0);
        assertEquals("(cycle: a)", end.description());
        assertTrue(end.awaiting().isEmpty());

        assertEquals("(cycle: self)", TaskDump.trace(self).awaiting().get(0).description());
    }

    @Test
    void aFutureAwaitedTwiceIsShownOnceNotCalledACycle() {
        Leaf shared = new Leaf("shared");
        Frame root = TaskDump.trace(new Node("root", null, new Node("left", null, shared), new Node("right", null, shared)));
        assertEquals("shared", root.awaiting().get(0).awaiting().get(0).description());
        assertEquals("(shown above: shared)", root.awaiting().get(1).awaiting().get(0).description());
    }

    @Test
    void aRunawayChainIsCutAtTheDepthCap() {
        Future<?> f = new Leaf("bottom");
        int depth = TaskDump.MAX_DEPTH + 50;
        for (int i = depth; i >= 1; i--) f = new Node("n" + i, null, f);

        List<Frame> chain = new TaskInfo(1, null, State.SUSPENDED, null, TaskDump.trace(f)).chain();

        assertEquals(TaskDump.MAX_DEPTH + 1, chain.size());
        assertEquals("n1", chain.get(0).description());
        assertEquals("n" + TaskDump.MAX_DEPTH, chain.get(TaskDump.MAX_DEPTH - 1).description());
        assertEquals("(1 more, deeper than " + TaskDump.MAX_DEPTH + " levels)", chain.get(TaskDump.MAX_DEPTH).description());
    }

    @Test
    void aWideJoinShowsTheFirstChildrenAndCountsTheRest() {
        Future<?>[] leaves = new Future<?>[100];
        for (int i = 0; i < leaves.length; i++) leaves[i] = new Leaf("leaf " + i);

        Frame root = TaskDump.trace(new Node("wide", null, leaves));

        assertEquals(TaskDump.MAX_WIDTH + 1, root.awaiting().size());
        assertEquals("leaf 0", root.awaiting().get(0).description());
        assertEquals("leaf " + (TaskDump.MAX_WIDTH - 1), root.awaiting().get(TaskDump.MAX_WIDTH - 1).description());
        assertEquals("(" + (100 - TaskDump.MAX_WIDTH) + " more not shown)", root.awaiting().get(TaskDump.MAX_WIDTH).description());
    }

    @Test
    void futuresWhoseMethodsThrowAreDescribedNotThrown() {
        Future<Void> badToString = new Leaf("unused") {
            @Override
            public String toString() {
                throw new IllegalStateException("boom in toString");
            }
        };
        Node badAwaiting = new Node("bad awaiting", null) {
            @Override
            public List<? extends Future<?>> awaiting() {
                throw new UnsupportedOperationException("boom in awaiting");
            }
        };
        Node badSuspendedAt = new Node("bad suspendedAt", null, new Leaf("hidden")) {
            @Override
            public StackTraceElement suspendedAt() {
                throw new IllegalStateException("boom in suspendedAt");
            }
        };
        Node nullAwaiting = new Node("null awaiting", null) {
            @Override
            public List<? extends Future<?>> awaiting() {
                return null;
            }
        };
        Node nullChild = new Node("null child", null, (Future<?>) null);

        Frame root = TaskDump.trace(new Node("root", null, badToString, badAwaiting, badSuspendedAt, nullAwaiting, nullChild));

        List<Frame> children = root.awaiting();
        assertEquals(5, children.size());
        assertTrue(children.get(0).description().contains("toString threw java.lang.IllegalStateException: boom in toString"),
                children.get(0).description());
        assertTrue(children.get(0).description().startsWith(badToString.getClass().getName()), children.get(0).description());
        assertEquals("bad awaiting (not traceable: java.lang.UnsupportedOperationException: boom in awaiting)",
                children.get(1).description());
        assertEquals("bad suspendedAt (not traceable: java.lang.IllegalStateException: boom in suspendedAt)",
                children.get(2).description());
        assertEquals("null awaiting", children.get(3).description());
        assertTrue(children.get(3).awaiting().isEmpty());
        assertEquals("null child", children.get(4).description());
        assertTrue(children.get(4).awaiting().isEmpty(), "a null entry is skipped");
    }

    @Test
    void aMultiLineToStringIsKeptOnOneLine() {
        assertEquals("first second third", TaskDump.trace(new Leaf("first\nsecond\r\nthird")).description());
        Node badAwaiting = new Node("node", null) {
            @Override
            public List<? extends Future<?>> awaiting() {
                throw new IllegalStateException("line one\nline two");
            }
        };
        assertEquals("node (not traceable: java.lang.IllegalStateException: line one line two)",
                TaskDump.trace(badAwaiting).description());
    }

    @Test
    void aHugeToStringIsCut() {
        String big = "x".repeat(10_000);
        String description = TaskDump.trace(new Leaf(big)).description();
        assertEquals(TaskDump.MAX_DESCRIPTION + "… (10000 chars)".length(), description.length(), description);
        assertTrue(description.endsWith("… (10000 chars)"), description);
    }

    @Test
    void traceOfNullNamesTheParameter() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> TaskDump.trace(null));
        assertEquals("root", e.getMessage());
    }

    @Test
    void rendersHeaderTasksChainsAtOneIndentationAndJoinsAsTrees() {
        Frame ping = new Frame(line("ping", 31), "demo.Shop.ping(Shop.java:31)", List.of(
                new Frame(line("recvFrom", 40), "demo.Shop.recvFrom(Shop.java:40)", List.of(
                        new Frame(null, "Channel.recv() on bounded(1) channel: 0 queued, 1 sender open", List.of())))));
        Frame both = new Frame(line("both", 12), "demo.Shop.both(Shop.java:12)", List.of(
                new Frame(null, "join of 2 (2 pending)", List.of(
                        new Frame(line("left", 20), "demo.Shop.left(Shop.java:20)", List.of(
                                new Frame(null, "sleep(50 ms), 12 ms left", List.of()))),
                        new Frame(null, "Oneshot.recv() (nothing sent yet, sender open)", List.of())))));
        Frame idle = new Frame(null, "yieldNow() (not polled yet)", List.of());
        TaskDump dump = new TaskDump("ratchet-1", Instant.parse("2026-11-29T01:02:03Z"), List.of(
                new TaskInfo(2, "ping", State.SUSPENDED, Duration.ofMillis(1204), ping),
                new TaskInfo(3, null, State.RUNNING, Duration.ofNanos(850_000), both),
                new TaskInfo(4, "idle", State.SCHEDULED, null, idle)));

        assertEquals("""
                Task dump of ratchet-1 at 2026-11-29T01:02:03Z: 3 live tasks

                Task#2 "ping" SUSPENDED, last polled 1.204 s ago
                  at demo.Shop.ping(Shop.java:31)
                  at demo.Shop.recvFrom(Shop.java:40)
                  Channel.recv() on bounded(1) channel: 0 queued, 1 sender open

                Task#3 RUNNING, polling for 850 µs
                  at demo.Shop.both(Shop.java:12)
                  join of 2 (2 pending)
                  ├─ at demo.Shop.left(Shop.java:20)
                  │  sleep(50 ms), 12 ms left
                  └─ Oneshot.recv() (nothing sent yet, sender open)

                Task#4 "idle" SCHEDULED, never polled
                  yieldNow() (not polled yet)
                """, dump.toString());
        assertEquals(2, dump.find("ping").orElseThrow().id());
        assertTrue(dump.find("nobody").isEmpty());
    }

    @Test
    void rendersANestedJoinWithContinuationBars() {
        Frame tree = new Frame(null, "select of 2 (2 pending)", List.of(
                new Frame(null, "join of 2 (2 pending)", List.of(
                        new Frame(null, "a", List.of()),
                        new Frame(null, "b", List.of()))),
                new Frame(null, "c", List.of())));
        TaskDump dump = new TaskDump("x", Instant.EPOCH, List.of(new TaskInfo(7, null, State.SUSPENDED, Duration.ofSeconds(42), tree)));

        assertEquals("""
                Task dump of x at 1970-01-01T00:00:00Z: 1 live task

                Task#7 SUSPENDED, last polled 42 s ago
                  select of 2 (2 pending)
                  ├─ join of 2 (2 pending)
                  │  ├─ a
                  │  └─ b
                  └─ c
                """, dump.toString());
    }

    @Test
    void emptyDumpIsJustTheHeader() {
        assertEquals("Task dump of idle at 1970-01-01T00:00:00Z: 0 live tasks\n",
                new TaskDump("idle", Instant.EPOCH, List.of()).toString());
    }

    @Test
    void formatsDurationsInTheDumpStyleWhateverTheLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY); // a decimal comma, if the format used the default locale
        try {
            assertEquals("0 µs", TaskDump.format(Duration.ZERO));
            assertEquals("850 µs", TaskDump.format(Duration.ofNanos(850_999)));
            assertEquals("12 ms", TaskDump.format(Duration.ofMillis(12)));
            assertEquals("999 ms", TaskDump.format(Duration.ofNanos(999_999_999)));
            assertEquals("1.204 s", TaskDump.format(Duration.ofMillis(1204)));
            assertEquals("9.999 s", TaskDump.format(Duration.ofMillis(9999)));
            assertEquals("42 s", TaskDump.format(Duration.ofSeconds(42)));
            assertEquals("-12 ms", TaskDump.format(Duration.ofMillis(-12)));
            assertEquals(Long.MAX_VALUE + " s", TaskDump.format(Duration.ofSeconds(Long.MAX_VALUE)), "no overflow");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void taskInfoAndFrameRejectMissingParts() {
        Frame leaf = new Frame(null, "x", List.of());
        assertEquals("state", assertThrows(NullPointerException.class, () -> new TaskInfo(1, null, null, null, leaf)).getMessage());
        assertEquals("backtrace", assertThrows(NullPointerException.class,
                () -> new TaskInfo(1, null, State.RUNNING, null, null)).getMessage());
        assertEquals("description", assertThrows(NullPointerException.class, () -> new Frame(null, null, List.of())).getMessage());
    }
}
