package dev.ratchet.internal.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.testsupport.Concurrent;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class WorkerStatsTest {
    @Test
    void thePollSequenceIsOddDuringAPollAndNamesItsSubject() {
        WorkerStats w = new WorkerStats();
        assertTrue(w.isIdle(), "a worker starts idle");
        Object subject = new Object();
        w.pollStarted(subject, 17);
        long seq = w.pollSeq();
        assertEquals(1, seq & 1);
        assertSame(subject, w.subjectOf(seq));
        assertEquals(17, w.startOf(seq));
        assertEquals(1, w.polls());
        w.pollEnded();
        assertNull(w.subjectOf(seq), "the poll has ended");
        assertEquals(-1, w.startOf(seq));
        assertEquals(0, w.pollSeq() & 1);
        assertEquals(1, w.polls());
        w.pollStarted(subject, 18);
        assertNull(w.subjectOf(seq), "another poll of the same subject is not the same poll");
        assertEquals(2, w.polls());
    }

    @Test
    void countersAndIdleFlag() {
        WorkerStats w = new WorkerStats();
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
     * subjects, each poll's start tick saying which; a read that validates must match.
     */
    @Test
    void aReaderRacingTheOwnerSeesConsistentPolls() throws Exception {
        WorkerStats w = new WorkerStats();
        Object even = "even";
        Object odd = "odd";
        AtomicBoolean done = new AtomicBoolean();
        Concurrent.run(3, thread -> {
            if (thread == 0) {
                for (int i = 0; i < 2_000_000; i++) {
                    w.pollStarted((i & 1) == 0 ? even : odd, i & 1);
                    w.pollEnded();
                }
                done.set(true);
                return;
            }
            long checked = 0;
            while (!done.get()) {
                long seq = w.pollSeq();
                Object s = w.subjectOf(seq);
                int start = w.startOf(seq);
                if (s == null || start < 0) continue;
                checked++;
                if ((s == even) != (start == 0)) throw new AssertionError("subject " + s + " with start " + start);
            }
            assertTrue(checked >= 0);
        });
        assertEquals(2_000_000, w.polls());
    }
}
