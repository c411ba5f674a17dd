package dev.ratchet.samples.debug;

import static dev.ratchet.Futures.await;

import dev.ratchet.Async;
import dev.ratchet.debug.TaskDump;
import dev.ratchet.runtime.Executor;
import dev.ratchet.samples.Expect;
import dev.ratchet.samples.Narrator;
import dev.ratchet.sync.Channel;
import java.util.List;

/**
 * A deadlock on purpose: two tasks each wait for the other's message before sending their own.
 * Nothing is blocked — both workers are idle — yet nothing happens, and a thread dump would show
 * only parked workers. {@code Executor.dump()} shows the two tasks, how long they have waited,
 * and the await in each, with its source line.
 *
 * <pre>{@code
 * System.err.println(executor.dump());   // or Diagnostics.dumpAll() from a debug endpoint
 * }</pre>
 */
public final class Deadlock {
    private Deadlock() {}

    public static void main(String[] args) throws InterruptedException {
        run(new Narrator());
    }

    /** Starts the two tasks, lets them stall, prints and checks the dump, then closes the executor. */
    public static TaskDump run(Narrator n) throws InterruptedException {
        Channel<String> toPing = Channel.bounded(1);
        Channel<String> toPong = Channel.bounded(1);
        TaskDump dump;
        try (Executor executor = Executor.multiThreaded()) {
            executor.spawn("ping", DeadlockAsync.ping(toPing.receiver(), toPong.sender()));
            executor.spawn("pong", DeadlockAsync.pong(toPong.receiver(), toPing.sender()));
            Thread.sleep(200); // give them time to get stuck
            dump = executor.dump();
            n.say("the executor's task dump after 200 ms:");
            for (String line : dump.toString().split("\n")) n.say("  %s", line);
        } // close() cancels both tasks
        for (String name : List.of("ping", "pong")) {
            TaskDump.TaskInfo t = dump.find(name).orElseThrow(() -> new IllegalStateException("no task " + name));
            Expect.that(t.state() == TaskDump.State.SUSPENDED, name + " to be suspended");
            Expect.that(t.locations().stream().anyMatch(l -> l.getMethodName().equals(name)),
                    name + "'s backtrace to show the await in " + name + "(): " + t.locations());
        }
        return dump;
    }

    /** Waits for a message from pong, then answers it: but pong waits for ping first. */
    @Async
    static String ping(Channel.Receiver<String> inbox, Channel.Sender<String> toPong) {
        String ball = await(inbox.recv());
        await(toPong.send(ball + " ping"));
        return ball;
    }

    /** The mirror image of {@link #ping}. */
    @Async
    static String pong(Channel.Receiver<String> inbox, Channel.Sender<String> toPing) {
        String ball = await(inbox.recv());
        await(toPing.send(ball + " pong"));
        return ball;
    }
}
