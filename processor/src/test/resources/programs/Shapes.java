package programs;

import static dev.ratchet.Futures.await;
import static dev.ratchet.processor.harness.Io.log;
import static dev.ratchet.processor.harness.Io.value;

import dev.ratchet.Async;
import dev.ratchet.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

class Shapes {
    static final String PREFIX = "p:";
    String name = "shapes";

    @Async
    <T extends Comparable<T>> T maxOf(List<T> items) {
        T best = null;
        for (T item : items) {
            T v = await(value(item));
            if (best == null || v.compareTo(best) > 0) best = v;
        }
        return best;
    }

    @Async
    String usesMembers(int n) {
        String a = await(value(PREFIX + name));
        this.name = a;
        name = name + n;
        return helper(name) + Shapes.PREFIX.length();
    }

    String helper(String s) {
        return "[" + s + "]";
    }

    @Async
    String completionStage(String s) {
        String v = await(CompletableFuture.completedFuture(s + "!"));
        return v;
    }

    @Async
    String lambdasWithoutAwait(List<String> xs) {
        List<String> out = new ArrayList<>();
        await(value(1));
        xs.forEach(x -> out.add(x.toUpperCase()));
        Function<String, String> f = String::trim;
        out.add(f.apply("  t  "));
        Runnable r = new Runnable() {
            @Override
            public void run() {
                log("anonymous " + this.getClass().isAnonymousClass());
            }
        };
        r.run();
        return String.join(",", out);
    }

    @Async
    String selfCompanion(int n) {
        Future<Integer> f = ShapesAsync.twice(n);
        int v = await(f);
        return "twice=" + v;
    }

    @Async
    static int twice(int n) {
        int v = await(value(n));
        return v * 2;
    }

    @Async
    String crossClass(int n) {
        Other other = new Other();
        String s = other.describe(n);
        String t = Other.Inner.twiceText(n);
        return s + t;
    }

    @Async
    void assignsAwaitToField(int n) {
        name = await(value("field" + n));
        this.name = await(value(name + "!"));
        log(name);
    }

    @Async
    List<? extends Number> wildcard(List<? extends Number> xs) {
        var first = await(value(xs));
        var copy = new ArrayList<>(first);
        await(value(0));
        log(copy.size());
        return copy;
    }

    @Async
    int[] arrays(int n) {
        int[] a = {n, n + 1};
        int[][] grid = await(value(new int[][] {a, a}));
        return grid[1];
    }

    static class Box<T> {
        T value;

        Box(T value) {
            this.value = value;
        }

        Box() {
            this(null);
        }

        @Async
        <R> R map(Function<T, R> f) {
            T v = await(value(value));
            return f.apply(v);
        }
    }

    interface Greeter {
        String name();

        @Async
        default String greet() {
            String n = await(value(name()));
            return "hello " + n;
        }

        @Async
        static String shout(String s) {
            return await(value(s.toUpperCase()));
        }
    }

    static final class Named implements Greeter {
        @Override
        public String name() {
            return "named";
        }
    }

    record Point(int x, int y) {
        Point() {
            this(3, 4);
        }

        @Async
        int sum() {
            int a = await(value(x));
            return a + y + this.y;
        }
    }

    /** More states than a byte numbers: the state field is a short. */
    @Async
    long manyStates(long x) {
        long s = x;
        s += await(value(0L));
        s += await(value(1L));
        s += await(value(2L));
        s += await(value(3L));
        s += await(value(4L));
        s += await(value(5L));
        s += await(value(6L));
        s += await(value(0L));
        s += await(value(1L));
        s += await(value(2L));
        s += await(value(3L));
        s += await(value(4L));
        s += await(value(5L));
        s += await(value(6L));
        s += await(value(0L));
        s += await(value(1L));
        s += await(value(2L));
        s += await(value(3L));
        s += await(value(4L));
        s += await(value(5L));
        s += await(value(6L));
        s += await(value(0L));
        s += await(value(1L));
        s += await(value(2L));
        s += await(value(3L));
        s += await(value(4L));
        s += await(value(5L));
        s += await(value(6L));
        s += await(value(0L));
        s += await(value(1L));
        s += await(value(2L));
        s += await(value(3L));
        s += await(value(4L));
        s += await(value(5L));
        s += await(value(6L));
        s += await(value(0L));
        s += await(value(1L));
        s += await(value(2L));
        s += await(value(3L));
        s += await(value(4L));
        s += await(value(5L));
        s += await(value(6L));
        s += await(value(0L));
        s += await(value(1L));
        s += await(value(2L));
        s += await(value(3L));
        s += await(value(4L));
        s += await(value(5L));
        s += await(value(6L));
        s += await(value(0L));
        s += await(value(1L));
        s += await(value(2L));
        s += await(value(3L));
        s += await(value(4L));
        s += await(value(5L));
        s += await(value(6L));
        s += await(value(0L));
        s += await(value(1L));
        s += await(value(2L));
        s += await(value(3L));
        s += await(value(4L));
        s += await(value(5L));
        s += await(value(6L));
        s += await(value(0L));
        s += await(value(1L));
        s += await(value(2L));
        s += await(value(3L));
        s += await(value(4L));
        s += await(value(5L));
        s += await(value(6L));
        s += await(value(0L));
        s += await(value(1L));
        s += await(value(2L));
        s += await(value(3L));
        s += await(value(4L));
        s += await(value(5L));
        s += await(value(6L));
        s += await(value(0L));
        s += await(value(1L));
        s += await(value(2L));
        s += await(value(3L));
        s += await(value(4L));
        s += await(value(5L));
        s += await(value(6L));
        s += await(value(0L));
        s += await(value(1L));
        s += await(value(2L));
        s += await(value(3L));
        s += await(value(4L));
        s += await(value(5L));
        s += await(value(6L));
        s += await(value(0L));
        s += await(value(1L));
        s += await(value(2L));
        s += await(value(3L));
        s += await(value(4L));
        s += await(value(5L));
        s += await(value(6L));
        s += await(value(0L));
        s += await(value(1L));
        s += await(value(2L));
        s += await(value(3L));
        s += await(value(4L));
        s += await(value(5L));
        s += await(value(6L));
        s += await(value(0L));
        s += await(value(1L));
        s += await(value(2L));
        s += await(value(3L));
        s += await(value(4L));
        s += await(value(5L));
        s += await(value(6L));
        s += await(value(0L));
        s += await(value(1L));
        s += await(value(2L));
        s += await(value(3L));
        s += await(value(4L));
        s += await(value(5L));
        s += await(value(6L));
        s += await(value(0L));
        s += await(value(1L));
        s += await(value(2L));
        s += await(value(3L));
        s += await(value(4L));
        s += await(value(5L));
        s += await(value(6L));
        s += await(value(0L));
        s += await(value(1L));
        s += await(value(2L));
        s += await(value(3L));
        return s;
    }
}

class Other {
    @Async
    String describe(int n) {
        return await(value("other" + n));
    }

    static class Inner {
        @Async
        static String twiceText(int n) {
            return await(value("" + n + n));
        }
    }
}
