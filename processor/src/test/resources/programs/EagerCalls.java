package programs;

import static dev.ratchet.Futures.await;
import static dev.ratchet.processor.harness.Io.log;
import static dev.ratchet.processor.harness.Io.never;
import static dev.ratchet.processor.harness.Io.value;

import dev.ratchet.Async;
import dev.ratchet.Futures;
import dev.ratchet.processor.harness.IoException;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Implicit awaits called eagerly (a callee's start runs its body on the caller's stack; a machine
 * is made only where something is pending). Lines marked {@code // NAME} are found by the test.
 */
class EagerCalls {
    final String name;

    EagerCalls() {
        this("main");
    }

    EagerCalls(String name) {
        this.name = name;
    }

    static String arg(String s) {
        log("arg " + s);
        return s;
    }

    static int arg(int i) {
        log("arg " + i);
        return i;
    }

    // ---- results equal to the sentinel of their type ----

    @Async
    static long longMin(boolean viaIo) {
        if (viaIo) return await(value(Long.MIN_VALUE));
        return Long.MIN_VALUE;
    }

    @Async
    static int intMin(boolean viaIo) {
        if (viaIo) return await(value(Integer.MIN_VALUE));
        return Integer.MIN_VALUE;
    }

    @Async
    static short shortMin(boolean viaIo) {
        if (viaIo) return await(value(Short.MIN_VALUE));
        return Short.MIN_VALUE;
    }

    @Async
    static byte byteMin(boolean viaIo) {
        if (viaIo) return await(value(Byte.MIN_VALUE));
        return Byte.MIN_VALUE;
    }

    @Async
    static char charMax(boolean viaIo) {
        if (viaIo) return await(value(Character.MAX_VALUE));
        return Character.MAX_VALUE;
    }

    @Async
    static boolean falseResult(boolean viaIo) {
        if (viaIo) return await(value(false));
        return false;
    }

    @Async
    static String nullString(boolean viaIo) {
        if (viaIo) return await(value((String) null));
        return null;
    }

    @Async
    static double doubleNaN(boolean viaIo) {
        if (viaIo) return await(value(Double.NaN));
        return Double.NaN;
    }

    @Async
    static float floatNaN(boolean viaIo) {
        if (viaIo) return await(value(Float.NaN));
        return Float.NaN;
    }

    @Async
    static void voidCallee(boolean viaIo) {
        log("void in");
        if (viaIo) await(value("v"));
        log("void out");
    }

    /** Every sentinel, each read from a call made in this machine's own poll. */
    @Async
    static String sentinels(boolean viaIo) {
        long l = longMin(viaIo);
        int i = intMin(viaIo);
        short sh = shortMin(viaIo);
        byte b = byteMin(viaIo);
        char c = charMax(viaIo);
        boolean z = falseResult(viaIo);
        String s = nullString(viaIo);
        double d = doubleNaN(viaIo);
        float f = floatNaN(viaIo);
        voidCallee(viaIo);
        boolean exact = l == Long.MIN_VALUE && i == Integer.MIN_VALUE && sh == Short.MIN_VALUE && b == Byte.MIN_VALUE
                && c == Character.MAX_VALUE && !z && s == null && Double.isNaN(d) && Float.isNaN(f);
        return exact + " " + l + " " + i + " " + sh + " " + b + " " + (int) c + " " + z + " " + s + " " + d + " " + f;
    }

    /** The same, called from a level that is itself called eagerly (no machine of its own). */
    @Async
    static String sentinelsNested(boolean viaIo) {
        String inner = sentinels(viaIo);
        long l = longMin(!viaIo);
        boolean z = falseResult(!viaIo);
        return inner + " | " + l + " " + z;
    }

    /** After an await of its own (a machine when that was pending), then through a nested eager level. */
    @Async
    static String sentinelsAfterAwait(boolean viaIo) {
        String first = await(value("first"));
        int i = intMin(viaIo);
        String nested = sentinelsNested(viaIo);
        char c = charMax(!viaIo);
        return first + " " + i + " " + nested + " " + (int) c;
    }

    // ---- a deep chain ----

    /** Each level keeps locals of three kinds across its call; the leaf awaits twice. */
    @Async
    static long chain(int depth, long acc) {
        long mine = depth * 1000L + acc;
        String tag = "d" + depth;
        double half = depth / 2.0;
        if (depth == 0) {
            long leaf = await(value(7L));
            long again = await(value(leaf + 1));
            log("leaf " + leaf + " " + again);
            return leaf + again + mine;
        }
        long below = chain(depth - 1, acc + depth);
        log(tag + " " + below);
        if (depth % 10 == 0) below += await(value((long) depth));
        return mine + below * 3 + (long) (half * 2) + tag.length();
    }

    /** Calls a level whose reference {@code payload} is dead across its call (see the next one). */
    @Async
    static int dropsDeadRoot() {
        return dropsDeadLevel(3);
    }

    /**
     * {@code payload} is kept across the ready await (a field of the machine), and dead from the
     * call of {@code chain} on: a machine made where that call suspends must not keep it.
     */
    @Async
    static int dropsDeadLevel(int depth) {
        String payload = "payload " + depth;
        await(Futures.ready(0));
        int length = payload.length();
        long below = chain(depth, 0L);
        return length + (int) below;
    }

    /** The same chain returning int, with a level that awaits before its call and one after. */
    @Async
    static int intChain(int depth) {
        int here = depth * 7;
        if (depth == 0) return await(value(1)) + here;
        if (depth % 7 == 3) here += await(value(depth));
        int below = intChain(depth - 1);
        return here + below;
    }

    // ---- control flow around suspending callees ----

    @Async
    static int loopCallee(int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += await(value(i));
            log("loop " + i);
        }
        return sum;
    }

    @Async
    static String finallyCallee(int n) {
        StringBuilder sb = new StringBuilder("f");
        try {
            sb.append(await(value(n)));
            if (n == 2) throw new IllegalStateException("two");
            return sb.toString();
        } finally {
            log("finally " + sb);
            sb.append(await(value("!")));
            log("finally done " + sb);
        }
    }

    @Async
    static String catchCallee(int n) {
        try {
            String s = await(value("c" + n));
            log("try " + s);
            return s;
        } catch (Exception e) {
            log("caught " + e.getClass().getSimpleName());
            return "recovered " + n;
        }
    }

    @Async
    static String controlFlow(int n) {
        int a = loopCallee(n);
        String b;
        try {
            b = finallyCallee(n);
        } catch (IllegalStateException e) {
            b = "caught " + e.getMessage();
        }
        String c = catchCallee(n);
        return a + " " + b + " " + c;
    }

    @Async
    static int thrower(int n, boolean awaitFirst) throws IoException {
        if (awaitFirst) await(value(n));
        log("throwing " + n);
        if (n > 0) throw new IoException("thrown " + n);
        return n;
    }

    @Async
    static int rethrower(int n, boolean awaitFirst) throws IoException {
        try {
            return thrower(n, awaitFirst) + 100;
        } finally {
            log("rethrower finally");
        }
    }

    @Async
    static String catchesCallee(int n, boolean awaitFirst) {
        String r;
        try {
            r = "got " + thrower(n, awaitFirst);
        } catch (IoException e) {
            r = "caught " + e.getMessage();
        } finally {
            log("caller finally");
        }
        String r2;
        try {
            r2 = "got " + rethrower(n, awaitFirst);
        } catch (IoException e) {
            r2 = "caught again " + e.getMessage();
        }
        return r + ", " + r2 + ", " + await(value("tail"));
    }

    // ---- cancellation ----

    @Async
    static String cancelChain(int depth) {
        log("enter " + depth);
        try {
            if (depth == 0) {
                log("leaf waiting");
                return await(never("leaf"));
            }
            return cancelChain(depth - 1);
        } finally {
            log("finally " + depth);
        }
    }

    /** Its finally awaits an Io future and calls a callee: cancelled, both throw at once. */
    @Async
    static String cancelChainCleanup(int depth) {
        try {
            if (depth == 0) return await(never("leaf"));
            return cancelChainCleanup(depth - 1);
        } finally {
            log("finally " + depth);
            if (depth % 2 == 0) await(value("cleanup"));
            else echo("cleanup " + depth);
            log("not reached " + depth);
        }
    }

    @Async
    static String echo(String s) {
        log("echo ran " + s);
        return s;
    }

    @Async
    static String cancelThenCall() {
        try {
            await(never("first"));
        } catch (CancellationException e) {
            log("caught");
        }
        String r = echo(arg("x"));
        log("after call");
        return r;
    }

    static String cancelling(Runnable cancel, String s) {
        cancel.run();
        log("cancelled in argument");
        return s;
    }

    @Async
    static String cancelledByArgument(Runnable cancel) {
        String a = await(value("a"));
        String r = echo(cancelling(cancel, a));
        log("after call");
        return r;
    }

    // ---- the cooperative budget ----

    @Async
    static int immediate(int i) {
        log("immediate " + i);
        return i * 2;
    }

    @Async
    static int readyInside(int i) {
        int v = await(Futures.ready(i));
        log("ready " + i);
        return v * 3;
    }

    @Async
    static int loopImmediate(int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) sum += immediate(i);
        return sum;
    }

    @Async
    static int loopReadyInside(int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) sum += readyInside(i);
        return sum;
    }

    /** Two awaits, then the call: with a budget of 2 it runs out exactly at the call. */
    @Async
    static int budgetAtCall() {
        int a = await(Futures.ready(1));
        int b = await(Futures.ready(2));
        return a + b + immediate(arg(7));
    }

    /** budgetAtCall from an eager level: the budget runs out at a call inside a start. */
    @Async
    static int budgetAtNestedCall() {
        return budgetAtCall() * 10;
    }

    // ---- kinds of callee ----

    @Async
    static <T> T id(T x) {
        return await(value(x));
    }

    @Async
    static <T extends Comparable<T>> T larger(T a, T b) {
        T x = await(value(a));
        return x.compareTo(b) >= 0 ? x : b;
    }

    @Async
    static String generics(int n) {
        String s = id("s" + n);
        Integer boxed = id(n);
        int unboxed = id(n + 1);
        List<String> list = id(List.of("a", "b"));
        String nothing = id((String) null);
        long explicit = EagerCalls.<Long>id(5L);
        String max = larger("m", "n" + n);
        Box<String> box = new Box<>("boxed");
        String fromBox = box.get();
        Box<?> wild = box;
        Object fromWild = wild.get();
        return s + " " + boxed + " " + unboxed + " " + list + " " + nothing + " " + explicit + " " + max + " " + fromBox + " "
                + fromWild;
    }

    static final class Box<T> {
        final T item;

        Box(T item) {
            this.item = item;
        }

        @Async
        T get() {
            return await(value(item));
        }
    }

    @Async
    static int sum(int... xs) {
        int s = 0;
        for (int x : xs) s += await(value(x));
        return s;
    }

    @Async
    static String joined(String sep, String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (sb.length() > 0) sb.append(sep);
            sb.append(await(value(p)));
        }
        return sb.toString();
    }

    @Async
    @SafeVarargs
    static <T> int count(T... xs) {
        await(value(xs.length));
        return xs.length;
    }

    @Async
    static String varargs() {
        String s = sum() + " " + sum(1) + " " + sum(1, 2, 3) + " " + sum(new int[] {4, 5});
        s += " " + joined("-") + " " + joined("-", "a") + " " + joined("-", arg("b"), arg("c"));
        s += " " + count("x", "y") + " " + count() + " " + count(1, 2L, 3.0);
        try {
            joined("-", (String[]) null);
        } catch (NullPointerException e) {
            log("npe");
        }
        return s;
    }

    @Async
    String describe(String suffix) {
        return name + await(value(suffix));
    }

    /** Does not read {@code this}. */
    @Async
    int constant(int x) {
        return await(value(x)) + 1;
    }

    static EagerCalls pick(EagerCalls e) {
        log("receiver " + e.name);
        return e;
    }

    @Async
    String otherReceiver(int n) {
        EagerCalls other = new EagerCalls("other" + n);
        String a = other.describe("!");
        String b = describe("?");
        String c = pick(other).describe(arg("x"));
        String d = this.describe(".");
        int e = new EagerCalls("third").constant(n);
        return a + " " + b + " " + c + " " + d + " " + e;
    }

    /** As in synchronous code, a null receiver throws NullPointerException after the arguments. */
    @Async
    String nullReceiver(int n) {
        EagerCalls nobody = null;
        try {
            return "got " + nobody.constant(arg(n));
        } catch (NullPointerException e) {
            log("npe");
            return "npe";
        }
    }

    static final class Nested {
        @Async
        static String twice(String s) {
            String a = await(value(s));
            return a + a;
        }
    }

    interface Greeter {
        String greeting();

        @Async
        default String greet(String who) {
            return greeting() + " " + await(value(who));
        }
    }

    static final class Hello implements Greeter {
        @Override
        public String greeting() {
            return "hello";
        }
    }

    record Point(int x, int y) {
        @Async
        int sum() {
            return x + await(value(y));
        }
    }

    @Async
    static String otherClasses(int n) {
        int t = EagerHelper.triple(n);
        int p = new EagerHelper(100).plus(n);
        String tw = Nested.twice("n" + n);
        String g = new Hello().greet("w" + n);
        int ps = new Point(n, 2 * n).sum();
        return t + " " + p + " " + tw + " " + g + " " + ps;
    }

    /** Declares a local class: its start polls a new machine in place. */
    @Async
    static String localClassCallee(int n) {
        class Acc {
            int total;

            void add(int v) {
                total += v;
            }
        }
        Acc acc = new Acc();
        for (int i = 0; i <= n; i++) acc.add(await(value(i)));
        log("acc " + acc.total);
        return "acc " + acc.total;
    }

    @Async
    static String localClassThrower(int n) throws IoException {
        class Check {
            boolean bad(int v) {
                return v < 0;
            }
        }
        int v = await(value(n));
        if (new Check().bad(v)) throw new IoException("bad " + v);
        return "good " + v;
    }

    @Async
    static String localClassCallers(int n) throws IoException {
        String a = localClassCallee(n);
        String b = sentinelFree(n);
        String c;
        try {
            c = localClassThrower(-n);
        } catch (IoException e) {
            c = "caught " + e.getMessage();
        }
        return a + " " + b + " " + c + " " + localClassCallee(n + 1);
    }

    /** An eager level between the caller and the polling start. */
    @Async
    static String sentinelFree(int n) {
        return "[" + localClassCallee(n * 2) + "]";
    }

    /** Parameters and locals named like the eager machinery's own names. */
    @Async
    static String clash(int cx, String holder, long called, boolean calling, String awaiting, int state) {
        String self = await(value(holder + cx));
        return self + called + calling + awaiting + state;
    }

    @Async
    static String clashCaller(int n) {
        int cx = n;
        String holder = "h";
        long called = 3L;
        String r = clash(cx, holder, called, true, "aw", 9);
        String ready = clash(cx + 1, holder, called, false, r, 0);
        return ready + called + holder;
    }

    // ---- async backtraces ----

    @Async
    static int traceTop(int n, boolean suspend) throws IoException {
        int got = traceMid(n, suspend); // TOP_CALL
        return got + 1;
    }

    @Async
    static int traceMid(int n, boolean suspend) throws IoException {
        int got = traceLeaf(n, suspend); // MID_CALL
        return got + 1;
    }

    @Async
    static int traceLeaf(int n, boolean suspend) throws IoException {
        if (suspend) await(value(n)); // LEAF_AWAIT
        if (n < 0) throw new IoException("leaf " + n); // LEAF_THROW
        return n;
    }

    static int boom(int n) {
        throw new IllegalArgumentException("boom " + n);
    }

    @Async
    static int argTop(int n, boolean suspend) throws IoException {
        int got = argMid(n, suspend); // ARG_TOP_CALL
        return got;
    }

    /** The failure comes out of the call's arguments, not out of the callee. */
    @Async
    static int argMid(int n, boolean suspend) throws IoException {
        if (suspend) await(value(n));
        int got = traceLeaf(boom(n), false); // ARG_MID_CALL
        return got;
    }
}

/** Another class of the same package. */
final class EagerHelper {
    final int base;

    EagerHelper(int base) {
        this.base = base;
    }

    @Async
    static int triple(int x) {
        return 3 * await(value(x));
    }

    @Async
    int plus(int x) {
        return base + await(value(x));
    }
}
