package dev.ratchet.internal.diag;

import java.util.concurrent.CancellationException;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;

/**
 * The JFR event classes and the code that touches them; used only through {@link TaskEvents},
 * which keeps this class unloaded when the {@code jdk.jfr} module is absent.
 */
final class JfrEvents {
    private JfrEvents() {}

    @Name("dev.ratchet.TaskSpawned")
    @Label("Task Spawned")
    @Category({"Ratchet"})
    @Description("A task was spawned on a Ratchet executor")
    static final class TaskSpawnedEvent extends Event {
        @Label("Task Id")
        @Description("The task's id (spawn order)")
        int id;

        @Label("Task Name")
        @Description("The name given to spawn, or null")
        String name;
    }

    @Name("dev.ratchet.TaskPoll")
    @Label("Task Poll")
    @Category({"Ratchet"})
    @Description("One poll of a task by an executor thread; the event's duration is the poll's")
    static final class TaskPollEvent extends Event {
        @Label("Task Id")
        int id;

        @Label("Task Name")
        String name;

        @Label("Resumed At")
        @Description("The await the task resumed at: the deepest source position of its async backtrace")
        String resumedAt;
    }

    @Name("dev.ratchet.TaskCompleted")
    @Label("Task Completed")
    @Category({"Ratchet"})
    @Description("A task finished: with a value, a failure, or cancelled")
    static final class TaskCompletedEvent extends Event {
        @Label("Task Id")
        int id;

        @Label("Task Name")
        String name;

        @Label("Outcome")
        @Description("\"value\", \"cancelled\", or the class name of the failure")
        String outcome;
    }

    @Name("dev.ratchet.LongPoll")
    @Label("Long Poll")
    @Category({"Ratchet"})
    @Description("A poll that blocked an executor thread for longer than the executor's long-poll threshold, "
            + "found by the executor's watchdog; recorded when it ended")
    static final class LongPollEvent extends Event {
        @Label("Task Id")
        int id;

        @Label("Task Name")
        String name;

        @Label("Worker")
        @Description("The executor thread the poll blocked")
        String worker;

        @Label("Location")
        @Description("Where the poll was in the user's code")
        String location;

        @Label("Blocked For")
        @Description("How long the poll ran, measured by sampling (within one sampling period)")
        @Timespan(Timespan.NANOSECONDS)
        long blocked;
    }

    /** One volatile read: whether anything started JFR in this JVM. */
    static boolean initialized() {
        return FlightRecorder.isInitialized();
    }

    /**
     * The registered event types, created on first use, which the callers make only once JFR is initialized:
     * registration is what starts JFR's metadata machinery (see {@link TaskEvents}).
     */
    private static final class Types {
        static final EventType SPAWNED = EventType.getEventType(TaskSpawnedEvent.class);
        static final EventType POLL = EventType.getEventType(TaskPollEvent.class);
        static final EventType COMPLETED = EventType.getEventType(TaskCompletedEvent.class);
        static final EventType LONG_POLL = EventType.getEventType(LongPollEvent.class);
    }

    static boolean spawnedEnabled() {
        return Types.SPAWNED.isEnabled();
    }

    static boolean pollEnabled() {
        return Types.POLL.isEnabled();
    }

    static boolean completedEnabled() {
        return Types.COMPLETED.isEnabled();
    }

    static void spawned(PollSubject task) {
        TaskSpawnedEvent e = new TaskSpawnedEvent();
        e.id = task.id();
        e.name = task.name();
        e.commit();
    }

    static Object beginPoll(PollSubject task) {
        TaskPollEvent e = new TaskPollEvent();
        e.id = task.id();
        e.name = task.name();
        e.resumedAt = PollSite.of(task.futureIfLive());
        e.begin();
        return e;
    }

    static void polled(Object begun) {
        ((TaskPollEvent) begun).commit(); // ends the timing, then checks the threshold
    }

    static void completed(PollSubject task, Throwable failure) {
        TaskCompletedEvent e = new TaskCompletedEvent();
        e.id = task.id();
        e.name = task.name();
        e.outcome = failure == null ? "value"
                : failure instanceof CancellationException ? "cancelled" : failure.getClass().getName();
        e.commit();
    }

    static void longPoll(LongPoll poll, long blockedNanos) {
        if (!Types.LONG_POLL.isEnabled()) return;
        LongPollEvent e = new LongPollEvent();
        e.id = poll.taskId();
        e.name = poll.taskName();
        e.worker = poll.worker();
        e.location = poll.location();
        e.blocked = blockedNanos;
        e.commit();
    }
}
