package dev.ratchet.processor.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Poll;
import dev.ratchet.debug.AsyncBacktrace;
import dev.ratchet.debug.Traceable;
import dev.ratchet.processor.harness.Driver;
import dev.ratchet.processor.harness.Frames;
import dev.ratchet.processor.harness.Io;
import dev.ratchet.processor.harness.Program;
import dev.ratchet.processor.harness.Schedule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Eager calls (AsyncStateMachine, "Eager calls"): an implicit await runs the callee's body at once
 * through its machine's static start, and makes machines only where something is pending. Each
 * program runs against its synchronous twin under every schedule, both with {@link Driver}'s small
 * budget (which defers calls and awaits at every few units) and with an unlimited one (whole
 * descents, materialized level by level when the leaf is pending).
 */
class EagerCallsTest {
    private static final Schedule[] SUSPENDING = {Schedule.READY, Schedule.PENDING_ONCE, Schedule.OTHER_THREAD};
    private static Program program;
    private static Frames frames;

    @BeforeAll
    static void compile() {
        program = Program.compile("EagerCalls");
        frames = new Frames("EagerCalls");
    }

    /** {@link Program#check} (Driver's budget), then the same comparison with an unlimited budget. */
    private static void checkEveryWay(String method, Object... args) {
        program.check(method, args);
        for (Schedule s : Schedule.values()) {
            Program.Outcome expected = program.runSync(s, method, args);
            Io.reset(s);
            Future<?> f = program.future(method, args);
            Program.Outcome actual;
            try {
                actual = new Program.Outcome(runUnlimited(f, null), null, Io.logged());
            } catch (Throwable t) {
                if (t instanceof AssertionError a && a.getMessage() != null && a.getMessage().contains("lost wakeup")) throw a;
                actual = new Program.Outcome(null, describe(t), Io.logged());
            }
            assertEquals(expected, actual, method + " unlimited, under " + s);
        }
    }

    /** As Program's: the async backtrace is diagnostics, not the program's meaning. */
    private static String describe(Throwable t) {
        List<String> suppressed = Arrays.stream(t.getSuppressed())
                .filter(x -> !(x instanceof AsyncBacktrace)).map(EagerCallsTest::describe).toList();
        return t.getClass().getName() + ": " + t.getMessage() + (suppressed.isEmpty() ? "" : " suppressed " + suppressed);
    }

