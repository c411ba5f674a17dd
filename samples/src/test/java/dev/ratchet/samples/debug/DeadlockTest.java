package dev.ratchet.samples.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.debug.TaskDump;
import dev.ratchet.samples.Narrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlockTest {
    @Test
    void theDumpShowsBothTasksSuspendedAtTheirReceiveWithTheSourceLine() throws Exception {
        Narrator n = new Narrator(false);
        TaskDump dump = Deadlock.run(n);
        List<String> source = Files.readAllLines(Path.of("src/main/java/dev/ratchet/samples/debug/Deadlock.java"));
        for (String name : List.of("ping", "pong")) {
            TaskDump.TaskInfo t = dump.find(name).orElseThrow();
            assertEquals(TaskDump.State.SUSPENDED, t.state(), t.toString());
            assertTrue(t.sinceLastPoll() != null && t.sinceLastPoll().toMillis() >= 100,
                    "stuck since the start, 200 ms before the dump: " + t.sinceLastPoll());
            StackTraceElement at = t.locations().get(0);
            assertEquals("dev.ratchet.samples.debug.Deadlock", at.getClassName());
            assertEquals(name, at.getMethodName());
            assertEquals("Deadlock.java", at.getFileName());
            assertTrue(source.get(at.getLineNumber() - 1).contains("await(inbox.recv())"),
                    "the line of the receive: " + source.get(at.getLineNumber() - 1));
            List<TaskDump.Frame> chain = t.chain();
            String leaf = chain.get(chain.size() - 1).description();
            assertTrue(leaf.contains("recv"), "the leaf is the channel receive: " + leaf);
        }
        String text = dump.toString();
        assertTrue(text.contains("Task#") && text.contains("\"ping\" SUSPENDED") && text.contains("\"pong\" SUSPENDED"), text);
        assertTrue(n.lines().stream().anyMatch(l -> l.contains("at dev.ratchet.samples.debug.Deadlock.ping(Deadlock.java:")),
                n.lines()::toString);
    }
}
