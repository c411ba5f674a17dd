package dev.ratchet.samples.debug;

import static dev.ratchet.Futures.await;

import dev.ratchet.Async;
import dev.ratchet.Futures;
import dev.ratchet.debug.AsyncBacktrace;
import dev.ratchet.runtime.Executor;
import dev.ratchet.runtime.JoinHandle;
import dev.ratchet.samples.Expect;
import dev.ratchet.samples.Narrator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;

/**
 * A failure deep in a chain of {@code @Async} calls, one of them in a task of its own. Its
 * ordinary stack trace shows the state machines that were being polled when it was thrown, in
 * generated code, and ends at the executor: the task that awaited the failing one is not on it.
 * The {@link AsyncBacktrace} attached to it (printed as "Suppressed:
 * dev.ratchet.debug.AsyncBacktrace") lists every {@code @Async} method it came through, across
 * tasks, with the line of the await in each, in the user's source: the logical call chain.
 *
 * <pre>{@code
 * } catch (Exception e) {                    // an OutOfStockException
 *     e.printStackTrace();                    // ... Suppressed: dev.ratchet.debug.AsyncBacktrace: ...
 *     AsyncBacktrace.of(e).frames();          // [Backtrace.reserve(Backtrace.java), Backtrace.pack(...:NN), ...]
 * }
 * }</pre>
 */
public final class Backtrace {
    /** The failure of the sample: an item that is not in stock. */
    public static final class OutOfStockException extends Exception {
        OutOfStockException(String item) {
            super(item + " is out of stock");
        }
    }

    private Backtrace() {}

    public static void main(String[] args) {
        run(new Narrator());
    }

    /** Places an order whose last item fails; prints the failure and returns its async frames. */
    public static List<StackTraceElement> run(Narrator n) {
        Exception failure = null;
        try (Executor executor = Executor.multiThreaded()) {
            executor.blockOn(BacktraceAsync.placeOrder(List.of("kettle", "teapot", "unicorn")));
        } catch (Exception e) { // blockOn rethrows the body's checked exception unchanged, undeclared
            failure = e;
        }
        Expect.that(failure instanceof OutOfStockException, "the order to fail with OutOfStockException: " + failure);
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        n.say("the failure, as printStackTrace shows it (only the samples' own frames):");
        for (String line : trace.toString().split("\n")) {
            if (!line.trim().startsWith("at ") || line.contains("dev.ratchet.samples.debug")) n.say("  %s", line);
        }
        AsyncBacktrace backtrace = AsyncBacktrace.of(failure);
        Expect.that(backtrace != null, "the failure to carry an async backtrace");
        List<String> methods = backtrace.frames().stream().map(StackTraceElement::getMethodName).toList();
        Expect.that(methods.equals(List.of("reserve", "pack", "fulfil", "ship", "placeOrder")),
                "the backtrace to list reserve, pack, fulfil, ship and placeOrder, innermost first: " + methods);
        return backtrace.frames();
    }

    @Async
    static String placeOrder(List<String> items) throws OutOfStockException {
        // Shipping runs as a task of its own: the failure's Java stack trace ends at that task's
        // poll, so only the async backtrace shows that placeOrder was waiting for it.
        JoinHandle<String> shipping = Futures.spawn(BacktraceAsync.ship(items));
        return "order " + await(shipping);
    }

    @Async
    static String ship(List<String> items) throws OutOfStockException {
        await(Futures.sleep(Duration.ofMillis(5))); // book a courier
        return fulfil(items);
    }

    @Async
    static String fulfil(List<String> items) throws OutOfStockException {
        StringBuilder boxes = new StringBuilder();
        for (String item : items) {
            boxes.append(pack(item)).append(' ');
        }
        return boxes.toString().trim();
    }

    @Async
    static String pack(String item) throws OutOfStockException {
        String slot = reserve(item);
        return item + "@" + slot;
    }

    @Async
    static String reserve(String item) throws OutOfStockException {
        await(Futures.yieldNow()); // ask the warehouse
        if (item.equals("unicorn")) throw new OutOfStockException(item);
        return "A" + item.length();
    }
}
