package dev.ratchet.internal.interop;

import static org.junit.jupiter.api.Assertions.*;

import dev.ratchet.Context;
import dev.ratchet.Poll;
import dev.ratchet.Waker;
import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CompletionStageFutureTest {
    /** Counts wakes; a latch for the first. */
    private static final class CountingWaker implements Waker {
        final AtomicInteger wakes = new AtomicInteger();
        final CountDownLatch woken = new CountDownLatch(1);

        @Override
        public void wake() {
            wakes.incrementAndGet();
            woken.countDown();
        }
    }

    @Test
    void alreadyCompletedStageIsReadyOnFirstPoll() {
        CompletionStageFuture<String> f = new CompletionStageFuture<>(CompletableFuture.completedFuture("done"));
        assertEquals(Poll.ready("done"), f.poll(Context.of(Waker.noop())));
    }

    @Test
    void completionOnAnotherThreadWakesTheWakerExactlyOnceAndTheValueArrives() throws Exception {
        CompletableFuture<Integer> cf = new CompletableFuture<>();
        CompletionStageFuture<Integer> f = new CompletionStageFuture<>(cf);
        CountingWaker waker = new CountingWaker();
        Context cx = Context.of(waker);
        assertTrue(f.poll(cx).isPending());
        assertTrue(f.poll(cx).isPending(), "re-polling does not register a second callback");

        Thread completer = new Thread(() -> cf.complete(42));
        completer.start();
        assertTrue(waker.woken.await(10, TimeUnit.SECONDS));
        completer.join();
        assertEquals(1, waker.wakes.get());
        assertEquals(Poll.ready(42), f.poll(cx));
    }

    @Test
    void theLatestWakerIsWoken() {
        CompletableFuture<Integer> cf = new CompletableFuture<>();
        CompletionStageFuture<Integer> f = new CompletionStageFuture<>(cf);
        CountingWaker first = new CountingWaker();
        CountingWaker second = new CountingWaker();
        assertTrue(f.poll(Context.of(first)).isPending());
        assertTrue(f.poll(Context.of(second)).isPending());
        cf.complete(1);
        assertEquals(0, first.wakes.get());
        assertEquals(1, second.wakes.get());
    }

    @Test
    void completionExceptionIsUnwrappedToTheOriginalCause() {
        CompletableFuture<Integer> source = new CompletableFuture<>();
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        // A dependent stage of a failed stage fails with CompletionException(boom).
        CompletionStageFuture<Integer> f = new CompletionStageFuture<>(source.thenApply(x -> x + 1));
        Context cx = Context.of(Waker.noop());
        assertTrue(f.poll(cx).isPending());
        source.completeExceptionally(boom);
        assertSame(boom, assertThrows(IllegalArgumentException.class, () -> f.poll(cx)));
    }

    @Test
    void checkedFailureIsRethrownUnchanged() {
        IOException io = new IOException("disk");
        CompletionStageFuture<Integer> f = new CompletionStageFuture<>(CompletableFuture.failedFuture(io));
        assertSame(io, assertThrows(IOException.class, () -> f.poll(Context.of(Waker.noop()))));
    }

    @Test
    void cancelMakesTheNextPollThrowAndCancelsTheCompletableFuture() {
        CompletableFuture<Integer> cf = new CompletableFuture<>();
        CompletionStageFuture<Integer> f = new CompletionStageFuture<>(cf);
        Context cx = Context.of(Waker.noop());
        assertTrue(f.poll(cx).isPending());
        f.cancel();
        assertTrue(cf.isCancelled());
        assertThrows(CancellationException.class, () -> f.poll(cx));
        IllegalStateException again = assertThrows(IllegalStateException.class, () -> f.poll(cx));
        assertTrue(again.getMessage().contains("polled after completion"), again.getMessage());
    }

    @Test
    void cancelBeforeFirstPollRegistersNothing() {
        CompletableFuture<Integer> cf = new CompletableFuture<>();
        CompletionStageFuture<Integer> f = new CompletionStageFuture<>(cf);
        f.cancel();
        assertThrows(CancellationException.class, () -> f.poll(Context.of(Waker.noop())));
        assertEquals(0, cf.getNumberOfDependents(), "no callback was registered");
        assertTrue(cf.isCancelled());
    }

    @Test
    void cancelAfterTheValueArrivedButBeforeItWasPolledStillThrows() {
        CompletableFuture<Integer> cf = new CompletableFuture<>();
        CompletionStageFuture<Integer> f = new CompletionStageFuture<>(cf);
        Context cx = Context.of(Waker.noop());
        assertTrue(f.poll(cx).isPending());
        cf.complete(5);
        f.cancel();
        assertFalse(cf.isCancelled(), "a completed CompletableFuture stays completed");
        assertThrows(CancellationException.class, () -> f.poll(cx));
    }

    @Test
    void nullStageIsRejected() {
        assertEquals("stage", assertThrows(NullPointerException.class,
                () -> new CompletionStageFuture<Integer>(null)).getMessage());
    }

    /**
     * The stage completes on another thread while the poller re-polls with a new waker: if that
     * re-poll returned pending, the new waker must be woken (exactly once). 2000 races.
     */
    @Test
    void completionRacingARepollWithANewWakerNeverLosesTheWake() throws Exception {
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        for (int rep = 0; rep < 2000; rep++) {
            CompletableFuture<Integer> cf = new CompletableFuture<>();
            CompletionStageFuture<Integer> f = new CompletionStageFuture<>(cf);
            CountingWaker first = new CountingWaker();
            assertTrue(f.poll(Context.of(first)).isPending());
            CountDownLatch start = new CountDownLatch(1);
            Thread completer = new Thread(() -> {
                try {
                    start.await();
                    cf.complete(7);
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            completer.start();
            CountingWaker second = new CountingWaker();
            start.countDown();
            Poll<Integer> p = f.poll(Context.of(second));
            if (p.isPending()) {
                assertTrue(second.woken.await(10, TimeUnit.SECONDS), "lost wake in repetition " + rep);
                p = f.poll(Context.of(second));
            }
            completer.join();
            assertEquals(Poll.ready(7), p);
            assertEquals(1, first.wakes.get() + second.wakes.get(), "exactly one wake in total");
        }
        assertTrue(failures.isEmpty(), failures::toString);
    }
}
