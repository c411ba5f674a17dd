package dev.ratchet.miniredis;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.miniredis.Command.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DbTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Db db = new Db(nanos::get);

    private static byte[] b(String s) {
        return s.getBytes(ISO_8859_1);
    }

    private void advanceMillis(long ms) {
        nanos.addAndGet(ms * 1_000_000);
    }

    private void set(String k, String v) {
        db.set(k, b(v), 0, Condition.ALWAYS, false);
    }

    @Test
    void setGetDelExists() {
        assertNull(db.get("k"));
        set("k", "v");
        assertArrayEquals(b("v"), db.get("k"));
        assertEquals(2, db.exists(List.of("k", "k")), "a key named twice counts twice");
        assertEquals(1, db.del(List.of("k", "missing")));
        assertEquals(0, db.exists(List.of("k")));
    }

    @Test
    void nxAndXxConditionsAndGetReturnThePreviousValue() {
        assertFalse(db.set("k", b("1"), 0, Condition.IF_PRESENT, false).written(), "XX on a missing key");
        Db.SetResult r = db.set("k", b("1"), 0, Condition.IF_ABSENT, false);
        assertTrue(r.written());
        assertNull(r.previous());
        r = db.set("k", b("2"), 0, Condition.IF_ABSENT, false);
        assertFalse(r.written(), "NX on an existing key");
        assertArrayEquals(b("1"), r.previous());
        r = db.set("k", b("3"), 0, Condition.IF_PRESENT, false);
        assertTrue(r.written());
        assertArrayEquals(b("1"), r.previous());
        assertArrayEquals(b("3"), db.get("k"));
    }

    @Test
    void expiredKeysAreAbsentOnAccessLazily() {
        db.set("k", b("v"), 100, Condition.ALWAYS, false);
        assertEquals(100, db.ttlMillis("k"));
        advanceMillis(99);
        assertArrayEquals(b("v"), db.get("k"));
        advanceMillis(1);
        assertNull(db.get("k"), "expired at its deadline");
        assertEquals(0, db.size(), "lazy expiry removed it");
        assertEquals(0, db.expiryRecords());
        assertEquals(-2, db.ttlMillis("k"));
        assertTrue(db.set("k", b("new"), 0, Condition.IF_ABSENT, false).written(), "an expired key counts as absent for NX");
        assertEquals(-1, db.ttlMillis("k"));
    }

    @Test
    void sweepRemovesOnlyDueEntriesAndNeverANewerValue() {
        db.set("a", b("1"), 10, Condition.ALWAYS, false);
        db.set("b", b("2"), 20, Condition.ALWAYS, false);
        db.set("c", b("3"), 1_000, Condition.ALWAYS, false);
        db.set("b", b("persistent now"), 0, Condition.ALWAYS, false); // replaces b's deadline
        assertEquals(2, db.expiryRecords(), "b's old record was removed by the overwrite");
        advanceMillis(50);
        assertEquals(1, db.sweepExpired(100));
        assertEquals(2, db.size());
        assertArrayEquals(b("persistent now"), db.get("b"));
        assertArrayEquals(b("3"), db.get("c"));
        advanceMillis(1_000);
        assertEquals(1, db.sweepExpired(100));
        assertEquals(1, db.size());
        assertEquals(0, db.expiryRecords());
    }

    @Test
    void sweepIsBoundedPerCall() {
        for (int i = 0; i < 25; i++) db.set("k" + i, b("v"), 5, Condition.ALWAYS, false);
        advanceMillis(10);
        assertEquals(10, db.sweepExpired(10));
        assertEquals(10, db.sweepExpired(10));
        assertEquals(5, db.sweepExpired(10));
        assertEquals(0, db.size());
    }

    @Test
    void keepTtlAndIncrKeepTheDeadlineAPlainSetDropsIt() throws Exception {
        db.set("n", b("1"), 100, Condition.ALWAYS, false);
        assertEquals(2, db.incrBy("n", 1));
        db.set("n", b("5"), 0, Condition.ALWAYS, true);
        assertEquals(100, db.ttlMillis("n"));
        advanceMillis(100);
        assertNull(db.get("n"));
        db.set("n", b("1"), 100, Condition.ALWAYS, false);
        db.set("n", b("2"), 0, Condition.ALWAYS, false);
        assertEquals(-1, db.ttlMillis("n"));
        advanceMillis(500);
        assertEquals(0, db.sweepExpired(100), "no record left for the persistent key");
        assertArrayEquals(b("2"), db.get("n"));
    }

    @Test
    void incrErrors() throws Exception {
        assertEquals(1, db.incrBy("n", 1), "a missing key counts as 0");
        set("s", "abc");
        CommandException e = assertThrows(CommandException.class, () -> db.incrBy("s", 1));
        assertEquals("ERR value is not an integer or out of range", e.getMessage());
        set("max", Long.toString(Long.MAX_VALUE));
        e = assertThrows(CommandException.class, () -> db.incrBy("max", 1));
        assertEquals("ERR increment or decrement would overflow", e.getMessage());
        assertArrayEquals(b(Long.toString(Long.MAX_VALUE)), db.get("max"), "a failed INCR changes nothing");
    }

    /** 8 threads x 5,000 INCRs on 4 shared keys, started on a latch: no increment is lost. */
    @Test
    void concurrentIncrementsAreAtomic() throws Exception {
        int threads = 8, perThread = 5_000, keys = 4;
        for (int round = 0; round < 3; round++) {
            Db shared = new Db();
            CountDownLatch start = new CountDownLatch(1);
            Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
            List<Thread> all = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int me = t;
                all.add(new Thread(() -> {
                    try {
                        start.await();
                        for (int i = 0; i < perThread; i++) {
                            String key = "k" + ((me + i) % keys);
                            shared.incrBy(key, 1);
                            if (i % 100 == 0) shared.set("other" + me, b("x"), 1, Condition.ALWAYS, false);
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            all.forEach(Thread::start);
            start.countDown();
            for (Thread t : all) t.join();
            assertTrue(failures.isEmpty(), failures::toString);
            long total = 0;
            for (int k = 0; k < keys; k++) total += Long.parseLong(new String(shared.get("k" + k), ISO_8859_1));
            assertEquals((long) threads * perThread, total);
        }
    }
}
