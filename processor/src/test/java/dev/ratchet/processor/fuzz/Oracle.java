package dev.ratchet.processor.fuzz;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.processor.harness.Driver;
import dev.ratchet.processor.harness.GeneratedClassLoader;
import dev.ratchet.processor.harness.Program;
import dev.ratchet.processor.harness.Schedule;
import dev.ratchet.runtime.Executor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a compiled program's {@code @Async} root under every {@link Mode} and compares each outcome
 * (value or exception, and the log) with its synchronous twin's under the same {@link Plan}.
 *
 * <p>Modes: the four {@link Schedule}s on three drivers — the harness {@link Driver} (budget of
 * {@value Driver#BUDGET} per poll), {@link Executor#currentThread()} and {@link
 * Executor#multiThreaded()} (the root spawned as a task, so it is polled on the workers) — plus
 * cancellation runs: the root is cancelled when it reaches a randomly chosen await, whose future
 * then stays pending until cancelled. Every run has a time limit; a run that does not finish is a
 * {@link Finding.Kind#HANG}. Not thread-safe: programs run one at a time ({@link Fx} is static).
 */
final class Oracle implements AutoCloseable {
    /** Who polls the root future. */
    enum DriverKind { HARNESS, CURRENT_THREAD, MULTI_THREADED }

    /** One way to run a program. */
    record Mode(DriverKind driver, Plan plan) {
        @Override
        public String toString() {
            return driver + "/" + plan;
        }
    }

    /** What a run produced: its value (as text) or its exception (described), and its log. */
    record Outcome(String value, String failure, List<String> log) {}

    static final long RUN_TIMEOUT_SECONDS = 10;

    private Executor currentThread = Executor.currentThread();
    private Executor multiThreaded = Executor.multiThreaded();
    private ExecutorService runner = newRunner();
    /**
     * Test futures the last reference run created (the awaits it reached): where a cancellation
     * run may stop. Written on the runner thread, read after {@code Future.get}, which orders it.
     */
    private int lastAwaits;

    /** The modes every program runs under: all schedules on all drivers, plus two cancellations. */
    static List<Mode> modes(int awaits, Random rnd) {
        List<Mode> modes = new ArrayList<>();
        for (DriverKind d : DriverKind.values()) for (Schedule s : Schedule.values()) modes.add(new Mode(d, Plan.of(s)));
        if (awaits > 0) {
            for (int i = 0; i < 2; i++) {
                Schedule s = Schedule.values()[rnd.nextInt(Schedule.values().length)];
                DriverKind d = DriverKind.values()[rnd.nextInt(DriverKind.values().length)];
                modes.add(new Mode(d, new Plan(s, 1 + rnd.nextInt(awaits))));
            }
        }
        return modes;
    }

    /** Checks {@code p} (compiled into {@code loader}) under all modes; returns the first finding, or null. */
    Finding check(ClassLoader loader, Unit p, Random rnd) {
        Finding unverifiable = unverifiable(loader, p, new Mode(DriverKind.HARNESS, Plan.of(Schedule.READY)));
        if (unverifiable != null) return unverifiable;
        Outcome ready;
        try {
            ready = reference(loader, p, Plan.of(Schedule.READY));
        } catch (BrokenReference e) {
            return e.finding(p, new Mode(DriverKind.HARNESS, Plan.of(Schedule.READY)));
        }
        if (ready == null) return hang(p, null, "the synchronous reference did not finish");
        int awaits = lastAwaits;
        for (Mode m : modes(awaits, rnd)) {
            Finding f = check(loader, p, m);
            if (f != null) return f;
        }
        return null;
    }

    /** Checks {@code p} under one mode; returns the finding, or null if the outcomes agree. */
    Finding check(ClassLoader loader, Unit p, Mode m) {
        Finding unverifiable = unverifiable(loader, p, m);
        if (unverifiable != null) return unverifiable;
        Outcome expected;
        try {
            expected = reference(loader, p, m.plan());
        } catch (BrokenReference e) {
            return e.finding(p, m);
        }
        if (expected == null) return hang(p, m, "the synchronous reference did not finish");
        Outcome actual;
        try {
            actual = timed(() -> runAsync(loader, p, m));
        } catch (BrokenReference e) {
            return e.finding(p, m); // a program class failed to link in a way unverifiable() did not see
        } catch (TimeoutException e) {
            return hang(p, m, "did not complete within " + RUN_TIMEOUT_SECONDS + " s; expected " + expected);
        }
        if (actual.failure() != null && actual.failure().contains("lost wakeup")) {
            return new Finding(Finding.Kind.HANG, p.name(), m, actual.failure());
        }
        if (expected.equals(actual)) return null;
        return new Finding(Finding.Kind.MISMATCH, p.name(), m, difference(expected, actual));
    }

    /** The twin's outcome under {@code plan}, or null if it did not finish in time. */
    Outcome reference(ClassLoader loader, Unit p, Plan plan) {
        try {
            return timed(() -> runReference(loader, p, plan));
        } catch (TimeoutException e) {
            return null;
        }
    }

    private Outcome runReference(ClassLoader loader, Unit p, Plan plan) {
        Fx.reset(plan);
        try {
            Class<?> type = loader.loadClass(p.twinClass());
            Method m = Program.find(type, p.root(), p.args().size());
            Object receiver = Modifier.isStatic(m.getModifiers()) ? null : newInstance(type);
            Object value = m.invoke(receiver, p.args().toArray());
            lastAwaits = Fx.created();
            // The root completes cancelled whatever its body returned (SPEC "Cancellation").
            if (Ref.cancelled) return new Outcome(null, Fx.describe(new CancellationException()), Fx.logged());
            return new Outcome(String.valueOf(value), null, Fx.logged());
        } catch (InvocationTargetException e) {
            lastAwaits = Fx.created();
            if (e.getCause() instanceof LinkageError broken) throw new BrokenReference(broken, "the synchronous twin");
            return new Outcome(null, Fx.describe(e.getCause()), Fx.logged());
        } catch (LinkageError e) {
            throw new BrokenReference(e, "the synchronous twin");
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A program class failed to load or link while running. Verification is checked before any run
     * ({@link #unverifiable}), so this is the rest: a class missing or failing its static
     * initializer, which the generator never writes on purpose.
     */
    static final class BrokenReference extends RuntimeException {
        private final String where;

        BrokenReference(LinkageError cause, String where) {
            super(cause);
            this.where = where;
        }

        Finding finding(Unit p, Mode m) {
            String first = String.valueOf(getCause()).lines().findFirst().orElse("");
            return new Finding(Finding.Kind.BROKEN_REFERENCE, p.name(), m, getCause().getClass().getName() + " in " + where + ": " + first);
        }
    }

    /**
     * Links every class of {@code p} before it runs, so that bytecode the verifier rejects is
     * blamed on whoever wrote its source. First the classes javac compiled from the program as
     * written — the synchronous twin and the {@code @Async} holder: a VerifyError there is a javac
     * bug on plain Java, {@link Finding.Kind#BROKEN_REFERENCE} (the generated code usually copies
     * the same expressions and fails too, which tells nothing more). Then the classes compiled
     * from the processor's output (companion, machines): a VerifyError only there is {@link
     * Finding.Kind#VERIFY_ERROR}, the processor's finding even when javac miscompiled valid
     * generated source, since a user's program would fail the same way. Returns null if all link.
     * Linking means initializing: program classes have no static initializers with effects.
     */
    static Finding unverifiable(ClassLoader loader, Unit p, Mode m) {
        return loader instanceof GeneratedClassLoader g ? unverifiable(loader, g.classNames(), p, m) : null;
    }

    /** {@link #unverifiable(ClassLoader, Unit, Mode)} over {@code classes}, the names {@code loader} defines. */
    static Finding unverifiable(ClassLoader loader, java.util.Collection<String> classes, Unit p, Mode m) {
        String twin = Printer.PACKAGE + "." + Printer.twinName(p.name());
        String holder = Printer.PACKAGE + "." + p.name();
        List<String> javacOnly = new ArrayList<>();
        List<String> generated = new ArrayList<>();
        for (String n : classes) {
            if (n.equals(twin) || n.startsWith(twin + "$") || n.equals(holder) || n.startsWith(holder + "$")) {
                javacOnly.add(n);
            } else if (n.startsWith(holder) && !Character.isDigit(n.charAt(holder.length()))) {
                generated.add(n); // PnAsync..., Pn_MemberAsync...: not another program's Pnm
            }
        }
        javacOnly.sort(null);
        generated.sort(null);
        for (String n : javacOnly) {
            Throwable e = link(loader, n);
            if (e != null) {
                String where = n.startsWith(twin) ? "the synchronous twin" : "the @Async holder";
                return new Finding(Finding.Kind.BROKEN_REFERENCE, p.name(), m, e.getClass().getName() + " in " + where
                        + " (javac " + Runtime.version() + " on the program as written) " + n + ": " + details(e));
            }
        }
        for (String n : generated) {
            Throwable e = link(loader, n);
            if (e != null) {
                return new Finding(Finding.Kind.VERIFY_ERROR, p.name(), m, e.getClass().getName() + " in generated class " + n
                        + " (javac " + Runtime.version() + " on the processor's output; the program's own classes verify): "
                        + details(e));
            }
        }
        return null;
    }

    /** Loads and links {@code name}; returns the verifier's complaint, or null. */
    private static Throwable link(ClassLoader loader, String name) {
        try {
            Class.forName(name, true, loader);
            return null;
        } catch (VerifyError | ClassFormatError e) {
            return e;
        } catch (ClassNotFoundException e) {
            throw new AssertionError("listed but not loadable: " + name, e);
        }
    }

    /** The verifier's message and where it stopped ({@code Location:} and {@code Reason:} lines). */
    private static String details(Throwable e) {
        List<String> lines = String.valueOf(e.getMessage()).lines().map(String::strip).toList();
        StringBuilder sb = new StringBuilder(lines.isEmpty() ? "" : lines.get(0));
        for (int i = 1; i + 1 < lines.size(); i++) {
            if (lines.get(i).equals("Location:") || lines.get(i).equals("Reason:")) sb.append("; ").append(lines.get(i + 1));
        }
        return sb.toString();
    }

    private Outcome runAsync(ClassLoader loader, Unit p, Mode mode) {
        Fx.reset(mode.plan());
        Future<?> root = entry(loader, p);
        Future<?> f = mode.plan().cancels() ? new CancelWhenReached<>(root) : root;
        try {
            Object value = switch (mode.driver()) {
                case HARNESS -> new Driver().run(f);
                case CURRENT_THREAD -> currentThread.blockOn(f);
                case MULTI_THREADED -> multiThreaded.blockOn(multiThreaded.spawn(f));
            };
            return new Outcome(String.valueOf(value), null, Fx.logged());
        } catch (Throwable t) {
            if (t instanceof AssertionError a && String.valueOf(a.getMessage()).contains("lost wakeup")) {
                return new Outcome(null, "lost wakeup: " + a.getMessage(), Fx.logged());
            }
            return new Outcome(null, Fx.describe(t), Fx.logged());
        }
    }

    /** The companion entry of the root: the lazy future. */
    private static Future<?> entry(ClassLoader loader, Unit p) {
        try {
            Class<?> type = loader.loadClass(p.asyncClass());
            Class<?> companion = loader.loadClass(p.companionClass());
            Method target = Program.find(type, p.root(), p.args().size());
            List<Object> args = new ArrayList<>();
            if (!Modifier.isStatic(target.getModifiers())) args.add(newInstance(type));
            args.addAll(p.args());
            Method entry = Program.find(companion, p.root(), args.size());
            return (Future<?>) entry.invoke(null, args.toArray());
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof LinkageError broken) throw new BrokenReference(broken, "the @Async program's classes");
            throw new AssertionError("the companion entry itself threw", e.getCause());
        } catch (LinkageError e) {
            throw new BrokenReference(e, "the @Async program's classes");
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Polls the root; once the root is suspended at the never-completing await, cancels it (once)
     * and wakes itself, so the root's next poll runs its cleanup.
     */
    private static final class CancelWhenReached<T> implements Future<T> {
        private final Future<T> root;
        private boolean cancelled;

        CancelWhenReached(Future<T> root) {
            this.root = root;
        }

        @Override
        public Poll<T> poll(Context cx) {
            Poll<T> p = root.poll(cx);
            if (p.isPending() && !cancelled && Fx.neverReached()) {
                cancelled = true;
                root.cancel();
                cx.waker().wake();
            }
            return p;
        }

        @Override
        public void cancel() {
            root.cancel();
        }
    }

    private interface Run<T> {
        T run() throws Exception;
    }

    private <T> T timed(Run<T> run) throws TimeoutException {
        java.util.concurrent.Future<T> f = runner.submit(run::run);
        try {
            return f.get(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            // The stuck run keeps its thread and executors: abandon them, start afresh.
            f.cancel(true);
            runner.shutdownNow();
            runner = newRunner();
            currentThread = Executor.currentThread();
            multiThreaded = Executor.multiThreaded();
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BrokenReference b) throw b;
            throw new AssertionError("harness failure", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static ExecutorService newRunner() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-runner");
            t.setDaemon(true);
            return t;
        });
    }

    private static Finding hang(Unit p, Mode m, String detail) {
        return new Finding(Finding.Kind.HANG, p.name(), m, detail);
    }

    static String difference(Outcome expected, Outcome actual) {
        StringBuilder sb = new StringBuilder();
        if (!Objects.equals(expected.value(), actual.value()) || !Objects.equals(expected.failure(), actual.failure())) {
            sb.append("expected ").append(expected.failure() != null ? "exception " + expected.failure() : "value " + expected.value())
                    .append("\n  actual ").append(actual.failure() != null ? "exception " + actual.failure() : "value " + actual.value())
                    .append('\n');
        }
        List<String> e = expected.log();
        List<String> a = actual.log();
        int i = 0;
        while (i < e.size() && i < a.size() && e.get(i).equals(a.get(i))) i++;
        if (i < e.size() || i < a.size()) {
            sb.append("logs differ at entry ").append(i).append(":\n  expected ")
                    .append(e.subList(i, Math.min(e.size(), i + 4))).append(e.size() > i + 4 ? "..." : "")
                    .append("\n  actual   ").append(a.subList(i, Math.min(a.size(), i + 4))).append(a.size() > i + 4 ? "..." : "")
                    .append('\n');
        }
        return sb.toString();
    }

    private static Object newInstance(Class<?> type) throws ReflectiveOperationException {
        if (type.isEnum()) {
            // The one constant outlives runs: reset its field so every run starts alike.
            Object instance = type.getEnumConstants()[0];
            var acc = type.getDeclaredField("acc");
            acc.setAccessible(true);
            acc.setInt(instance, 0);
            return instance;
        }
        var c = type.getDeclaredConstructor();
        c.setAccessible(true);
        return c.newInstance();
    }

    @Override
    public void close() {
        runner.shutdownNow();
        currentThread.close();
        multiThreaded.close();
    }

}
