package dev.ratchet.debug;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.testsupport.Concurrent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link AsyncBacktrace#record}: one suppressed backtrace per failure, frames innermost first. */
class AsyncBacktraceTest {
    static StackTraceElement frame(String method, int line) {
        return new StackTraceElement("demo.Shop", method, "Shop.java", line);
    }

    @Test
    void recordOnAFreshExceptionAttachesOneSuppressedBacktrace() {
        IllegalStateException failure = new IllegalStateException("out of stock");

        AsyncBacktrace.record(failure, frame("take", -1));

        assertEquals(1, failure.getSuppressed().length);
        AsyncBacktrace trace = AsyncBacktrace.of(failure);
        assertSame(failure.getSuppressed()[0], trace);
        assertEquals(List.of(frame("take", -1)), trace.frames());
        assertArrayEquals(new StackTraceElement[] {frame("take", -1)}, trace.getStackTrace());
        assertEquals("reached through 1 @Async frame (innermost first)", trace.getMessage());
        assertNull(trace.getCause());
    }

    @Test
    void repeatedRecordsAppendInnermostFirstToTheSameBacktrace() {
        RuntimeException failure = new RuntimeException("x");

        AsyncBacktrace.record(failure, frame("take", -1));
        AsyncBacktrace.record(failure, frame("reserve", 36));
        AsyncBacktrace.record(failure, frame("buy", 30));

        assertEquals(1, failure.getSuppressed().length);
        List<StackTraceElement> expected = List.of(frame("take", -1), frame("reserve", 36), frame("buy", 30));
        AsyncBacktrace trace = AsyncBacktrace.of(failure);
        assertEquals(expected, trace.frames());
        assertEquals(expected, List.of(trace.getStackTrace()));
        assertEquals("reached through 3 @Async frames (innermost first)", trace.getMessage());
    }

    @Test
    void framesBeyondTheCapAreCountedNotKept() {
        RuntimeException failure = new RuntimeException("thrown again and again");

        for (int i = 0; i < AsyncBacktrace.MAX_FRAMES + 10; i++) AsyncBacktrace.record(failure, frame("m" + i, i));

        AsyncBacktrace trace = AsyncBacktrace.of(failure);
        assertEquals(AsyncBacktrace.MAX_FRAMES, trace.frames().size());
        assertEquals(frame("m0", 0), trace.frames().get(0));
        assertEquals(frame("m255", 255), trace.frames().get(AsyncBacktrace.MAX_FRAMES - 1));
        assertEquals("reached through 256 @Async frames (innermost first); 10 more not kept", trace.getMessage());
        assertEquals(AsyncBacktrace.MAX_FRAMES, trace.getStackTrace().length);
    }

    /** An exception that, like some preallocated JDK ones, refuses suppressed exceptions. */
    static final class NoSuppression extends RuntimeException {
        NoSuppression() {
            super("no suppression", null, false, false);
        }
    }

    @Test
    void anExceptionWithSuppressionDisabledGetsNoneAndNothingThrows() {
        NoSuppression failure = new NoSuppression();

        AsyncBacktrace.record(failure, frame("take", -1));
        AsyncBacktrace.record(failure, frame("buy", 30));

        assertEquals(0, failure.getSuppressed().length);
        assertNull(AsyncBacktrace.of(failure));
    }

    @Test
    void cancellationAndVirtualMachineErrorsAreNotRecorded() {
        CancellationException cancelled = new CancellationException();
        StackOverflowError overflow = new StackOverflowError();
        OutOfMemoryError oom = new OutOfMemoryError();

        for (Throwable t : List.of(cancelled, overflow, oom)) AsyncBacktrace.record(t, frame("buy", 30));

        assertEquals(0, cancelled.getSuppressed().length);
        assertEquals(0, overflow.getSuppressed().length);
        assertEquals(0, oom.getSuppressed().length);
    }

    @Test
    void nullFailureOrFrameIsIgnored() {
        RuntimeException failure = new RuntimeException();
        AsyncBacktrace.record(null, frame("buy", 30));
        AsyncBacktrace.record(failure, null);
        assertNull(AsyncBacktrace.of(failure));
    }

    @Test
    void aCheckedExceptionOrAnErrorOtherThanAVmErrorIsRecorded() {
        Exception checked = new java.io.IOException("disk");
        AssertionError assertion = new AssertionError("bug");
        AsyncBacktrace.record(checked, frame("save", 12));
        AsyncBacktrace.record(assertion, frame("check", 13));
        assertEquals(List.of(frame("save", 12)), AsyncBacktrace.of(checked).frames());
        assertEquals(List.of(frame("check", 13)), AsyncBacktrace.of(assertion).frames());
    }

    @Test
    void concurrentRecordsOnOneSharedExceptionKeepOneUncorruptedBacktrace() throws InterruptedException {
        int threads = 8;
        int perThread = 1000;
        for (int round = 0; round < 20; round++) {
            RuntimeException shared = new RuntimeException("shared constant");

            Concurrent.run(threads, t -> {
                for (int i = 0; i < perThread; i++) AsyncBacktrace.record(shared, new StackTraceElement("T" + t, "m", "T.java", i));
            });

            assertEquals(1, shared.getSuppressed().length, "exactly one backtrace");
            AsyncBacktrace trace = AsyncBacktrace.of(shared);
            List<StackTraceElement> frames = trace.frames();
            assertEquals(AsyncBacktrace.MAX_FRAMES, frames.size());
            assertEquals(frames, List.of(trace.getStackTrace()), "the stack trace is the frames");
            int[] lastLine = new int[threads];
            java.util.Arrays.fill(lastLine, -1);
            for (StackTraceElement f : frames) {
                assertNotNull(f);
                int t = Integer.parseInt(f.getClassName().substring(1));
                assertTrue(f.getLineNumber() > lastLine[t], "each thread's frames stay in its order: " + f);
                lastLine[t] = f.getLineNumber();
            }
            Matcher m = Pattern.compile("reached through (\\d+) @Async frames \\(innermost first\\); (\\d+) more not kept")
                    .matcher(trace.getMessage());
            assertTrue(m.matches(), trace.getMessage());
            assertEquals(threads * perThread, Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)),
                    "every record is kept or counted");
        }
    }

    @Test
    void printStackTraceShowsTheBacktraceAsASuppressedException() {
        IllegalStateException failure = new IllegalStateException("out of stock");
        AsyncBacktrace.record(failure, frame("take", -1));
        AsyncBacktrace.record(failure, frame("buy", 30));

        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));

        String out = text.toString();
        assertTrue(out.startsWith("java.lang.IllegalStateException: out of stock"), out);
        assertTrue(out.contains("Suppressed: dev.ratchet.debug.AsyncBacktrace: reached through 2 @Async frames (innermost first)"), out);
        String afterHeader = out.substring(out.indexOf("Suppressed: "));
        int take = afterHeader.indexOf("at demo.Shop.take(Shop.java)");
        int buy = afterHeader.indexOf("at demo.Shop.buy(Shop.java:30)");
        assertTrue(take > 0 && buy > take, "innermost first, the innermost without a line: " + out);
    }

    @Test
    void aBacktraceIsNotWalkedFromTheJvmStack() {
        RuntimeException failure = new RuntimeException();
        AsyncBacktrace.record(failure, frame("buy", 30));
        // Its stack trace is exactly the recorded frames: no frames of this test method.
        assertArrayEquals(new StackTraceElement[] {frame("buy", 30)}, AsyncBacktrace.of(failure).getStackTrace());
    }
}
