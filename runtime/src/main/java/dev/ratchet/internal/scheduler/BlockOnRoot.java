package dev.ratchet.internal.scheduler;

import dev.ratchet.Future;
import dev.ratchet.debug.TaskDump;
import dev.ratchet.internal.diag.CoarseClock;
import dev.ratchet.internal.diag.PollSubject;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;

/**
 * The root future of one running {@code blockOn}, as task dumps see it: a pseudo-task with id 0
 * named "blockOn". Registered with its executor for the duration of the call.
 *
 * <p>Written by the blocked thread only, with opaque stores (no fence per poll); read racily by
 * dumps, like a task.
 */
public final class BlockOnRoot implements PollSubject {
    /** The id dumps give a blockOn root (task ids start at 1). */
    public static final int ID = 0;
    public static final String NAME = "blockOn";

    private static final VarHandle POLLING;
    private static final VarHandle STAMP;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            POLLING = l.findVarHandle(BlockOnRoot.class, "polling", boolean.class);
            STAMP = l.findVarHandle(BlockOnRoot.class, "stamp", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Future<?> future;
    private final ThreadWaker waker;
    /** Whether the blocked thread is polling the root now. */
    @SuppressWarnings("unused") // through POLLING
    private boolean polling;
    /** While polling, the tick the poll began; else the tick the last poll ended (NEVER before). */
    @SuppressWarnings("unused") // through STAMP
    private int stamp = CoarseClock.NEVER;

    public BlockOnRoot(Future<?> future, ThreadWaker waker) {
        this.future = future;
        this.waker = waker;
    }

    @Override
    public int id() {
        return ID;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Future<?> futureIfLive() {
        return future;
    }

    /** Blocked thread: a poll of the root starts at {@code tick}. */
    public void pollStarted(int tick) {
        STAMP.setOpaque(this, tick);
        POLLING.setOpaque(this, true);
    }

    /** Blocked thread: the poll ended at {@code tick}. */
    public void pollEnded(int tick) {
        POLLING.setOpaque(this, false);
        STAMP.setOpaque(this, tick);
    }

    /** The root as a dump entry, {@code now} being the current tick. */
    TaskDump.TaskInfo describe(int now) {
        boolean running = (boolean) POLLING.getOpaque(this);
        int at = (int) STAMP.getOpaque(this);
        TaskDump.State state = running ? TaskDump.State.RUNNING
                : waker.isNotified() ? TaskDump.State.SCHEDULED : TaskDump.State.SUSPENDED;
        Duration since = at == CoarseClock.NEVER ? null : Duration.ofMillis(CoarseClock.millisBetween(at, now));
        return new TaskDump.TaskInfo(ID, NAME, state, since, TaskDump.trace(future));
    }
}
