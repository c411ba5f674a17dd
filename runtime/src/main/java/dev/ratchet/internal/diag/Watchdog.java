package dev.ratchet.internal.diag;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * Finds polls that block a worker, without timing any poll: a thread per executor ({@code
 * <prefix>-watchdog}, daemon) samples every worker's poll sequence ({@link WorkerStats}) every
 * threshold / 5 (at least 1 ms, at most 1 s), like Go's sysmon. A poll seen running on two samples that span
 * at least the threshold is a long poll: it is logged once when detected, with the task and the
 * place it resumed at, and once more when a later sample sees it finished, with how long it
 * blocked the worker. It is counted ({@link #longPolls()}) and recorded as a JFR {@code
 * dev.ratchet.LongPoll} event.
 *
 * <h2>Resolution</h2>
 * A poll started at most one period before the first sample that saw it, and ended at most one
 * period before the first sample that saw it finished: the reported duration (between those two
 * samples) is within one period of the truth. A poll is certainly detected once it lasts the
 * threshold plus one period, and never before it lasts the threshold. All of this assumes
 * the watchdog thread gets a CPU when its period ends: on an overloaded machine samples come
 * late, so polls are found late (or, right after the executor started and before the OS first
 * ran the new thread, not at all) and durations measured from late samples are short.
 *
 * <h2>An idle executor costs nothing</h2>
 * When every worker is idle ({@link WorkerStats#isIdle()}: parked, or a currentThread executor
 * nobody drives), the watchdog parks without a timeout; {@link #workerAwake()}, called by a
 * worker back from its own park, unparks it. No wake-up is lost: the watchdog writes {@link
 * #sleeping} and then reads every worker's {@code idle}; a worker writes its {@code idle} and
 * then reads {@code sleeping}. All four are volatile accesses, so in their single total order
 * either the watchdog sees the worker awake (and does not park) or the worker sees the watchdog
 * sleeping (and unparks it; a permit covers an unpark that lands just before the park).
 *
 * <p>The watchdog also {@linkplain CoarseClock#refresh() refreshes} the executor's clock at each
 * sample, which gives task stamps their resolution while workers are busy, and tells the
 * executor about every worker whose poll has lasted a whole period ({@code stalled}), so that
 * work only that worker would run (its LIFO slot) can move to one that is free.
 */
public final class Watchdog {
    private static final VarHandle LONG_POLLS;
    private static final VarHandle PARKS;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            LONG_POLLS = l.findVarHandle(Watchdog.class, "longPolls", long.class);
            PARKS = l.findVarHandle(Watchdog.class, "parks", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final WorkerStats[] workers;
    private final CoarseClock clock;
    private final long thresholdNanos;
    private final long periodNanos;
    private final DiagnosticLog log;
    /** Resolves the id a worker publishes to the task (or blockOn root); null if it is gone. */
    private final IntFunction<PollSubject> subjects;
    /** Told the index of a worker whose current poll has run at least one period. */
    private final IntConsumer stalled;
    private final Thread thread;

    /** Set by {@link #stop()}; the thread exits after one last sample. */
    private volatile boolean stopping;
    /** The watchdog is parked (or about to) until a worker wakes; see the class documentation. */
    private volatile boolean sleeping;
    /** Long polls detected; written by the watchdog thread only (opaque), read by anyone. */
    @SuppressWarnings("unused") // through LONG_POLLS
    private long longPolls;
    /** Untimed parks of the watchdog (tests: an idle executor keeps it parked). */
    @SuppressWarnings("unused") // through PARKS
    private long parks;

    // Watchdog thread only, one entry per worker: the poll sequence seen at the last sample, the
    // sample time that first saw it, and the long poll reported for it (null if none).
    private final long[] seenSeq;
    private final long[] firstSeen;
    private final LongPoll[] reported;

    /**
     * A watchdog over {@code workers}, not started.
     *
     * @param threshold how long a poll may run before it is reported; positive
     * @param subjects resolves a published id to its task or blockOn root (null if gone)
     * @param stalled called on the watchdog thread, at every sample, with the index of each
     *     worker whose current poll has run for at least one period; must be quick
     */
    public Watchdog(String threadName, WorkerStats[] workers, CoarseClock clock, Duration threshold, DiagnosticLog log,
            IntFunction<PollSubject> subjects, IntConsumer stalled) {
        Objects.requireNonNull(threshold, "threshold");
        if (threshold.isZero() || threshold.isNegative()) {
            throw new IllegalArgumentException("threshold must be positive, got " + threshold);
        }
        this.workers = workers.clone();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.thresholdNanos = saturatedNanos(threshold);
        this.periodNanos = periodFor(thresholdNanos);
        this.log = Objects.requireNonNull(log, "log");
        this.subjects = Objects.requireNonNull(subjects, "subjects");
        this.stalled = Objects.requireNonNull(stalled, "stalled");
        this.seenSeq = new long[workers.length];
        this.firstSeen = new long[workers.length];
        this.reported = new LongPoll[workers.length];
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    /**
     * The sampling period for a threshold: a fifth of it, at least 1 ms, at most 1 s (the
     * samples also refresh the executor's clock).
     */
    static long periodFor(long thresholdNanos) {
        return Math.min(TimeUnit.SECONDS.toNanos(1), Math.max(TimeUnit.MILLISECONDS.toNanos(1), thresholdNanos / 5));
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    public void start() {
        thread.start();
    }

    /**
     * Called by a worker back from park (after {@link WorkerStats#awake()}): unparks the watchdog
     * if it sleeps. One volatile read when it does not.
     */
    public void workerAwake() {
        if (sleeping) LockSupport.unpark(thread);
    }

    /**
     * Stops the thread after one last sample (which reports the end of a long poll that finished
     * meanwhile) and joins it. Call once the workers have stopped.
     */
    public void stop() {
        stopping = true;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** Long polls detected so far. */
    public long longPolls() {
        return (long) LONG_POLLS.getOpaque(this);
    }

    /** Times the watchdog parked because every worker was idle. */
    public long parkCount() {
        return (long) PARKS.getOpaque(this);
    }

    /** The sampling period, which is also the resolution of reported durations. */
    public Duration period() {
        return Duration.ofNanos(periodNanos);
    }

    /** The watchdog's thread (tests: its CPU time, its state). */
    public Thread thread() {
        return thread;
    }

    private void run() {
        while (!stopping) {
            sample(clock.refresh());
            if (allIdle()) {
                sleepUntilAWorkerWakes();
            } else {
                LockSupport.parkNanos(this, periodNanos);
            }
            Thread.interrupted(); // a stray interrupt must not turn park() into a spin
        }
        sample(clock.refresh());
    }

    private boolean allIdle() {
        for (WorkerStats w : workers) if (!w.isIdle()) return false;
        return true;
    }

    private void sleepUntilAWorkerWakes() {
        sleeping = true;
        try {
            // Re-check after publishing `sleeping` (the Dekker pair in the class documentation).
            if (stopping || !allIdle()) return;
            // Every worker has parked, so its polls have ended (a worker ends a poll before
            // parking): close the reports of polls that ended since the last sample, so that
            // their duration is not stretched by the sleep.
            sample(clock.refresh());
            PARKS.setOpaque(this, parkCount() + 1);
            LockSupport.park(this);
        } finally {
            sleeping = false;
        }
    }

    /** One look at every worker at time {@code now} (a {@code System.nanoTime()} reading). */
    private void sample(long now) {
        for (int i = 0; i < workers.length; i++) {
            WorkerStats w = workers[i];
            long seq = w.pollSeq();
            if (seq != seenSeq[i]) { // another poll, or none: the one we watched has ended
                if (reported[i] != null) {
                    finish(reported[i], now - firstSeen[i]);
                    reported[i] = null;
                }
                seenSeq[i] = seq;
                firstSeen[i] = now;
                continue;
            }
            if ((seq & 1) == 0) continue; // no poll
            // The same poll on two samples: it has run at least one period.
            stalled.accept(i);
            if (reported[i] != null) continue; // already reported
            long polling = now - firstSeen[i];
            if (polling < thresholdNanos) continue;
            int id = w.subjectOf(seq);
            PollSubject subject = id < 0 ? null : subjects.apply(id);
            if (subject == null) continue; // ended while reading
            Thread t = w.thread();
            LongPoll poll = new LongPoll(subject.id(), subject.name(), t == null ? "?" : t.getName(),
                    PollSite.of(subject.futureIfLive()));
            reported[i] = poll;
            LONG_POLLS.setOpaque(this, longPolls() + 1);
            log.warn(poll.startedMessage(polling));
        }
    }

    private void finish(LongPoll poll, long blockedNanos) {
        log.warn(poll.endedMessage(blockedNanos, periodNanos));
        TaskEvents.longPoll(poll, blockedNanos);
    }
}
