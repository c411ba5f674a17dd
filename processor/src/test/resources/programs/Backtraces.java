package programs;

import static dev.ratchet.Futures.await;
import static dev.ratchet.processor.harness.Io.never;
import static dev.ratchet.processor.harness.Io.value;

import dev.ratchet.Async;

/** Depth-5 chains of @Async calls: what a failure's async backtrace and a suspended chain show. */
class Backtraces {
    static final class OutOfStock extends Exception {
        OutOfStock(String message) {
            super(message);
        }
    }

    @Async
    int level1(int n) throws OutOfStock {
        int got = level2(n); // LEVEL1_AWAIT
        return got + 1;
    }

    @Async
    int level2(int n) throws OutOfStock {
        int got = level3(n); // LEVEL2_AWAIT
        return got + 1;
    }

    @Async
    int level3(int n) throws OutOfStock {
        await(value("warm-up"));
        int got = level4(n); // LEVEL3_AWAIT
        return got + 1;
    }

    @Async
    int level4(int n) throws OutOfStock {
        int got = level5(n); // LEVEL4_AWAIT
        return got + 1;
    }

    @Async
    int level5(int n) throws OutOfStock {
        String item = await(value("item-" + n));
        if (n < 0) throw new OutOfStock(item); // LEVEL5_THROW
        String stock = await(never("stock")); // LEVEL5_AWAIT
        return stock.length();
    }

    /** Catches the failure of its child and fails with another exception. */
    @Async
    int translates(int n) {
        try {
            return level4(n); // TRANSLATES_AWAIT
        } catch (OutOfStock e) { // TRANSLATES_CATCH
            throw new IllegalStateException("translated: " + e.getMessage(), e);
        }
    }
}
