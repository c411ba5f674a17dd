package programs;

import static dev.ratchet.Futures.await;
import static dev.ratchet.processor.harness.Io.log;
import static dev.ratchet.processor.harness.Io.value;

import dev.ratchet.Async;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Generic classes and methods, varargs, overloads, shadowing, recursion and every kind of owner. */
class Generics<E extends Comparable<E>> {
    final List<E> items = new ArrayList<>();
    int count = 7;

    @Async
    <T extends Number & Comparable<T>> T max(List<T> xs) {
        T best = null;
        for (T x : xs) {
            T v = await(value(x));
            if (best == null || v.compareTo(best) > 0) best = v;
        }
        log("max " + best);
        return best;
    }

    @Async
    int maxOfInts() {
        return max(List.of(3, 9, 4)) + max(List.of(1L, 2L)).intValue();
    }

    @Async
    static <K extends Comparable<K>, V> Map<K, List<V>> group(List<V> values, Function<? super V, ? extends K> key) {
        Map<K, List<V>> m = new TreeMap<>();
        for (V v : values) {
            K k = key.apply(await(value(v)));
            m.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return m;
    }

    @Async
    static String grouped() {
        return group(List.of("a", "bb", "cc", "d"), String::length).toString();
    }

    @Async
    int sum(int... xs) {
        int s = 0;
        for (int x : xs) s += await(value(x));
        return s;
    }

    @Async
    int varargs() {
        return sum() + sum(1) + sum(1, 2, 3) * 10;
    }

    @Async
    String over(String s) {
        return "s:" + await(value(s));
    }

    @Async
    String over(int i, String s) {
        return "i:" + await(value(i)) + over(s + i);
    }

    @Async
    E firstItem(List<? extends E> xs) {
        E e = await(value(xs.get(0)));
        items.add(e);
        return e.compareTo(xs.get(xs.size() - 1)) < 0 ? e : xs.get(1);
    }

    @Async
    String firstOfStrings() {
        Generics<String> g = new Generics<>();
        return g.firstItem(List.of("b", "a", "c")) + g.items;
    }

    @Async
    double wildcards(List<? extends Number> xs, List<? super Integer> out) {
        double d = 0;
        for (Number n : xs) {
            d += await(value(n)).doubleValue();
            out.add(n.intValue());
        }
        return d + out.size();
    }

    @Async
    double callWildcards() {
        return wildcards(List.of(1, 2.5, 3L), new ArrayList<Number>());
    }

    @Async
    int shadowsAField(int count) {
        int c = await(value(count));
        return c * 100 + this.count;
    }

    @Async
    int namedLikeGeneratedMembers(int state) {
        int self = await(value(state));
        int cx = self + 1;
        int ready = await(value(cx * 2));
        String State = "s" + ready;
        int dispatch = State.length();
        return ready + dispatch + state;
    }

    @Async
    long fib(int n) {
        if (n < 2) return await(value((long) n));
        return fib(n - 1) + fib(n - 2);
    }

    record Point(int x, int y) {
        @Async
        int distance(Point o) {
            return Math.abs(await(value(x)) - o.x) + Math.abs(y - o.y());
        }
    }

    @Async
    int recordDistance() {
        return new Point(1, 2).distance(new Point(4, 6));
    }

    enum Op {
        PLUS,
        MINUS;

        @Async
        int apply(int a, int b) {
            int v = await(value(b));
            return this == PLUS ? a + v : a - v;
        }
    }

    @Async
    int enums() {
        return Op.PLUS.apply(1, 2) * 10 + Op.MINUS.apply(5, 1);
    }

    interface Shape {
        int side();

        @Async
        default int area() {
            return await(value(side())) * side();
        }

        @Async
        static int twice(int x) {
            return 2 * await(value(x));
        }
    }

    static final class Square implements Shape {
        @Override
        public int side() {
            return 3;
        }
    }

    @Async
    int interfaces() {
        return new Square().area() + Shape.twice(4);
    }

    static class Box<T> {
        T content;

        @Async
        <R> R map(Function<? super T, ? extends R> f) {
            T c = await(value(content));
            return f.apply(c);
        }
    }

    @Async
    String boxes() {
        Box<Integer> b = new Box<>();
        b.content = 21;
        String s = b.map(i -> "v" + (i * 2));
        return s + b.<Integer>map(i -> i + 1);
    }

    class Inner {
        int k = 5;

        @Async
        int own() {
            return await(value(k)) + k;
        }
    }

    @Async
    int innerClass() {
        return new Inner().own();
    }
}
