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

    @Async
    String finallyReturnCannotSwallow() {
        try {
            log("waiting");
            await(never("child"));
            return "not reached";
        } finally {
            log("finally");
            return "swallowed";
        }
    }

    @Async
    String finallyBreakCannotSwallow() {
        while (true) {
            try {
                await(never("child"));
            } finally {
                log("finally");
                break;
            }
        }
        log("after loop");
        return "swallowed";
    }

    @Async
    String finallyContinueCannotSwallow() {
        for (int i = 0; i < 3; i++) {
            try {
                log("iteration " + i);
                await(never("child" + i));
            } finally {
                log("finally " + i);
                continue;
            }
        }
        return "done";
    }

    /** Pending until cancelled; then its cleanup fails. */
    static final class FailingCleanup implements dev.ratchet.Future<String> {
        private boolean cancelled;

        @Override
        public dev.ratchet.Poll<String> poll(dev.ratchet.Context cx) {
            if (!cancelled) return dev.ratchet.Poll.pending();
            log("cleanup failed");
            throw new IllegalStateException("cleanup failed");
        }

        @Override
        public void cancel() {
            log("child cancelled");
            cancelled = true;
        }
    }

    @Async
    String childCleanupFails() {
        try {
            await(new FailingCleanup());
            return "not reached";
        } finally {
            log("finally");
        }
    }

    @Async
    String parentOfAsyncChild() {
        try {
            return child();
        } finally {
            log("parent finally");
        }
    }

    @Async
    String child() {
        try {
            log("child waiting");
            return await(never("grandchild"));
        } finally {
            log("child finally");
        }
    }
}
