package programs;

import static dev.ratchet.Futures.await;
import static dev.ratchet.processor.harness.Io.log;
import static dev.ratchet.processor.harness.Io.never;
import static dev.ratchet.processor.harness.Io.value;

import dev.ratchet.Async;
import dev.ratchet.Futures;
import java.util.concurrent.CancellationException;

class Cancellation {
    @Async
    String runsNothingIfCancelledFirst() {
        log("body ran");
        return await(value("x"));
    }

    @Async
    String finallyBlocksRunInOrder() {
        try {
            try {
                log("waiting");
                await(never("child"));
                log("not reached");
                return "not reached";
            } finally {
                log("inner finally");
                await(value("inner cleanup"));
                log("inner cleanup done");
            }
        } finally {
            log("outer finally");
        }
    }

    @Async
    String catchCannotSwallow() {
        try {
            await(never("child"));
        } catch (CancellationException e) {
            log("caught cancellation");
            try {
                await(value("later"));
                log("later await completed");
            } catch (CancellationException again) {
                log("later await cancelled too");
            }
        }
        log("after try");
        return "swallowed";
    }

    @Async
    long countTo(long n) {
        long sum = 0;
        for (long i = 0; i < n; i++) {
            Long v = await(Futures.ready(i));
            sum += v;
        }
        return sum;
    }

    @Async
    int dropsDeadReferences(java.util.List<String> items) {
        int n = items.size();
        String first = items.get(0);
        await(value(n));
        log(first);
        await(never("forever"));
        return n;
    }
}
