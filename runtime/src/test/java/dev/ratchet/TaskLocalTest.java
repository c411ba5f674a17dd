package dev.ratchet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.runtime.Executor;
import dev.ratchet.runtime.JoinHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TaskLocalTest {
    private static final TaskLocal<String> REQUEST_ID = TaskLocal.create("requestId");

    @Test
    void getOutsideAScopeNamesTheTaskLocal() {
        IllegalStateException e = assertThrows(IllegalStateException.class, REQUEST_ID::get);
        assertTrue(e.getMessage().contains("'requestId' is not set"), e.getMessage());
        assertEquals(Optional.empty(), REQUEST_ID.find());
    }

    @Test
    void theValueIsBoundDuringEachPollAndRestoredAfter() {
        List<String> seen = new ArrayList<>();
        Future<String> inner = cx -> {
            seen.add(REQUEST_ID.get());
            return seen.size() < 2 ? Poll.pending() : Poll.ready(REQUEST_ID.get());
        };
        Future<String> scoped = REQUEST_ID.scope("r1", inner);
        Context cx = Context.of(Waker.noop());
        scoped.poll(cx);
        assertEquals(Optional.empty(), REQUEST_ID.find(), "restored between polls");
        assertEquals("r1", scoped.poll(cx).value());
        assertEquals(List.of("r1", "r1"), seen);
    }

    @Test
    void nestedScopesShadowAndRestore() {
        Future<String> innerMost = cx -> Poll.ready(REQUEST_ID.get());
        Future<String> outer = REQUEST_ID.scope("outer", cx -> {
            String a = REQUEST_ID.get();
            String b = REQUEST_ID.scope("inner", innerMost).poll(cx).value();
            return Poll.ready(a + "/" + b + "/" + REQUEST_ID.get());
        });
        assertEquals("outer/inner/outer", outer.poll(Context.of(Waker.noop())).value());
    }

    @Test
    void restoredEvenWhenThePollThrows() {
        Future<String> failing = REQUEST_ID.scope("x", cx -> {
            throw new IllegalStateException("boom");
        });
        assertThrows(IllegalStateException.class, () -> failing.poll(Context.of(Waker.noop())));
        assertEquals(Optional.empty(), REQUEST_ID.find());
    }

    @Test
    void cancelRunsWithTheValueBound() {
        String[] atCancel = new String[1];
        Future<Void> scoped = REQUEST_ID.scope("c", new Future<>() {
            @Override
            public Poll<Void> poll(Context cx) {
                return Poll.pending();
            }

            @Override
            public void cancel() {
                atCancel[0] = REQUEST_ID.get();
            }
        });
        scoped.cancel();
        assertEquals("c", atCancel[0]);
    }

    @Test
    void nullArgumentsAreRejectedByName() {
        assertEquals("value", assertThrows(NullPointerException.class, () -> REQUEST_ID.scope(null, Futures.ready(1))).getMessage());
        assertEquals("name", assertThrows(NullPointerException.class, () -> TaskLocal.create(null)).getMessage());
    }

    /**
     * 500 tasks on 2 workers, each with its own value, each yielding 50 times; 500 unscoped
     * tasks interleaved. Every poll of a scoped task sees its own value, every poll of an
     * unscoped task sees none; and tasks did move between workers.
     */
    @Test
    void eachTaskSeesOnlyItsOwnValueOnWhateverWorker() {
        try (Executor ex = Executor.builder().workers(2).buildMultiThreaded()) {
            AtomicInteger wrong = new AtomicInteger();
            AtomicInteger polls = new AtomicInteger();
            Set<String> threadsPerTask0 = ConcurrentHashMap.newKeySet();
            List<JoinHandle<Integer>> hs = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                String mine = "req-" + i;
                int id = i;
                hs.add(ex.spawn(REQUEST_ID.scope(mine, yielding(50, () -> {
                    polls.incrementAndGet();
                    if (!mine.equals(REQUEST_ID.find().orElse(null))) wrong.incrementAndGet();
                    if (id == 0) threadsPerTask0.add(Thread.currentThread().getName());
                }))));
                hs.add(ex.spawn(yielding(50, () -> {
                    if (REQUEST_ID.find().isPresent()) wrong.incrementAndGet();
                })));
            }
            for (JoinHandle<Integer> h : hs) ex.blockOn(h);
            assertEquals(0, wrong.get(), "polls that saw another task's value (or a leaked one)");
            assertEquals(500 * 51, polls.get());
        }
    }

    private static Future<Integer> yielding(int times, Runnable eachPoll) {
        return new Future<>() {
            int n;

            @Override
            public Poll<Integer> poll(Context cx) {
                eachPoll.run();
                if (n++ < times) {
                    cx.waker().wake();
                    return Poll.pending();
                }
                return Poll.ready(n);
            }
        };
    }
}
