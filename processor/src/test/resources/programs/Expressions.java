package programs;

import static dev.ratchet.Futures.await;
import static dev.ratchet.processor.harness.Io.log;
import static dev.ratchet.processor.harness.Io.value;

import dev.ratchet.Async;
import dev.ratchet.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Awaits inside expressions: every operand is evaluated in the order of the synchronous twin. */
class Expressions {
    int field = 10;

    static <T> T v(String tag, T x) {
        log(tag);
        return x;
    }

    static <T> Future<T> f(String tag, T x) {
        log("create " + tag);
        return value(x);
    }

    String join(Object a, Object b, Object c) {
        log("join " + a + "|" + b + "|" + c);
        return a + "|" + b + "|" + c;
    }

    Expressions self(String tag) {
        log(tag);
        return this;
    }

    @Async
    String arguments() {
        return self("receiver").join(v("a", 1), await(f("b", 2)), v("c", 3));
    }

    @Async
    String nestedArguments() {
        return join(v("a", "x"), join(await(f("b", "y")), v("c", 1), await(f("d", 2))), await(f("e", 3)));
    }

    @Async
    void statementCall() {
        log(join(v("a", 1), await(f("b", 2)), v("c", 3)));
    }

    @Async
    int receiver() {
        return await(f("list", List.of(4, 5, 6))).get(v("index", 1)) + await(f("s", "abc")).length();
    }

    @Async
    int binary() {
        return v("left", 7) * await(f("right", 6)) - await(f("third", 8)) / v("div", 2);
    }

    @Async
    boolean unary() {
        int n = -await(f("n", 5));
        boolean b = !await(f("b", false));
        return n < 0 && b && ~await(f("c", 0)) == -1;
    }

    @Async
    String concat(String s) {
        return "<" + s + v("mid", ":") + await(f("tail", s.length())) + ">";
    }

    @Async
    int compoundLocal() {
        int x = v("x", 5);
        x += await(f("add", 3));
        x *= await(f("mul", 2));
        x <<= await(f("shift", 1));
        byte b = 1;
        b += await(f("b", 300));
        return x + b;
    }

    @Async
    int compoundField() {
        field += await(f("add", 5));
        self("recv").field -= await(f("sub", 1));
        return field;
    }

    @Async
    int compoundArray(boolean nullArray, int i) {
        int[] a = nullArray ? null : new int[] {1, 2, 3};
        try {
            a[v("index", i)] += await(f("add", 10));
        } catch (NullPointerException e) {
            log("null array"); // helpful NPE messages name the variable, which differs in the machine
            return -1;
        }
        return a[i];
    }

    @Async
    String compoundString() {
        String[] s = {"a"};
        s[v("i", 0)] += await(f("b", "b"));
        String t = "x";
        t += await(f("y", 1));
        return s[0] + t;
    }

    @Async
    int assignArray(boolean nullArray, int i) {
        int[] a = nullArray ? null : new int[3];
        try {
            a[v("index", i)] = await(f("value", 9));
        } catch (NullPointerException e) {
            log("null array");
            return -1;
        }
        return a[i];
    }

    @Async
    int assignField() {
        self("target").field = await(f("value", 42));
        return field;
    }

    @Async
    int increments(int i) {
        int[] a = {0, 0, 0};
        a[await(f("i", i))]++;
        ++a[await(f("j", i))];
        return a[i];
    }

    @Async
    int arrays(int n) {
        int[] a = new int[await(f("size", n))];
        int[] b = {v("first", 1), await(f("second", 2)), v("third", 3)};
        return a.length + b[await(f("idx", 2))] * 10 + b[1];
    }

    @Async
    String cast(Object o) {
        return ((String) await(f("o", o))).toUpperCase();
    }

    @Async
    boolean instanceOf(Object o) {
        return await(f("o", o)) instanceof String;
    }

    @Async
    int conditional(boolean c) {
        return v("cond", c) ? await(f("then", 1)) : await(f("else", 2));
    }

    @Async
    String conditionalChain(int n) {
        return n > 0 ? "pos" + await(f("p", n)) : n == 0 ? "zero" : "neg" + await(f("n", -n));
    }

    @Async
    boolean shortCircuit(boolean a, boolean b) {
        boolean and = v("a", a) && await(f("b", b));
        boolean or = v("c", a) || await(f("d", b));
        if (v("e", a) && await(f("f", b))) log("both");
        while (v("g", a) || await(f("h", false))) {
            a = false;
        }
        return and ^ or;
    }

    /** A future whose string form is stable (failure messages of the FAILING schedule print it). */
    record Labelled<T>(String label, Future<T> inner) implements Future<T> {
        @Override
        public dev.ratchet.Poll<T> poll(dev.ratchet.Context cx) {
            return inner.poll(cx);
        }

        @Override
        public void cancel() {
            inner.cancel();
        }

