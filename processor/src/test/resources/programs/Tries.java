package programs;

import static dev.ratchet.Futures.await;
import static dev.ratchet.processor.harness.Io.log;
import static dev.ratchet.processor.harness.Io.value;

import dev.ratchet.Async;
import dev.ratchet.processor.harness.IoException;
import java.io.IOException;
import java.io.UncheckedIOException;

class Tries {
    @Async
    String catchAwaitFailure(int n) {
        try {
            String s = await(value("v" + n));
            log("got " + s);
            if (n > 2) throw new IllegalStateException("big " + n);
            return s;
        } catch (IllegalStateException e) {
            log("caught " + e.getMessage());
            String t = await(value("recovered"));
            return t;
        } catch (Exception e) {
            log("io " + e.getMessage());
            return "failed";
        }
    }

    @Async
    String finallyRunsOnEveryPath(int n) throws IoException {
        StringBuilder sb = new StringBuilder();
        try {
            String a = await(value("a"));
            sb.append(a.length());
            if (n == 1) return "early";
            if (n == 2) throw new IllegalArgumentException("two");
            sb.append("b");
        } finally {
            log("finally " + n);
            String f = await(value("f"));
            sb.append(f);
            log("finally done " + sb);
        }
        return sb.toString();
    }

    @Async
    int finallyInLoopWithBreakContinue(int n) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            try {
                int v = await(value(i));
                if (v == 1) continue;
                if (v == 3) break;
                count += v;
            } finally {
                log("finally " + i);
                await(value(i));
            }
        }
        return count;
    }

    @Async
    String nestedTries(int n) throws IoException {
        try {
            try {
                String s = await(value("inner"));
                if (n == 0) throw new UncheckedIOException(new IOException("zero"));
                if (n == 1) return s;
                return s + n;
            } finally {
                log("inner finally");
                await(value(1));
            }
        } catch (UncheckedIOException e) {
            log("outer caught " + e.getCause().getMessage());
            return "caught";
        } finally {
            log("outer finally");
        }
    }

    @Async
    String multiCatch(int n) {
        try {
            await(value(n));
            if (n == 1) throw new IllegalArgumentException("iae");
            if (n == 2) throw new UnsupportedOperationException("uoe");
            return "ok";
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            String m = await(value(e.getMessage()));
            return "multi " + m + " " + e.getClass().getSimpleName();
        }
    }

    @Async
    String catchRethrows(int n) throws Exception {
        try {
            await(value(n));
            throw new IOException("io " + n);
        } catch (IOException e) {
            log("rethrowing");
            await(value(0));
            throw new IllegalStateException("wrapped", e);
        } finally {
            log("finally");
        }
    }

    @Async
    String finallyOverridesReturn(int n) {
        for (int i = 0; ; i++) {
            try {
                await(value(i));
                if (i == n) return "from try";
            } finally {
                if (i == n) {
                    log("finally breaks");
                    break;
                }
            }
        }
        return "after loop";
    }

    @Async
    String tryWithoutAwaitInsideAsyncBody(int n) {
        String s = await(value("x"));
        try {
            if (n == 1) throw new IllegalStateException("one");
            return s;
        } catch (IllegalStateException e) {
            return "caught " + e.getMessage();
        } finally {
            log("sync finally");
        }
    }

    /** The try is kept as written (no await in it); its return never arrives: the finally throws. */
    @Async
    String finallyThatThrowsSwallowsTheReturn(int n) {
        String s = await(value("x"));
        try {
            if (n == 0) return s;
            log("body");
        } finally {
            throw new IllegalStateException("finally " + n);
        }
    }

    /** The same with no await at all, behind a constant condition (fuzzer: seed 20261209 #3065). */
    @Async
    long returnThroughThrowingFinallyWithoutAwait(int n) {
        if (true) {
            try {
                if (n >= 0) return 9L;
            } finally {
                throw new IllegalStateException("finally " + n);
            }
        }
        return -8L;
    }

    /** A break that the finally stops: for javac the loop never ends, so nothing follows it. */
    @Async
    String breakThroughThrowingFinally(int n) {
        String s = await(value("x"));
        while (true) {
            try {
                if (n == 0) break;
                log("body " + s);
            } finally {
                throw new IllegalStateException("finally " + n);
            }
        }
    }

    /** A continue that the finally stops: the do/while cannot end either. */
    @Async
    String continueThroughThrowingFinally(int n) {
        String s = await(value("x"));
        do {
            try {
                if (n == 0) continue;
                log("body " + s);
            } finally {
                throw new IllegalStateException("finally " + n);
            }
        } while (n > 5);
    }

    static final class Resource implements AutoCloseable {
        final String name;
        final boolean failOnClose;

        Resource(String name, boolean failOnClose) {
            this.name = name;
            this.failOnClose = failOnClose;
            log("open " + name);
        }

        @Override
        public String toString() {
            return "Resource(" + name + ")";
        }

        @Override
        public void close() throws IOException {
            log("close " + name);
            if (failOnClose) throw new IOException("close failed " + name);
        }
    }

    @Async
    String tryWithResources(int n) throws IOException {
        try (Resource a = new Resource("a", n == 2); var b = new Resource("b", n == 3)) {
            String s = await(value("body"));
            log(s + " " + a.name + b.name);
            if (n == 1) throw new IllegalStateException("body failed");
            return s;
        } catch (IllegalStateException e) {
            log("caught " + e.getMessage() + " suppressed " + e.getSuppressed().length);
            return "caught";
        } finally {
            log("finally");
        }
    }

    @Async
    String tryWithResourcesSuppressed(int n) throws IOException {
        try (Resource a = new Resource("a", true); Resource b = new Resource("b", true)) {
            await(value(n));
            throw new IllegalStateException("primary");
        }
    }

    @Async
    String tryWithExistingResource(int n) throws IOException {
        Resource r = new Resource("r", false);
        try (r) {
            return await(value("used " + r.name));
        }
    }

    @Async
    String tryWithAwaitedResource(int n) throws IOException {
        try (Resource r = await(value(new Resource("awaited", false)))) {
            log("using");
            return r.name;
        }
    }
}
