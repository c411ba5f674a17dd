package programs;

import static dev.ratchet.Futures.await;
import static dev.ratchet.processor.harness.Io.log;
import static dev.ratchet.processor.harness.Io.value;

import dev.ratchet.Async;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

class Loops {
    @Async
    int forLoop(int n) {
        int sum = 0;
        for (int i = 0, j = 10; i < n; i++, j--) {
            int v = await(value(i * j));
            sum += v;
            log("i=" + i);
        }
        return sum;
    }

    @Async
    int doWhile(int n) {
        int i = 0;
        do {
            int v = await(value(i));
            log("v=" + v);
            i++;
        } while (i < n);
        return i;
    }

    @Async
    boolean whileAwaitCondition(int n) {
        int i = 0;
        while (await(value(i < n))) {
            log("i=" + i);
            i++;
        }
        return i == n;
    }

    @Async
    String enhancedForArray(String[] items) {
        StringBuilder sb = new StringBuilder();
        for (String s : items) {
            String t = await(value(s.toUpperCase()));
            sb.append(t);
        }
        return sb.toString();
    }

    @Async
    int enhancedForIterable(List<Integer> items) {
        int total = 0;
        for (var x : items) {
            int v = await(value(x));
            total += v;
            if (v > 100) break;
        }
        return total;
    }

    @Async
    int enhancedForPrimitiveFromBoxes(List<Integer> items) {
        int total = 0;
        for (int x : items) {
            Integer v = await(value(x));
            total += v;
        }
        return total;
    }

    @Async
    List<String> enhancedForOverAwait() {
        List<String> out = new ArrayList<>();
        for (String s : await(value(List.of("a", "b", "c")))) {
            String t = await(value(s + s));
            out.add(t);
        }
        return out;
    }

    @Async
    String mapEntries() {
        Map<String, Integer> m = new TreeMap<>(Map.of("a", 1, "b", 2));
        StringBuilder sb = new StringBuilder();
        for (var e : m.entrySet()) {
            var k = await(value(e.getKey()));
            sb.append(k).append(e.getValue());
        }
        return sb.toString();
    }

    @Async
    String labeledBreakContinue(int n) {
        StringBuilder sb = new StringBuilder();
        outer:
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int v = await(value(i * 10 + j));
                if (j > i) continue outer;
                if (v == 22) break outer;
                sb.append(v).append(',');
            }
            log("end of row " + i);
        }
        return sb.toString();
    }

    @Async
    int breakContinueInsideSimpleStatements(int n) {
        int count = 0;
        int i = 0;
        while (true) {
            i++;
            await(value(i));
            for (int k = 0; k < 3; k++) {
                if (i % 2 == 0) {
                    if (k == 1) continue;
                } else if (i > n) {
                    break;
                }
                count++;
            }
            if (i > n) break;
            if (i % 3 == 0) continue;
            count += 100;
        }
        return count;
    }

    @Async
    int nestedLoopsWithAwaits(int n) {
        int acc = 0;
        for (int i = 0; i < n; i++) {
            int j = 0;
            while (j < i) {
                int v = await(value(j));
                acc += v;
                j++;
            }
            int w = await(value(i));
            acc += w * 100;
        }
        return acc;
    }

    @Async
    int loopOverReadyFutures(int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            Integer v = await(dev.ratchet.Futures.ready(i));
            sum += v;
        }
        return sum;
    }

    @Async
    String labeledBlock(int n) {
        String r = "none";
        found: {
            for (int i = 0; i < n; i++) {
                int v = await(value(i));
                if (v == 3) {
                    r = "found " + v;
                    break found;
                }
            }
            r = "not found";
        }
        return r;
    }

    @Async
    String scopes(int n) {
        StringBuilder sb = new StringBuilder();
        {
            int x = 1;
            int y = await(value(x + 1));
            sb.append(x).append(y);
        }
        {
            int x = 10;
            int y = await(value(x + 1));
            sb.append(x).append(y);
        }
        for (int i = 0; i < 2; i++) {
            String x = "s" + i;
            sb.append(x);
        }
        return sb.toString();
    }
}
