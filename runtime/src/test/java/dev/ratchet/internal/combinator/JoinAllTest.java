package dev.ratchet.internal.combinator;

import static org.junit.jupiter.api.Assertions.*;

import dev.ratchet.Context;
import dev.ratchet.Future;
import dev.ratchet.Futures;
import dev.ratchet.Poll;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class JoinAllTest {
    private final RecordingWaker waker = new RecordingWaker();
    private final Context cx = Context.of(waker);

    private static List<Gate<Integer>> gates(int n) {
        List<Gate<Integer>> gates = new ArrayList<>();
        for (int i = 0; i < n; i++) gates.add(new Gate<>("g" + i));
        return gates;
    }

    @Test
    void resultsAreInInputOrderWhenChildrenCompleteInReverse() {
        List<Gate<Integer>> gates = gates(5);
        JoinAll<Integer> join = new JoinAll<>(gates);
        assertTrue(join.poll(cx).isPending());
        for (int i = 4; i >= 1; i--) {
            gates.get(i).complete(i * 10);
            assertTrue(join.poll(cx).isPending());
        }
        gates.get(0).complete(0);
        assertEquals(Poll.ready(List.of(0, 10, 20, 30, 40)), join.poll(cx));
    }

    @Test
    void onlyWokenChildrenArePolledAgain() {
        List<Gate<Integer>> gates = gates(10);
        JoinAll<Integer> join = new JoinAll<>(gates);
        assertTrue(join.poll(cx).isPending());
        gates.get(3).complete(3);
        assertEquals(1, waker.wakes(), "a child's wake wakes the join's task");
        assertTrue(join.poll(cx).isPending());
        for (int i = 0; i < 10; i++) {
            assertEquals(i == 3 ? 2 : 1, gates.get(i).polls(), "polls of g" + i);
        }
        assertTrue(join.poll(cx).isPending(), "a poll with no wake polls no child");
        assertEquals(11, gates.stream().mapToInt(Gate::polls).sum());
    }

    @Test
    void theLatestWakerOfTheJoinIsWoken() {
        Gate<Integer> g = new Gate<>("g");
        JoinAll<Integer> join = new JoinAll<>(List.of(g));
        assertTrue(join.poll(cx).isPending());
        RecordingWaker second = new RecordingWaker();
        assertTrue(join.poll(Context.of(second)).isPending());
        g.complete(1);
        assertEquals(0, waker.wakes());
        assertEquals(1, second.wakes());
    }

    @Test
    void aChildThatYieldsIsPolledOncePerPollOfTheJoin() {
        int[] polls = {0};
        Future<Integer> alwaysYields = c -> {
            polls[0]++;
            c.waker().wake();
            return Poll.pending();
        };
        JoinAll<Integer> join = new JoinAll<>(List.of(alwaysYields, new Gate<>("g")));
        assertTrue(join.poll(cx).isPending());
        assertEquals(1, polls[0]);
        assertEquals(1, waker.wakes(), "its wake wakes the join");
        assertTrue(join.poll(cx).isPending());
        assertEquals(2, polls[0]);
    }

    @Test
    void budgetSpentByChildrenIsChargedToTheCallersContext() {
        RecordingWaker w = new RecordingWaker();
        Context limited = Context.withBudget(w, 5);
        JoinAll<String> join = new JoinAll<>(List.of(new BudgetEater(3), new BudgetEater(3)));
        assertTrue(join.poll(limited).isPending(), "6 units needed, 5 available");
        assertEquals(0, limited.budgetRemaining());
        assertTrue(w.wakes() >= 1, "the spent task yields: it is woken to run again");
        limited.refillBudget(5);
        assertEquals(Poll.ready(List.of("ate 3", "ate 3")), join.poll(limited));
        assertEquals(4, limited.budgetRemaining(), "the second child needed one more unit");
    }

    @Test
    void emptyListIsReadyWithAnEmptyList() {
        assertEquals(Poll.ready(List.of()), new JoinAll<Integer>(List.of()).poll(cx));
    }

    @Test
    void resultListIsUnmodifiable() {
        List<Integer> result = new JoinAll<Integer>(List.of(Futures.ready(1))).poll(cx).value();
        assertThrows(UnsupportedOperationException.class, () -> result.set(0, 2));
    }

    @Test
    void firstFailureCancelsTheRunningChildrenAndIsRethrownAfterTheirCleanup() {
        List<Gate<Integer>> gates = gates(4);
        gates.get(2).cleanupPolls = 3;
        JoinAll<Integer> join = new JoinAll<>(gates);
        assertTrue(join.poll(cx).isPending());
        gates.get(0).complete(0);
        RuntimeException boom = new RuntimeException("boom");
        gates.get(1).fail(boom);
        int pendingPolls = 0;
        RuntimeException thrown = null;
        while (thrown == null) {
            try {
                assertTrue(join.poll(cx).isPending());
                pendingPolls++;
            } catch (RuntimeException e) {
                thrown = e;
            }
        }
        assertSame(boom, thrown);
        assertEquals(3, pendingPolls, "one pending poll per cleanup step of g2");
        assertFalse(gates.get(0).cancelled(), "completed before the failure");
        assertFalse(gates.get(1).cancelled(), "the failed child is not cancelled");
        assertTrue(gates.get(2).cleanedUp());
        assertTrue(gates.get(3).cleanedUp());
        gates.forEach(g -> assertEquals(0, g.pollsAfterEnd(), g + " polled after it ended"));
    }

    @Test
    void cancelCancelsAndDrivesEveryRunningChild() {
        List<Gate<Integer>> gates = gates(3);
        JoinAll<Integer> join = new JoinAll<>(gates);
        assertTrue(join.poll(cx).isPending());
        gates.get(1).complete(1);
        join.cancel();
        CancellationException e = assertThrows(CancellationException.class, () -> join.poll(cx));
        assertTrue(e.getMessage().contains("joinAll"), e.getMessage());
        assertTrue(gates.get(0).cleanedUp());
        assertTrue(gates.get(2).cleanedUp());
        IllegalStateException again = assertThrows(IllegalStateException.class, () -> join.poll(cx));
        assertEquals("joinAll polled after completion", again.getMessage());
    }

    @Test
    void nullsAreRejectedWithTheirIndex() {
        assertEquals("futures", assertThrows(NullPointerException.class, () -> new JoinAll<Integer>(null)).getMessage());
        assertEquals("futures[1]", assertThrows(NullPointerException.class,
                () -> new JoinAll<Integer>(Arrays.asList(Futures.ready(1), null))).getMessage());
    }

    /** Spends {@code units} of budget one at a time (yielding when spent), then is ready. */
    private static final class BudgetEater implements Future<String> {
        private final int units;
        private int eaten;

        BudgetEater(int units) {
            this.units = units;
        }

        @Override
        public Poll<String> poll(Context cx) {
            while (eaten < units) {
                if (cx.yieldIfSpent()) return Poll.pending();
                eaten++;
            }
            return Poll.ready("ate " + units);
        }
    }
}
