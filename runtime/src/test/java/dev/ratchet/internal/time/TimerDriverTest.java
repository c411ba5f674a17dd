package dev.ratchet.internal.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;

class TimerDriverTest {
    private static final long MS = 1_000_000L;

    @Test
    void hundredThousandTimersFromFourThreadsAllFireOnceNoneEarlyOnOneThread() throws Exception {
        int threads = 4;
        int perThread = 25_000;
        int total = threads * perThread;
        try (TimerDriver driver = new TimerDriver("test-timer-stress")) {
            long[] deadlines = new long[total];
            AtomicLongArray firedAt = new AtomicLongArray(total);
            AtomicInteger fired = new AtomicInteger();
            AtomicInteger duplicates = new AtomicInteger();
            CountDownLatch allFired = new CountDownLatch(total);
            CountDownLatch start = new CountDownLatch(1);
            Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
            Thread[] producers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                int base = t * perThread;
                producers[t] = new Thread(() -> {
                    try {
                        start.await();
                        ThreadLocalRandom rnd = ThreadLocalRandom.current();
                        for (int i = base; i < base + perThread; i++) {
                            int id = i;
                            deadlines[id] = System.nanoTime() + (1 + rnd.nextInt(50)) * MS;
                            driver.schedule(deadlines[id], () -> {
                                if (!firedAt.compareAndSet(id, 0, System.nanoTime())) duplicates.incrementAndGet();
                                fired.incrementAndGet();
                                allFired.countDown();
                            });
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }, "producer-" + t);
                producers[t].start();
            }
            start.countDown();
            for (Thread p : producers) p.join();
            assertTrue(failures.isEmpty(), () -> "producer failures: " + failures);
            assertTrue(allFired.await(20, TimeUnit.SECONDS), () -> "only " + fired.get() + " of " + total + " fired");
            int early = 0;
            for (int i = 0; i < total; i++) if (firedAt.get(i) - deadlines[i] < 0) early++;
            assertEquals(0, early, "timers fired before their deadline");
            assertEquals(0, duplicates.get(), "a timer fired twice");
            assertEquals(total, fired.get());
            assertEquals(0, driver.pendingTimers());
            long driverThreads = Thread.getAllStackTraces().keySet().stream()
                    .filter(th -> th.getName().equals("test-timer-stress")).count();
            assertEquals(1, driverThreads, "one driver thread, no thread per timer");
        }
    }

    /**
     * 4 threads x 10_000 timers, a random third cancelled right away (racing the driver for the
     * short ones): a timer whose cancel() returned true never fires; every other fires exactly once.
     */
    @Test
    void concurrentCancelIsExact() throws Exception {
        int threads = 4;
        int perThread = 10_000;
        int total = threads * perThread;
        try (TimerDriver driver = new TimerDriver("test-timer-cancel-race")) {
            java.util.concurrent.atomic.AtomicIntegerArray fires = new java.util.concurrent.atomic.AtomicIntegerArray(total);
            boolean[] cancelled = new boolean[total];
            AtomicInteger expected = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
            Thread[] ts = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                int base = t * perThread;
                ts[t] = new Thread(() -> {
                    try {
                        start.await();
                        ThreadLocalRandom rnd = ThreadLocalRandom.current();
                        for (int i = base; i < base + perThread; i++) {
                            int id = i;
                            TimerDriver.TimerEntry e = driver.schedule(System.nanoTime() + rnd.nextInt(3) * MS,
                                    () -> fires.incrementAndGet(id));
                            cancelled[id] = rnd.nextInt(3) == 0 && e.cancel();
                            if (!cancelled[id]) expected.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                });
                ts[t].start();
            }
            start.countDown();
            for (Thread t : ts) t.join();
            assertTrue(failures.isEmpty(), () -> "failures: " + failures);
            // A barrier timer due strictly after every other: the driver fires in deadline order
            // on its one thread, so once it has run, every other waker has run too.
            CountDownLatch flush = new CountDownLatch(1);
            driver.schedule(System.nanoTime() + 5 * MS, flush::countDown);
            assertTrue(flush.await(10, TimeUnit.SECONDS));
            assertEquals(0, driver.pendingTimers());
            int fired = 0;
            for (int i = 0; i < total; i++) {
                int f = fires.get(i);
                if (cancelled[i]) assertEquals(0, f, "timer " + i + " fired after a successful cancel");
                else assertEquals(1, f, "timer " + i + " fired " + f + " times");
                fired += f;
            }
            assertEquals(expected.get(), fired);
        }
    }

    @Test
    void cancelledTimerNeverFires() throws Exception {
        try (TimerDriver driver = new TimerDriver("test-timer-cancel")) {
            AtomicInteger wakes = new AtomicInteger();
            TimerDriver.TimerEntry e = driver.schedule(System.nanoTime() + 20 * MS, wakes::incrementAndGet);
            assertTrue(e.isPending());
            assertTrue(e.cancel());
            assertFalse(e.cancel(), "second cancel reports nothing removed");
            assertFalse(e.isPending());
            // A later timer fires: by then the cancelled one would have fired too.
            CountDownLatch later = new CountDownLatch(1);
            driver.schedule(System.nanoTime() + 40 * MS, later::countDown);
            assertTrue(later.await(5, TimeUnit.SECONDS));
            assertEquals(0, wakes.get());
        }
    }

    @Test
    void earlierTimerUnparksADriverSleepingForALaterOne() throws Exception {
        try (TimerDriver driver = new TimerDriver("test-timer-unpark")) {
            driver.schedule(System.nanoTime() + TimeUnit.HOURS.toNanos(1), () -> {});
            awaitParked(driver);
            CountDownLatch soon = new CountDownLatch(1);
            long t0 = System.nanoTime();
            driver.schedule(t0 + 10 * MS, soon::countDown);
            assertTrue(soon.await(5, TimeUnit.SECONDS), "the earlier timer must fire while a later one is pending");
            assertTrue(System.nanoTime() - t0 >= 10 * MS);
        }
    }

    @Test
    void idleDriverParksWithoutTimeout() throws Exception {
        try (TimerDriver driver = new TimerDriver("test-timer-idle")) {
            awaitParked(driver);
            assertEquals(Thread.State.WAITING, driver.thread().getState(), "no timers: parked indefinitely");
        }
    }

    @Test
    void pastDeadlineWakesAtOnceOnTheCallingThread() {
        try (TimerDriver driver = new TimerDriver("test-timer-past")) {
            Thread[] wokenOn = new Thread[1];
            TimerDriver.TimerEntry e = driver.schedule(System.nanoTime() - MS, () -> wokenOn[0] = Thread.currentThread());
            assertSame(Thread.currentThread(), wokenOn[0]);
            assertFalse(e.isPending());
            assertFalse(e.cancel());
        }
    }

    @Test
    void closeJoinsTheThreadWakesPendingTimersAndRejectsNewOnes() throws Exception {
        TimerDriver driver = new TimerDriver("test-timer-close");
        AtomicInteger woken = new AtomicInteger();
        driver.schedule(System.nanoTime() + TimeUnit.HOURS.toNanos(1), woken::incrementAndGet);
        driver.schedule(System.nanoTime() + TimeUnit.DAYS.toNanos(3000), woken::incrementAndGet);
        driver.close();
        assertFalse(driver.thread().isAlive());
        assertEquals(2, woken.get(), "pending timers are woken so their futures see the shutdown");
        IllegalStateException ex = assertThrows(IllegalStateException.class, () -> driver.schedule(System.nanoTime(), () -> {}));
        assertTrue(ex.getMessage().contains("closed"), ex.getMessage());
        driver.close(); // idempotent
    }

    @Test
    void aThrowingWakerIsReportedAndTheDriverCarriesOn() throws Exception {
        try (TimerDriver driver = new TimerDriver("test-timer-throwing")) {
            List<Throwable> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
            driver.thread().setUncaughtExceptionHandler((t, e) -> reported.add(e));
            CountDownLatch after = new CountDownLatch(1);
            // Far enough ahead that it is the driver thread, not this one, that fires it.
            driver.schedule(System.nanoTime() + 50 * MS, () -> { throw new IllegalStateException("boom"); });
            driver.schedule(System.nanoTime() + 60 * MS, after::countDown);
            assertTrue(after.await(5, TimeUnit.SECONDS));
            assertEquals(1, reported.size());
            assertEquals("boom", reported.get(0).getMessage());
        }
    }

    @Test
    void globalDriverIsSharedAndCannotBeClosed() {
        assertSame(TimerDriver.global(), TimerDriver.global());
        assertTrue(TimerDriver.global().thread().isDaemon());
        assertThrows(IllegalStateException.class, () -> TimerDriver.global().close());
    }

    @Test
    void nullArgumentsAreNamed() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> new TimerDriver(null));
        assertEquals("threadName", e.getMessage());
        NullPointerException w = assertThrows(NullPointerException.class, () -> TimerDriver.global().schedule(0, null));
        assertEquals("waker", w.getMessage());
    }

    private static void awaitParked(TimerDriver driver) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            Thread.State s = driver.thread().getState();
            if (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING) return;
            Thread.sleep(1); // polling a thread state: no latch can observe "parked"
        }
        throw new AssertionError("driver thread never parked: " + driver.thread().getState());
    }
}
