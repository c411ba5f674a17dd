package dev.ratchet.internal.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Futures;
import dev.ratchet.Poll;
import dev.ratchet.Waker;
import dev.ratchet.debug.AsyncBacktrace;
import dev.ratchet.debug.TaskDump;
import dev.ratchet.debug.TaskDump.TaskInfo;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/**
 * Hand-written machines standing in for generated ones (they override {@code sourceFrame()} as
 * the processor's code does): their async backtraces and what a dump shows of them.
 */
class AsyncStateMachineTraceTest {
    private final Context cx = Context.of(Waker.noop());

    /**
     * {@code String mN() { return await(child); }} at line {@code awaitLine} of Chain.java; or,
     * with {@code throwAfter}, {@code await(child); throw throwAfter;}.
     */
    static final class Level extends ResumingMachine<String> {
        final String method;
        final int awaitLine;
        final Future<String> child;
        final RuntimeException throwAfter;
        private int state; // 0: START (line -1), 1: AWAIT at awaitLine

        Level(String method, int awaitLine, Future<String> child, RuntimeException throwAfter) {
            this.method = method;
            this.awaitLine = awaitLine;
            this.child = child;
            this.throwAfter = throwAfter;
        }

        @Override
        protected Poll<String> resume(Context cx) {
            if (state == 0) {
                awaitOn(child);
                state = 1;
            }
            Poll<?> p = pollAwaited(cx);
            if (p.isPending()) return Poll.pending();
            if (throwAfter != null) throw throwAfter;
            return Poll.ready((String) p.value());
        }

        @Override
        protected StackTraceElement sourceFrame() {
            return new StackTraceElement("demo.Chain", method, "Chain.java", state == 0 ? -1 : awaitLine);
        }
    }

    /** m1 awaits m2 (line 10) ... m4 awaits m5 (line 40); m5 awaits {@code leaf} (line 50), then throws {@code failure} if given. */
    static Level chain(Future<String> leaf, RuntimeException failure) {
        Future<String> f = new Level("m5", 50, leaf, failure);
        for (int level = 4; level >= 1; level--) f = new Level("m" + level, 10 * level, f, null);
        return (Level) f;
    }

    static StackTraceElement at(String method, int line) {
        return new StackTraceElement("demo.Chain", method, "Chain.java", line);
    }

    @Test
    void aFailureFromADepthFiveChainCarriesTheFiveFramesInnermostFirst() {
        IllegalStateException failure = new IllegalStateException("out of stock");
        Level root = chain(Futures.ready("stock"), failure);

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> root.poll(cx));

        assertSame(failure, thrown, "rethrown unchanged");
        AsyncBacktrace trace = AsyncBacktrace.of(thrown);
        // The innermost threw from its body after its await: no line (its await line would point
        // at the wrong place). The others failed in their awaits: those lines.
        assertEquals(List.of(at("m5", -1), at("m4", 40), at("m3", 30), at("m2", 20), at("m1", 10)), trace.frames());
        assertEquals("reached through 5 @Async frames (innermost first)", trace.getMessage());
        assertEquals(1, thrown.getSuppressed().length);
    }

    @Test
    void aFailureOfTheAwaitedLeafKeepsTheInnermostAwaitLine() {
        IllegalStateException failure = new IllegalStateException("leaf failed");
        Level root = chain(c -> {
            throw failure;
        }, null);

        assertSame(failure, assertThrows(IllegalStateException.class, () -> root.poll(cx)));

        assertEquals(List.of(at("m5", 50), at("m4", 40), at("m3", 30), at("m2", 20), at("m1", 10)),
                AsyncBacktrace.of(failure).frames());
    }

    @Test
    void aCancellationLeavingTheChainGetsNoBacktrace() {
        Level root = chain(Futures.pending(), null);
        assertTrue(root.poll(cx).isPending());
        root.cancel();

        CancellationException e = assertThrows(CancellationException.class, () -> root.poll(cx));
        assertNull(AsyncBacktrace.of(e));
    }

    @Test
    void aSuspendedChainIsTracedFromTheRootToTheLeafWithItsAwaitLines() {
        Level root = chain(Futures.pending(), null);
        assertTrue(root.poll(cx).isPending());

        TaskInfo info = new TaskInfo(1, "chain", TaskDump.State.SUSPENDED, null, TaskDump.trace(root));

        assertEquals(List.of(at("m1", 10), at("m2", 20), at("m3", 30), at("m4", 40), at("m5", 50)), info.locations());
        List<TaskDump.Frame> chain = info.chain();
        assertEquals(6, chain.size());
        assertEquals("pending()", chain.get(5).description());
        assertEquals("demo.Chain.m1(Chain.java:10)", chain.get(0).description());
    }

    @Test
    void aMachineNotSuspendedAtAnAwaitSaysWhatItIs() {
        Level fresh = new Level("m1", 10, Futures.ready("x"), null);
        assertNull(fresh.suspendedAt());
        assertTrue(fresh.awaiting().isEmpty());
        assertEquals("demo.Chain.m1 (not started)", fresh.toString());
        assertEquals("demo.Chain.m1 (not started)", TaskDump.trace(fresh).description());

        assertEquals("x", fresh.poll(cx).value());
        assertNull(fresh.suspendedAt());
        assertEquals("demo.Chain.m1 (complete)", fresh.toString());

        Level waiting = new Level("m2", 20, Futures.pending(), null);
        waiting.poll(cx);
        assertEquals(at("m2", 20), waiting.suspendedAt());
        assertEquals("demo.Chain.m2 (suspended)", waiting.toString());
    }

    @Test
    void aMachineWithoutSourceFrameIsNamedByItsClass() {
        AsyncStateMachine<String> anonymous = new ResumingMachine<>() {
            @Override
            protected Poll<String> resume(Context cx) {
                return Poll.ready("done");
            }
        };
        assertEquals(anonymous.getClass().getName() + " (not started)", anonymous.toString());
    }

    @Test
    void aMachineWhoseSourceFrameThrowsIsStillDescribed() {
        AsyncStateMachine<String> broken = new ResumingMachine<>() {
            @Override
            protected Poll<String> resume(Context cx) {
                return Poll.pending();
            }

            @Override
            protected StackTraceElement sourceFrame() {
                throw new NullPointerException("state not written yet");
            }
        };
        assertEquals(broken.getClass().getName() + " (not started)", broken.toString());
    }
}
