package programs;

import static dev.ratchet.Futures.await;
import static dev.ratchet.processor.harness.Io.log;
import static dev.ratchet.processor.harness.Io.value;

import dev.ratchet.Async;
import java.util.concurrent.TimeUnit;

class Switches {
    @Async
    String oldStyle(int n) {
        String r = "";
        switch (n) {
            case 1:
                String a = await(value("one"));
                r += a;
            case 2:
                a = "two";
                String b = await(value(a));
                r += b.length();
                break;
            case 3, 4:
                r = await(value("three-four"));
                break;
            default:
                log("default");
                r = "other";
        }
        log("r=" + r);
        return r;
    }

    @Async
    String arrowForm(String s) {
        String r;
        switch (s) {
            case "a" -> {
                String v = await(value("A"));
                r = v + v;
            }
            case "b", "c" -> r = await(value("BC"));
            case "t" -> throw new IllegalArgumentException("t");
            default -> {
                await(value(0));
                r = "?";
            }
        }
        return r;
    }

    @Async
    int switchOnAwait(int n) {
        int r = 0;
        switch (await(value(n % 3))) {
            case 0 -> r = 100;
            case 1 -> {
                int v = await(value(n));
                r = v;
            }
            default -> log("no match " + n);
        }
        return r;
    }

    @Async
    String enumSwitch(TimeUnit unit) {
        switch (unit) {
            case SECONDS:
                return await(value("s"));
            case MILLISECONDS:
                log("ms");
                break;
            default:
                return "other";
        }
        return await(value("after"));
    }

    @Async
    int breakOutOfLoopFromSwitch(int n) {
        int sum = 0;
        loop:
        for (int i = 0; i < n; i++) {
            switch (i % 4) {
                case 0:
                    continue;
                case 3:
                    break loop;
                default:
                    int v = await(value(i));
                    sum += v;
                    break;
            }
            log("i=" + i);
        }
        return sum;
    }

    @Async
    String localConstantsAsCaseLabels(int n) {
        final int two = 2;
        final String label = "n=";
        int v = await(value(n));
        switch (v) {
            case two:
                String s = await(value(label + two));
                return s;
            case two + 1:
                return label + "three";
            default:
                return label + v;
        }
    }
}