        @Override
        public String toString() {
            return label;
        }
    }

    @Async
    int nested() {
        return await(await(f("outer", new Labelled<>("inner", f("inner", 5))))) + 1;
    }

    @Async
    int loopConditions(int n) {
        int sum = 0;
        for (int i = 0; i < await(f("limit", n)); i += await(f("step", 1))) sum += i;
        int j = 0;
        while (j < n && await(f("more", true))) j++;
        int k = 0;
        do {
            k++;
        } while (k < await(f("until", n)));
        return sum * 100 + j * 10 + k;
    }

    @Async
    String implicitArguments(int n) {
        return twice(v("a", "x"), await(f("b", n))) + twice(twice("y", 1), square(1));
    }

    @Async
    String twice(String s, int n) {
        return s.repeat(n) + await(f("in " + s, "!"));
    }

    @Async
    int implicitInExpression(int n) {
        return 1 + square(n) + square(await(f("m", 2)));
    }

    @Async
    int square(int n) {
        return n * await(f("sq", n));
    }

    @Async
    String newObject() {
        StringBuilder sb = new StringBuilder(await(f("init", "ab")));
        return sb.append(await(f("x", "c"))).append(v("y", "d")).toString();
    }

    @Async
    int fieldReadBeforeALaterOperand() {
        return field + await(f("x", field = 99));
    }

    @Async
    int localReadBeforeALaterOperand() {
        int x = 1;
        return x + await(f("x", x = 5)) + x;
    }

    @Async
    String switchOnExpression(int n) {
        switch (await(f("s", n)) + 1) {
            case 2:
                return "two";
            default:
                return "other";
        }
    }

    @Async
    Object throwExpression(String m) {
        throw new IllegalStateException(m + await(f("m", "!")));
    }

    @Async
    String capturesParameter(String p) {
        Supplier<String> s = () -> p;
        return s.get();
    }

    @Async
    String capturesCopy(String password) {
        await(f("yield", 0));
        String copy = password;
        return await(value(((Supplier<String>) () -> copy.toUpperCase()).get()));
    }

    @Async
    int capturesPerIteration(int n) {
        List<Supplier<Integer>> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = await(f("k", i));
            list.add(() -> k * 10);
        }
        int sum = 0;
        for (Supplier<Integer> s : list) sum += s.get();
        return sum;
    }

    @Async
    String capturesCatchParameter() {
        try {
            await(f("x", 1));
            throw new IllegalStateException("boom");
        } catch (IllegalStateException e) {
            Supplier<String> s = () -> e.getMessage();
            return await(f("m", s.get())) + ((Supplier<String>) () -> e.getMessage()).get();
        }
    }

    @Async
    boolean capturesInACondition() {
        int h = await(f("h", 3));
        if (((Supplier<Integer>) () -> h).get() > 0) return await(f("t", true));
        return false;
    }

    @Async
    int localClass(int n) {
        abstract class Base {
            abstract int weight();
        }
        final class Acc extends Base {
            private int sum;

            Acc(int start) {
                sum = start;
            }

            void add(int x) {
                sum += x * weight() + field;
            }

            @Override
            int weight() {
                return 2;
            }
        }
        Acc acc = new Acc(await(f("start", 100)));
        for (int i = 0; i < n; i++) acc.add(await(f("i", i)));
        Base b = acc;
        return acc.sum + b.weight();
    }

    enum Color {
        RED,
        GREEN,
        BLUE
    }

    @Async
    String switchExpression(int ordinal, int n) {
        Color c = Color.values()[ordinal];
        String s = v("before", "<") + switch (c) {
            case RED -> "r" + await(f("red", n));
            case GREEN -> {
                int k = await(f("green", n)) * 2;
                log("k=" + k);
                yield "g" + k;
            }
            case BLUE -> throw new IllegalArgumentException("blue " + await(f("blue", n)));
        } + v("after", ">");
        int t = switch (await(f("selector", n))) {
            case 1, 2 -> 10;
            default -> await(f("default", 20));
        };
        return s + t;
    }

    @Async
    String patternBindings(Object o) {
        if (o instanceof String s && s.length() > await(f("len", 1))) {
            log("long string");
            await(f("x", 0));
            return s.toUpperCase();
        } else if (!(o instanceof Integer i) || i < 0) {
            log("not a natural");
            return "other";
        } else {
            int doubled = await(f("i", i)) * 2;
            return "int " + doubled + i;
        }
    }

    @Async
    int patternInALoopCondition(List<Object> xs) {
        int sum = 0;
        int k = 0;
        while (k < xs.size() && xs.get(k) instanceof Integer n) {
            sum += await(f("n", n)) + n;
            k++;
        }
        return sum;
    }

    @Async
    String bindingInTheEnclosingScope(Object o) {
        if (!(o instanceof String s)) return "not a string";
        int n = await(f("len", s.length()));
        return s + n;
    }
}
