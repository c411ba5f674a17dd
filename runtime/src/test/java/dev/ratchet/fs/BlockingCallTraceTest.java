package dev.ratchet.fs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.debug.TaskDump;
import dev.ratchet.debug.Traceable;
import dev.ratchet.runtime.Executor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file operation in a task dump: the operation, and under it the blocking job it waits for. */
class BlockingCallTraceTest {
    @TempDir
    Path dir;

    @Test
    void aFileOperationAwaitsItsBlockingJobOnceSubmitted() throws Exception {
        Path file = dir.resolve("hosts");
        Files.writeString(file, "127.0.0.1 localhost\n", UTF_8);
        Future<String> read = AsyncFiles.readString(file);
        Traceable traceable = (Traceable) read;
        assertNull(traceable.suspendedAt());
        assertTrue(traceable.awaiting().isEmpty(), "nothing submitted before the first poll");
        assertEquals("readString(" + file + ")", read.toString());

        try (Executor ex = Executor.currentThread()) {
            TaskDump.Frame[] afterFirstPoll = new TaskDump.Frame[1];
            String content = ex.blockOn(new Future<String>() {
                @Override
                public Poll<String> poll(Context cx) {
                    Poll<String> p = read.poll(cx);
                    if (afterFirstPoll[0] == null) afterFirstPoll[0] = TaskDump.trace(read);
                    return p;
                }
            });

            assertEquals("127.0.0.1 localhost\n", content);
            TaskDump.Frame frame = afterFirstPoll[0];
            assertEquals("readString(" + file + ")", frame.description());
            assertEquals(1, frame.awaiting().size());
            String job = frame.awaiting().get(0).description();
            assertTrue(job.matches("JoinHandle\\[spawnBlocking job \\((queued|running|running for .+|done)\\)]"), job);
        }
    }
}