    /** Polls {@code f} with an unlimited budget until ready; counts polls in {@code polls} if given. */
    private static Object runUnlimited(Future<?> f, AtomicInteger polls) {
        Semaphore wakes = new Semaphore(0);
        Context cx = Context.of(wakes::release);
        for (;;) {
            if (polls != null) polls.incrementAndGet();
            Poll<?> p = f.poll(cx);
            if (p.isReady()) return p.value();
            try {
                if (!wakes.tryAcquire(10, TimeUnit.SECONDS)) throw new AssertionError("lost wakeup");
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** The machines a pending future awaits, one per level, down to the first non-machine. */
    private static List<Object> awaitChain(Future<?> root) {
        List<Object> chain = new ArrayList<>();
        Object f = root;
        while (f instanceof Traceable t) {
            chain.add(f);
            List<? extends Future<?>> next = t.awaiting();
            if (next.isEmpty()) break;
            f = next.get(0);
        }
        if (!(f instanceof Traceable)) chain.add(f);
        return chain;
    }

    // ---- 1. sentinel results ----

    @Test
    void resultsEqualToTheSentinelOfTheirTypeComeThrough() {
        for (boolean viaIo : new boolean[] {false, true}) {
            checkEveryWay("sentinels", viaIo);
            checkEveryWay("sentinelsNested", viaIo);
            checkEveryWay("sentinelsAfterAwait", viaIo);
        }
        Io.reset(Schedule.READY);
        Object eager = runUnlimited(program.future("sentinels", false), null);
        assertEquals("true " + Long.MIN_VALUE + " " + Integer.MIN_VALUE + " " + Short.MIN_VALUE + " " + Byte.MIN_VALUE + " "
                + (int) Character.MAX_VALUE + " false null NaN NaN", eager);
        assertEquals(List.of("void in", "void out"), Io.logged());
    }

    @Test
    void sentinelsComeThroughWhenTheCalleeSuspended() {
        // Pending at the callee's await: the callee is materialized and the caller polls it.
        Io.reset(Schedule.PENDING_ONCE);
        AtomicInteger polls = new AtomicInteger();
        Object r = runUnlimited(program.future("sentinels", true), polls);
        assertTrue(r.toString().startsWith("true "), r.toString());
        assertEquals(11, polls.get(), "one pending poll per Io await");
    }

    @Test
    void eagerCallsAreWhatThePollPrints() {
        String generated = program.generatedSource("EagerCallsAsync");
        assertTrue(generated.contains("long called = LongMin.start(cx, this, viaIo);"), "eager call in poll");
        assertTrue(generated.contains("if (called == Long.MIN_VALUE && suspendedCall()) return Poll.pending();"));
        assertTrue(generated.contains("Double.NaN"), "NaN sentinel");
    }

    // ---- 2. a deep chain ----

    @Test
    void aDeepChainKeepsEveryLevelsLocalsAcrossMaterialization() {
        checkEveryWay("chain", 30, 0L);
        checkEveryWay("chain", 1, 5L);
        checkEveryWay("intChain", 30);
    }

    @Test
    void aPendingLeafMaterializesEveryLevelOfTheDescent() {
        for (Schedule s : new Schedule[] {Schedule.PENDING_ONCE, Schedule.OTHER_THREAD}) {
            Io.reset(s);
            Future<?> f = program.future("chain", 30, 0L);
            Semaphore wakes = new Semaphore(0);
            Context cx = Context.of(wakes::release);
            assertTrue(f.poll(cx).isPending());
            assertEquals(List.of(), Io.logged(), "nothing after the leaf ran yet");
            List<Object> chain = awaitChain(f);
            // The root, 30 levels materialized on the way up, then the leaf's Io future.
            assertEquals(32, chain.size(), "chain " + chain);
            assertFalse(chain.get(31) instanceof Traceable);
            Program.Outcome expected = program.runSync(s, "chain", 30, 0L);
            Io.reset(s);
            f = program.future("chain", 30, 0L);
            assertEquals(expected.value(), runUnlimited(f, null), "under " + s);
        }
        Io.reset(Schedule.READY);
        AtomicInteger polls = new AtomicInteger();
        runUnlimited(program.future("chain", 30, 0L), polls);
        assertEquals(1, polls.get(), "nothing pending: one poll");
    }

    @Test
    void aMachineMadeWhereACallSuspendsKeepsNoDeadReference() throws ReflectiveOperationException {
        Io.reset(Schedule.PENDING_ONCE);
        Future<?> f = program.future("dropsDeadRoot");
        assertTrue(f.poll(Context.of(() -> {})).isPending());
        Object level = awaitChain(f).get(1); // dropsDeadLevel's machine, made at its call of chain
        java.lang.reflect.Field payload = level.getClass().getDeclaredField("payload");
        payload.setAccessible(true);
        assertNull(payload.get(level), "payload, dead from the call on");
        checkEveryWay("dropsDeadRoot");
    }

    @Test
    void onlyMethodsThatImplicitAwaitsCallPrintTheirBodyTwice() {
        String generated = program.generatedSource("EagerCallsAsync");
        assertTrue(javadocOfStart(generated, "DropsDeadRoot").contains("polls a new machine once"), "never called: polls");
        assertFalse(javadocOfStart(generated, "DropsDeadLevel").contains("polls a new machine once"), "called: runs at once");
    }

    /** The generated source of machine {@code name} up to its {@code start} (its Javadoc included). */
    private static String javadocOfStart(String generated, String name) {
        int at = generated.indexOf("class " + name + " ");
        assertTrue(at >= 0, name);
        return generated.substring(at, generated.indexOf(" start(", at));
    }

    // ---- 3. control flow ----

    @Test
    void calleesThatSuspendInLoopsFinallyAndCatch() {
        for (int n = 0; n <= 3; n++) checkEveryWay("controlFlow", n);
    }

    @Test
    void callersCatchWhatAnEagerCalleeThrowsBeforeAndAfterSuspending() {
        for (int n = 0; n <= 1; n++) {
            checkEveryWay("catchesCallee", n, false);
            checkEveryWay("catchesCallee", n, true);
        }
    }

    // ---- 4. cancellation ----

    @Test
    void cancellingATaskSuspendedDeepInAnEagerChainRunsEveryFinallyInnermostFirst() {
        for (Schedule s : SUSPENDING) {
            Io.reset(s);
            Future<?> f = program.future("cancelChain", 6);
            assertTrue(f.poll(Context.of(() -> {})).isPending());
            assertEquals(8, awaitChain(f).size(), "7 machines and the leaf's future");
            f.cancel();
            assertThrows(CancellationException.class, () -> new Driver().run(f));
            List<String> expected = new ArrayList<>();
            for (int d = 6; d >= 0; d--) expected.add("enter " + d);
            expected.addAll(List.of("leaf waiting", "leaf cancelled", "leaf cleaned up"));
            for (int d = 0; d <= 6; d++) expected.add("finally " + d);
            assertEquals(expected, Io.logged(), "under " + s);
            assertEquals(1, Io.cancelled.get());
        }
    }

    @Test
    void cancellingAChainDeferredByTheBudgetRunsOnlyTheFinallyOfLevelsThatStarted() {
        Io.reset(Schedule.READY);
        Future<?> f = program.future("cancelChain", 12);
        AtomicInteger wakes = new AtomicInteger();
        assertTrue(f.poll(Context.withBudget(wakes::incrementAndGet, 5)).isPending());
        assertEquals(1, wakes.get());
        List<String> entered = Io.logged();
        assertEquals(IntStream.rangeClosed(7, 12).map(i -> 19 - i).mapToObj(d -> "enter " + d).toList(), entered,
                "a unit per call: level 6 deferred");
        f.cancel();
        assertThrows(CancellationException.class, () -> new Driver().run(f));
        List<String> expected = new ArrayList<>(entered);
        for (int d = 7; d <= 12; d++) expected.add("finally " + d);
        assertEquals(expected, Io.logged());
        assertEquals(0, Io.created.get(), "the leaf never ran");
    }

    @Test
    void awaitsAndCallsInTheFinallyOfCancelledLevelsThrowAtOnce() {
        for (Schedule s : SUSPENDING) {
            Io.reset(s);
            Future<?> f = program.future("cancelChainCleanup", 5);
            assertTrue(f.poll(Context.of(() -> {})).isPending());
            f.cancel();
            assertThrows(CancellationException.class, () -> new Driver().run(f));
            List<String> expected = new ArrayList<>(List.of("leaf cancelled", "leaf cleaned up"));
            for (int d = 0; d <= 5; d++) expected.add("finally " + d);
            assertEquals(expected, Io.logged(), "no echo ran, no finally went on, under " + s);
        }
    }

    @Test
    void aCancelledMachineEvaluatesTheCallsArgumentsThenThrowsWithoutRunningTheCallee() {
        Io.reset(Schedule.READY);
        Future<?> f = program.future("cancelThenCall");
        assertTrue(f.poll(Context.of(() -> {})).isPending());
        f.cancel();
        assertThrows(CancellationException.class, () -> new Driver().run(f));
        assertEquals(List.of("first cancelled", "first cleaned up", "caught", "arg x"), Io.logged());
    }

    @Test
    void aMachineCancelledByTheCallsOwnArgumentsThrowsAtTheCall() {
        for (Schedule s : SUSPENDING) {
            Io.reset(s);
            Future<?>[] self = new Future<?>[1];
            Runnable cancel = () -> self[0].cancel();
            self[0] = program.future("cancelledByArgument", cancel);
            assertThrows(CancellationException.class, () -> new Driver().run(self[0]));
            assertEquals(List.of("cancelled in argument"), Io.logged(), "under " + s);
        }
    }

    // ---- 5. the cooperative budget ----

    /** Polls {@code f} with {@code units} of budget per poll until it is ready; counts the polls in {@code polls}. */
    private static Object pollUntilReady(Future<?> f, Context cx, int units, AtomicInteger polls) {
        Poll<?> p;
        do {
            cx.refillBudget(units);
            polls.incrementAndGet();
            p = f.poll(cx);
        } while (p.isPending());
        return p.value();
    }

    @Test
    void aLoopOfCallsThatCompleteAtOnceYieldsAfterItsBudget() {
        Io.reset(Schedule.READY);
        Future<?> f = program.future("loopImmediate", 12);
        AtomicInteger wakes = new AtomicInteger();
        Context cx = Context.withBudget(wakes::incrementAndGet, 5);
        assertTrue(f.poll(cx).isPending());
        assertEquals(1, wakes.get());
        assertEquals(IntStream.range(0, 5).mapToObj(i -> "immediate " + i).toList(), Io.logged(), "a unit per call");
        AtomicInteger polls = new AtomicInteger(1);
        assertEquals(IntStream.range(0, 12).map(i -> 2 * i).sum(), pollUntilReady(f, cx, 5, polls));
        assertEquals(IntStream.range(0, 12).mapToObj(i -> "immediate " + i).toList(), Io.logged(), "each exactly once");
        assertEquals(3, polls.get());
        assertEquals(2, wakes.get());
    }

    @Test
    void aLoopOfCallsThatAwaitAReadyFutureYieldsAfterItsBudget() {
        Io.reset(Schedule.READY);
        Future<?> f = program.future("loopReadyInside", 10);
        AtomicInteger wakes = new AtomicInteger();
        Context cx = Context.withBudget(wakes::incrementAndGet, 5);
        assertTrue(f.poll(cx).isPending());
        assertEquals(1, wakes.get());
        assertEquals(List.of("ready 0", "ready 1"), Io.logged(), "two units per call: the third's await yields");
        assertEquals(IntStream.range(0, 10).map(i -> 3 * i).sum(), pollUntilReady(f, cx, 5, new AtomicInteger()));
        assertEquals(IntStream.range(0, 10).mapToObj(i -> "ready " + i).toList(), Io.logged(), "each exactly once");
        checkEveryWay("loopReadyInside", 10);
        checkEveryWay("loopImmediate", 12);
    }

    @Test
    void aBudgetSpentExactlyAtTheCallRunsTheCalleeOnceWhenResumed() {
        for (String method : List.of("budgetAtCall", "budgetAtNestedCall")) {
            int budget = method.equals("budgetAtCall") ? 2 : 3;
            int factor = method.equals("budgetAtCall") ? 1 : 10;
            Io.reset(Schedule.READY);
            Future<?> f = program.future(method);
            AtomicInteger wakes = new AtomicInteger();
            Context cx = Context.withBudget(wakes::incrementAndGet, budget);
            assertTrue(f.poll(cx).isPending(), method);
            assertEquals(1, wakes.get(), method);
            assertEquals(List.of("arg 7"), Io.logged(), method + ": arguments evaluated, callee not run");
            cx.refillBudget(budget);
            Poll<?> p = f.poll(cx);
            assertTrue(p.isReady(), method);
            assertEquals((1 + 2 + 14) * factor, p.value(), method);
            assertEquals(List.of("arg 7", "immediate 7"), Io.logged(), method);
            assertEquals(1, wakes.get(), method);
        }
    }

    // ---- 6. kinds of callee ----

    @Test
    void genericCallees() {
        for (int n = 0; n <= 1; n++) checkEveryWay("generics", n);
    }

    @Test
    void varargsCallees() {
        checkEveryWay("varargs");
    }

    @Test
    void instanceCalleesOnAnotherReceiver() {
        checkEveryWay("otherReceiver", 3);
    }

    @Test
    void aNullReceiverThrowsNullPointerExceptionAfterTheArguments() {
        checkEveryWay("nullReceiver", 4);
    }

    @Test
    void calleesInOtherClassesOfThePackage() {
        checkEveryWay("otherClasses", 2);
    }

    @Test
    void calleesDeclaringALocalClassGetAPollingStart() {
        String generated = program.generatedSource("EagerCallsAsync");
        int at = generated.indexOf("class LocalClassCallee ");
        assertTrue(at >= 0);
        int start = generated.indexOf("static String start(", at);
        assertTrue(generated.substring(at, start).contains("polls a new machine once, in place"), "polling start");
        for (int n = 0; n <= 2; n++) checkEveryWay("localClassCallers", n);
    }

    @Test
    void calleesTooLargeToPrintTwiceGetAPollingStart() {
        StringBuilder src = new StringBuilder("""
                package programs;

                import static dev.ratchet.Futures.await;
                import static dev.ratchet.processor.harness.Io.log;
                import static dev.ratchet.processor.harness.Io.value;

                import dev.ratchet.Async;

                class EagerLarge {
                    @Async
                    static int small(int i) {
                        return await(value(i)) % 7;
                    }

                    @Async
                    static long big(int n) {
                        long s = n;
                """);
        for (int i = 0; i < 150; i++) src.append("        s = s * 3 + await(value(").append(i).append("L)) + small(").append(i).append(");\n");
        src.append("""
                        log("big " + n);
                        return s;
                    }

                    @Async
                    static long caller(int n) {
                        long a = big(n);
                        log("a " + a);
                        return a + big(n + 1);
                    }
                }
                """);
        Program large = Program.compileSource("EagerLarge", src.toString());
        String generated = large.generatedSource("EagerLargeAsync");
        int at = generated.indexOf("class Big ");
        int start = generated.indexOf("static long start(", at);
        assertTrue(generated.substring(at, start).contains("polls a new machine once, in place"), "polling start");
        large.check("caller", 2);
    }

    @Test
    void namesLikeTheMachinerysOwn() {
        checkEveryWay("clashCaller", 1);
    }

    // ---- 7. async backtraces ----


    @Test
    void aFailureThroughTwoEagerLevelsCarriesAllThreeFrames() {
        for (boolean suspend : new boolean[] {false, true}) {
            for (Schedule s : SUSPENDING) {
                Io.reset(s);
                Future<?> f = program.future("traceTop", -3, suspend);
                Exception e = assertThrows(Exception.class, () -> runUnlimited(f, null));
                assertEquals("leaf -3", e.getMessage());
                assertEquals(List.of(frames.at("traceLeaf", null), frames.at("traceMid", "MID_CALL"), frames.at("traceTop", "TOP_CALL")),
                        Frames.of(e), "suspend " + suspend + " under " + s);
                assertEquals(1, e.getSuppressed().length, "one backtrace");
            }
        }
        // A failure of the leaf's await: the leaf's frame has that await's line.
        Io.reset(Schedule.FAILING);
        Exception e = assertThrows(Exception.class, () -> runUnlimited(program.future("traceTop", 5, true), null));
        assertEquals(List.of(frames.at("traceLeaf", "LEAF_AWAIT"), frames.at("traceMid", "MID_CALL"), frames.at("traceTop", "TOP_CALL")),
                Frames.of(e));
    }

    /** The same frames whether the level that evaluates the arguments runs in start or in its machine's poll. */
    @Test
    void aFailureOfACallsArgumentsGetsTheCallsLineWhereverTheLevelRuns() {
        for (boolean suspend : new boolean[] {false, true}) {
            for (Schedule s : SUSPENDING) {
                Io.reset(s);
                Future<?> f = program.future("argTop", 2, suspend);
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> runUnlimited(f, null));
                assertEquals("boom 2", e.getMessage());
                assertEquals(List.of(frames.at("argMid", "ARG_MID_CALL"), frames.at("argTop", "ARG_TOP_CALL")), Frames.of(e),
                        "suspend " + suspend + " under " + s);
            }
        }
    }
}
