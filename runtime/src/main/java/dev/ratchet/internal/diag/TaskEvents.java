package dev.ratchet.internal.diag;

/**
 * The executor's JFR events ({@code dev.ratchet.TaskSpawned}, {@code TaskPoll}, {@code
 * TaskCompleted}, {@code LongPoll}; see {@link JfrEvents}), behind checks that cost nothing
 * measurable while no recording enables them.
 *
 * <p>The pattern at a call site: {@code if (TaskEvents.pollEnabled()) ...} — nothing is
 * allocated and no timestamp is taken unless the check passes. A check is a constant (the
 * {@code jdk.jfr} module is absent), then one volatile read ({@code
 * FlightRecorder.isInitialized()}: false until some code or {@code -XX:StartFlightRecording}
 * starts JFR), then, once JFR is up, the event type's {@code isEnabled()}, a field read. The
 * event types are registered only once JFR is initialized: registering one starts JFR's metadata
 * machinery, about 80 ms that a program not using JFR should not pay. Settings of a recording
 * that started before the registration apply to the events (JFR matches them by name). So the
 * first check after JFR started registers the types, inside whatever it guards: once per JVM, a
 * poll takes some 10 ms longer (the watchdog may report it), next to a JFR start that itself
 * stops the JVM for longer.
 *
 * <p>This class names no {@code jdk.jfr} type, so that it loads on a runtime image without the
 * {@code jdk.jfr} module; {@link JfrEvents} does, and is touched only when the module is there.
 */
public final class TaskEvents {
    private static final boolean JFR_PRESENT = ModuleLayer.boot().findModule("jdk.jfr").isPresent();

    private TaskEvents() {}

    public static boolean spawnedEnabled() {
        return JFR_PRESENT && JfrEvents.initialized() && JfrEvents.spawnedEnabled();
    }

    public static boolean pollEnabled() {
        return JFR_PRESENT && JfrEvents.initialized() && JfrEvents.pollEnabled();
    }

    public static boolean completedEnabled() {
        return JFR_PRESENT && JfrEvents.initialized() && JfrEvents.completedEnabled();
    }

    /** Records a {@code TaskSpawned} event; call only if {@link #spawnedEnabled()}. */
    public static void spawned(PollSubject task) {
        JfrEvents.spawned(task);
    }

    /**
     * Starts timing a poll of {@code task}; call only if {@link #pollEnabled()}, and pass the
     * result to {@link #polled} after the poll. Computes where the poll resumes (before it runs).
     */
    public static Object beginPoll(PollSubject task) {
        return JfrEvents.beginPoll(task);
    }

    /** Ends the poll begun by {@link #beginPoll} and records it (if over the event's threshold). */
    public static void polled(Object begun) {
        JfrEvents.polled(begun);
    }

    /**
     * Records a {@code TaskCompleted} event; call only if {@link #completedEnabled()}.
     *
     * @param failure the task's exception, or null if it returned a value
     */
    public static void completed(PollSubject task, Throwable failure) {
        JfrEvents.completed(task, failure);
    }

    /** Records a {@code LongPoll} event if enabled. */
    public static void longPoll(LongPoll poll, long blockedNanos) {
        if (JFR_PRESENT && JfrEvents.initialized()) JfrEvents.longPoll(poll, blockedNanos);
    }
}
