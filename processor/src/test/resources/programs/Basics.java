package programs;

import static dev.ratchet.Futures.await;
import static dev.ratchet.processor.harness.Io.log;
import static dev.ratchet.processor.harness.Io.value;

import dev.ratchet.Async;
import dev.ratchet.processor.harness.IoException;

class Basics {
    int base = 100;

    @Async
    int straightLine(int a) {
        log("start");
        int x = await(value(a));
        log("x=" + x);
        var y = await(value(x + 1));
        await(value("ignored"));
        log("y=" + y);
        return x + y + base;
    }

    @Async
    String ifElse(int n) {
        String result;
        if (await(value(n > 0))) {
            log("positive");
            result = await(value("pos"));
        } else if (n == 0) {
            result = "zero";
        } else {
            log("negative");
            result = await(value("neg"));
        }
        log("after");
        return result + n;
    }

    @Async
    int whileLoop(int n) {
        int sum = 0;
        int i = 0;
        while (i < n) {
            int v = await(value(i));
            sum += v;
            i++;
        }
        return sum;
    }

    @Async
    int earlyReturn(int n) {
        int i = 0;
        while (true) {
            int v = await(value(i));
            if (v == n) return v * 10;
            log("v=" + v);
            i++;
        }
    }

    @Async
    void voidMethod(String s) {
        log("before " + s);
        await(value(s));
        log("after " + s);
    }

    @Async
    String throwing(int n) throws IoException {
        String s = await(value("x" + n));
        if (n > 1) throw new IoException("too big: " + s);
        return s;
    }

    @Async
    int implicitAwait(int n) {
        int a = straightLine(n);
        log("a=" + a);
        int b = Basics.staticHelper(a);
        return a + b;
    }

    @Async
    static int staticHelper(int n) {
        return await(value(n * 2));
    }

    @Async
    String throwAwait() throws Exception {
        throw await(value(new IllegalStateException("from await")));
    }

    @Async
    int returnAwait(int n) {
        log("n=" + n);
        return await(value(n + 1));
    }
}
