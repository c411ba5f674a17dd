package dev.ratchet.processor.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.debug.AsyncBacktrace;
import dev.ratchet.debug.TaskDump;
import dev.ratchet.debug.Traceable;
import dev.ratchet.processor.harness.Driver;
import dev.ratchet.processor.harness.Frames;
import dev.ratchet.processor.harness.Io;
import dev.ratchet.processor.harness.Program;
import dev.ratchet.processor.harness.Schedule;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What generated machines tell a debugger: the async backtrace a failure carries out of a
 * depth-5 chain, and where a suspended chain waits (Traceable, as task dumps show it). Lines are
 * found by the markers in {@code programs/Backtraces.java}.
 */
class DebugInfoTest {
    private static final Schedule[] SCHEDULES = {Schedule.READY, Schedule.PENDING_ONCE, Schedule.OTHER_THREAD};
    private static Program program;
    private static Frames frames;

    @BeforeAll
    static void compile() {
        program = Program.compile("Backtraces");
        frames = new Frames("Backtraces");
    }


    @Test
    void aFailureFiveAwaitsDeepCarriesTheChainInnermostFirstUnderEverySchedule() {
        for (Schedule s : SCHEDULES) {
            Io.reset(s);
            Exception e = assertThrows(Exception.class, () -> new Driver().run(program.future("level1", -7)));
            assertEquals("programs.Backtraces$OutOfStock", e.getClass().getName(), "under " + s);
            assertEquals("item--7", e.getMessage());
            // The thrower has no line (its real stack trace has the generated one); every caller
            // has the line of the await the failure came out of.
            assertEquals(List.of(
                    frames.at("level5", null),
                    frames.at("level4", "LEVEL4_AWAIT"),
                    frames.at("level3", "LEVEL3_AWAIT"),
                    frames.at("level2", "LEVEL2_AWAIT"),
                    frames.at("level1", "LEVEL1_AWAIT")), Frames.of(e), "under " + s);
            assertEquals(1, e.getSuppressed().length, "one backtrace, appended to at each level");
        }
    }

    @Test
    void printStackTraceShowsTheBacktrace() {
        Io.reset(Schedule.READY);
        Exception e = assertThrows(Exception.class, () -> new Driver().run(program.future("level3", -1)));
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        String text = out.toString();
        assertTrue(text.contains("Suppressed: dev.ratchet.debug.AsyncBacktrace: reached through 3 @Async frames"), text);
        assertTrue(text.contains("\tat " + frames.at("level4", "LEVEL4_AWAIT")), text);
        assertTrue(text.contains("\tat " + frames.at("level3", "LEVEL3_AWAIT")), text);
    }

    @Test
    void aFailureTranslatedInACatchStartsANewBacktraceAtTheCatchingMethod() {
        Io.reset(Schedule.READY);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Driver().run(program.future("translates", -2)));
        assertEquals("translated: item--2", e.getMessage());
        // Thrown in the catch block that handled the await's failure: the line of that catch.
        assertEquals(List.of(frames.at("translates", "TRANSLATES_CATCH")), Frames.of(e));
        // The cause keeps its own backtrace, up to the machine that caught it.
        assertEquals(List.of(frames.at("level5", null), frames.at("level4", "LEVEL4_AWAIT")), Frames.of(e.getCause()));
    }

    @Test
    void aSuspendedChainSaysWhereEachLevelWaitsDownToTheLeaf() {
        Io.reset(Schedule.READY);
        Future<?> root = program.future("level1", 3);
        assertTrue(root.poll(Context.of(() -> {})).isPending());

        List<StackTraceElement> where = new java.util.ArrayList<>();
        Object f = root;
        while (f instanceof Traceable t && t.suspendedAt() != null) {
            where.add(t.suspendedAt());
            assertEquals(1, t.awaiting().size());
            f = t.awaiting().get(0);
        }
        assertEquals(List.of(
                frames.at("level1", "LEVEL1_AWAIT"),
                frames.at("level2", "LEVEL2_AWAIT"),
                frames.at("level3", "LEVEL3_AWAIT"),
                frames.at("level4", "LEVEL4_AWAIT"),
                frames.at("level5", "LEVEL5_AWAIT")), where.stream().map(StackTraceElement::toString).toList());
        assertEquals("never(stock)", f.toString(), "the leaf is the awaited future itself");

        TaskDump.Frame trace = TaskDump.trace(root);
        TaskDump.TaskInfo info = new TaskDump.TaskInfo(1, "root", TaskDump.State.SUSPENDED, null, trace);
        assertEquals(where, info.locations());
        List<TaskDump.Frame> chain = info.chain();
        assertEquals("never(stock)", chain.get(chain.size() - 1).description());
        assertNull(chain.get(chain.size() - 1).location());
    }

    @Test
    void aMachineThatIsNotWaitingIsNotSuspendedAnywhere() {
        Io.reset(Schedule.READY);
        Future<?> fresh = program.future("level5", 1);
        assertNull(((Traceable) fresh).suspendedAt(), "not started");
        assertEquals(List.of(), ((Traceable) fresh).awaiting());
        fresh.cancel();
        assertThrows(java.util.concurrent.CancellationException.class, () -> fresh.poll(Context.of(() -> {})));
        assertNull(((Traceable) fresh).suspendedAt(), "complete");
    }

    @Test
    void theSameFailureObjectIsRethrownThroughTheChain() {
        Io.reset(Schedule.READY);
        Exception viaLevel4 = assertThrows(Exception.class, () -> new Driver().run(program.future("level4", -3)));
        AsyncBacktrace trace = AsyncBacktrace.of(viaLevel4);
        assertSame(trace, viaLevel4.getSuppressed()[0]);
        assertEquals(2, trace.frames().size());
    }
}
