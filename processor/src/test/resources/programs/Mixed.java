package programs;

import static dev.ratchet.Futures.await;
import static dev.ratchet.processor.harness.Io.log;
import static dev.ratchet.processor.harness.Io.value;

import dev.ratchet.Async;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

class Mixed {
    @Async
    String retryLoop(int failures) {
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                int v = await(value(attempt));
                if (v <= failures) throw new IllegalStateException("attempt " + v);
                return "ok after " + v;
            } catch (IllegalStateException e) {
                log("retry: " + e.getMessage());
                if (attempt > 5) throw e;
                continue;
            } finally {
                log("finally " + attempt);
            }
        }
    }

    @Async
    int doWhileContinue(int n) {
        int i = 0;
        int sum = 0;
        do {
            i++;
            int v = await(value(i));
            if (v % 2 == 0) continue;
            sum += v;
        } while (i < n);
        return sum;
    }

    @Async
    List<Integer> lambdasPerIteration(int n) {
        List<Supplier<Integer>> suppliers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int v = await(value(i * i));
            suppliers.add(() -> v + 1);
        }
        List<Integer> out = new ArrayList<>();
        for (Supplier<Integer> s : suppliers) out.add(s.get());
        return out;
    }

    @Async
    String switchExpressionWithoutAwait(int n) {
        String label = await(value("n"));
        String kind = switch (n) {
            case 0 -> "zero";
            case 1 -> {
                String one = label + "=one";
                yield one;
            }
            default -> label + "=" + n;
        };
        return kind;
    }

    @Async
    String tryInsideSwitchInsideLoop(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            switch (i % 3) {
                case 0 -> {
                    try {
                        String s = await(value("z" + i));
                        if (i == 3) throw new RuntimeException("three");
                        sb.append(s);
                    } catch (RuntimeException e) {
                        sb.append("!").append(e.getMessage());
                        break;
                    } finally {
                        sb.append(";");
                    }
                    sb.append("+");
                }
                case 1 -> {
                    String s = await(value("o" + i));
                    sb.append(s);
                }
                default -> sb.append("_");
            }
        }
        return sb.toString();
    }

    @Async
    int returnFromNestedLoopsThroughFinally(int target) {
        try {
            for (int i = 0; i < 5; i++) {
                for (int j = 0; j < 5; j++) {
                    int v = await(value(i * 5 + j));
                    if (v == target) return v;
                }
            }
            return -1;
        } finally {
            log("cleanup");
            await(value(0));
        }
    }

    @Async
    String exceptionFromFinallyReplacesTheOriginal(int n) {
        try {
            try {
                await(value(n));
                throw new IllegalStateException("original");
            } finally {
                await(value(1));
                if (n > 0) throw new IllegalArgumentException("from finally");
            }
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }
}
