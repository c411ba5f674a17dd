package dev.ratchet.internal.scheduler;

import dev.ratchet.Future;
import dev.ratchet.debug.TaskDump;
import dev.ratchet.debug.TaskDump.State;
import dev.ratchet.debug.TaskDump.TaskInfo;
import dev.ratchet.internal.diag.CoarseClock;
import dev.ratchet.internal.diag.WorkerStats;
import dev.ratchet.internal.task.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Builds an executor's {@link TaskDump} from its live tasks, its running {@code blockOn} roots
 * and its workers' {@link WorkerStats}, without stopping anything (best-effort, as {@link
 * TaskDump} says).
 *
 * <p>Per task: the state from the state word ({@code RUNNING} → RUNNING; {@code NOTIFIED} →
 * SCHEDULED; else SUSPENDED); "since last poll" from the task's stamp ({@link
 * Task#lastPollStamp()}), or for a running task from the start tick its worker published; the
 * backtrace from {@link TaskDump#trace} of its future. The stamp is read between two reads of the
 * state word and used only if neither says running: while a task runs, that field is its budget.
 *
 * <p>A task whose word says {@code RUNNING} but that no worker is polling is a held entry (it
 * yielded and waits in a queue; see {@code TaskState}): SCHEDULED. Its word cannot tell whether
 * a poll began or ended while the stamp was read, so the workers' poll sequences can: the stamp
 * is used only if none of them moved meanwhile.
 */
final class TaskDumps {
    private TaskDumps() {}

    static TaskDump take(String executor, CoarseClock clock, Collection<BlockOnRoot> roots, List<Task<?>> tasks,
            WorkerStats[] workers) {
        clock.refresh();
        int now = clock.now();
        Instant takenAt = Instant.now();
        List<TaskInfo> infos = new ArrayList<>(roots.size() + tasks.size());
        for (BlockOnRoot root : roots) infos.add(root.describe(now));
        List<Task<?>> sorted = new ArrayList<>(tasks);
        sorted.sort(Comparator.comparingInt(Task::id));
        for (Task<?> task : sorted) {
            TaskInfo info = describe(task, now, workers);
            if (info != null) infos.add(info);
        }
        return new TaskDump(executor, takenAt, infos);
    }

    /** The task's entry, or null if it completed meanwhile. */
    private static TaskInfo describe(Task<?> task, int now, WorkerStats[] workers) {
        long seqsBefore = sumOfPollSeqs(workers);
        boolean runningBefore = task.isRunning();
        int stamp = task.lastPollStamp();
        boolean running = runningBefore || task.isRunning();
        Future<?> future = task.futureIfLive();
        if (future == null) return null;
        State state;
        Duration since;
        int start = running ? pollStartOf(task, workers) : -1;
        if (start >= 0) {
            state = State.RUNNING;
            since = Duration.ofMillis(CoarseClock.millisBetween(start, now));
        } else if (running) { // a held entry (or a poll that ended as we looked)
            state = State.SCHEDULED;
            boolean stampValid = sumOfPollSeqs(workers) == seqsBefore && stamp != CoarseClock.NEVER;
            since = stampValid ? Duration.ofMillis(CoarseClock.millisBetween(stamp, now)) : null;
        } else {
            state = task.isScheduled() ? State.SCHEDULED : State.SUSPENDED;
            since = stamp == CoarseClock.NEVER ? null : Duration.ofMillis(CoarseClock.millisBetween(stamp, now));
        }
        return new TaskInfo(task.id(), task.name(), state, since, TaskDump.trace(future));
    }

    /** The workers' poll sequences, summed: each only grows, so an unchanged sum means none moved. */
    private static long sumOfPollSeqs(WorkerStats[] workers) {
        long sum = 0;
        for (WorkerStats w : workers) sum += w.pollSeq();
        return sum;
    }

    /** The tick at which the worker polling {@code task} began, or -1 if none is found (it just ended). */
    private static int pollStartOf(Task<?> task, WorkerStats[] workers) {
        for (WorkerStats w : workers) {
            long seq = w.pollSeq();
            if (w.subjectOf(seq) == task.id()) return w.startOf(seq);
        }
        return -1;
    }
}
