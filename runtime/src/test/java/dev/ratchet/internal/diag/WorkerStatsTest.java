package dev.ratchet.internal.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.testsupport.Concurrent;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class WorkerStatsTest {
    @Test
    void thePollSequenceIsOddDuringAPollAndNamesItsSubject() {
        WorkerStats w = new WorkerStats(new CoarseClock());
        assertTrue(w.isIdle(), "a worker starts idle");
        w.pollStarted(42);
        long seq = w.pollSeq();
        assertEquals(1, seq & 1);
        assertEquals(42, w.subjectOf(seq));
        assertEquals(1, w.startOf(seq), "the clock's tick when the poll started");
        assertEquals(1, w.polls());
        w.pollEnded();
        assertEquals(-1, w.subjectOf(seq), "the poll has ended");
        assertEquals(-1, w.startOf(seq));
        assertEquals(0, w.pollSeq() & 1);
        assertEquals(1, w.polls());
        w.pollStarted(42);
        assertEquals(-1, w.subjectOf(seq), "another poll of the same subject is not the same poll");
        assertEquals(2, w.polls());
    }

    @Test
    void countersAndIdleFlag() {
        WorkerStats w = new WorkerStats(new CoarseClock());
        w.awake();
        assertFalse(w.isIdle());
        w.scheduled();
        w.scheduled();
        w.stole();
        w.parking();
        assertTrue(w.isIdle());
        w.awake();
        w.detached();
        assertTrue(w.isIdle());
        assertEquals(2, w.schedules());
        assertEquals(1, w.steals());
        assertEquals(1, w.parks(), "detaching is not a park");
    }

    /**
     * A reader racing the owner never sees a subject with the wrong poll: the owner alternates two
     * ids (poll i, whose sequence word is 2i + 1, has id 2 if i is even, else 3); a read that
     * validates must match its sequence word.
     */
    @Test
    void aReaderRacingTheOwnerSeesConsistentPolls() throws Exception {
        WorkerStats w = new WorkerStats(new CoarseClock());
        int even = 2;
        int odd = 3;
        AtomicBoolean done = new AtomicBoolean();
        Concurrent.run(3, thread -> {
            if (thread == 0) {
                for (int i = 0; i < 2_000_000; i++) {
                    w.pollStarted((i & 1) == 0 ? even : odd);
                    w.pollEnded();
                }
                done.set(true);
                return;
            }
            long checked = 0;
            while (!done.get()) {
                long seq = w.pollSeq();
                int s = w.subjectOf(seq);
                if (s < 0) continue;
                checked++;
                int expected = ((seq >>> 1) & 1) == 0 ? even : odd;
                if (s != expected) throw new AssertionError("poll " + (seq >>> 1) + " read as subject " + s);
            }
        });
        assertEquals(2_000_000, w.polls());
    }
}
