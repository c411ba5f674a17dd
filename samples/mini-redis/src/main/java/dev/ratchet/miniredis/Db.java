package dev.ratchet.miniredis;

import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The keyspace: string keys to byte-string values, with optional expiry.
 *
 * <pre>{@code
 * Db db = new Db();
 * db.set("k", "v".getBytes(), 10_000, Command.Condition.ALWAYS, false, false);   // SET k v PX 10000
 * byte[] v = db.get("k");
 * }</pre>
 *
 * <h2>Why a ConcurrentHashMap (and not an async Mutex)</h2>
 * Connection tasks run in parallel on the executor's workers, and every operation here is short
 * and never awaits. An async {@code Mutex} exists for holding a lock <em>across</em> awaits; here
 * it would only serialize all clients and add a wake-up hand-off per contended command (Tokio's
 * mini-redis uses a plain {@code std::sync::Mutex} for the same reason). A {@link
 * ConcurrentHashMap} gives lock-free reads and per-bin locking, so clients touching different keys
 * proceed in parallel, and each single-key operation is atomic: read-modify-write commands (INCR,
 * SET NX/XX/GET) are compare-and-set loops on immutable {@link Entry} objects, whose identity is
 * the version. Multi-key DEL and EXISTS are atomic per key, not as a whole (a concurrent reader
 * may see the first key deleted and not yet the second): a documented difference from Redis.
 *
 * <h2>Expiry</h2>
 * An entry may carry an {@link Expiry} deadline. Lazily, every access treats an expired entry as
 * absent (and removes it); actively, {@link #sweepExpired} (called periodically by the server)
 * removes entries whose deadline passed, found in O(log n) each through {@link #expiries}, a set
 * ordered by deadline, so keys nobody reads again do not stay in memory.
 *
 * <p>Invariant: every live entry with a deadline has its {@code Expiry} in {@link #expiries},
 * except for the short window between publishing the entry and adding the record (then only the
 * active sweep is delayed; lazy expiry still works). Records of replaced or removed entries are
 * removed by whoever replaced them; a record added late for an entry already replaced (a race
 * between two writers of one key) stays until its deadline, when the sweep drops it without
 * effect: removals are conditional on the entry's identity, so a stale record never deletes a
 * newer value.
 *
 * <p>Threading: every method is safe from any thread and never blocks for long.
 */
final class Db {
    /** Values and their expiry. Immutable: a new Entry per write, so identity is a version. */
    static final class Entry {
        final byte[] value;
        /** null: no deadline. */
        final Expiry expiry;

        Entry(byte[] value, Expiry expiry) {
            this.value = value;
            this.expiry = expiry;
        }
    }

    /** A deadline (in {@link #clock} nanos) of one entry of {@code key}; {@code seq} makes records unique. */
    record Expiry(long deadline, long seq, String key) implements Comparable<Expiry> {
        @Override
        public int compareTo(Expiry o) {
            int byTime = Long.compare(deadline - o.deadline, 0); // nanoTime: compare differences
            return byTime != 0 ? byTime : Long.compare(seq, o.seq);
        }
    }

    /** The result of SET: whether it wrote, and the previous value (for SET ... GET). */
    record SetResult(boolean written, byte[] previous) {
        /** The common result, shared: written over no previous value. */
        static final SetResult WRITTEN_FRESH = new SetResult(true, null);
    }

    private final ConcurrentHashMap<String, Entry> map = new ConcurrentHashMap<>();
    private final ConcurrentSkipListSet<Expiry> expiries = new ConcurrentSkipListSet<>();
    private final AtomicLong expirySeq = new AtomicLong();
    private final LongSupplier clock;

    /** A keyspace on {@link System#nanoTime()}. */
    Db() {
        this(System::nanoTime);
    }

    /** A keyspace on {@code nanoClock} (a manual clock in tests). */
    Db(LongSupplier nanoClock) {
        this.clock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** GET: the value, or null if absent or expired. */
    byte[] get(String key) {
        Entry e = map.get(key);
        if (e == null) return null;
        if (e.expiry == null) return e.value; // no deadline, no clock read (a clock_gettime per GET)
        e = live(key, clock.getAsLong());
        return e == null ? null : e.value;
    }

    /**
     * SET with its options: {@code ttlMillis} > 0 sets a deadline, {@code keepTtl} keeps the old
     * one, else the key becomes persistent; {@code condition} NX/XX.
     */
    SetResult set(String key, byte[] value, long ttlMillis, Command.Condition condition, boolean keepTtl) {
        // The clock is read only if a deadline is involved: a plain SET over a plain value needs none.
        boolean haveNow = ttlMillis > 0;
        long now = haveNow ? clock.getAsLong() : 0;
        Expiry fresh = ttlMillis > 0
                ? new Expiry(now + Math.min(ttlMillis, Long.MAX_VALUE / 4_000_000) * 1_000_000, expirySeq.incrementAndGet(), key)
                : null;
        while (true) {
            Entry old = map.get(key);
            if (!haveNow && old != null && old.expiry != null) {
                now = clock.getAsLong();
                haveNow = true;
            }
            Entry current = old != null && isExpired(old, now) ? null : old; // isExpired reads now only with a deadline
            boolean allowed = switch (condition) {
                case ALWAYS -> true;
                case IF_ABSENT -> current == null;
                case IF_PRESENT -> current != null;
            };
            if (!allowed) return new SetResult(false, current == null ? null : current.value);
            Expiry expiry = keepTtl && current != null ? current.expiry : fresh;
            Entry next = new Entry(value, expiry);
            if (replace(key, old, next)) {
                if (old != null && old.expiry != null && old.expiry != expiry) expiries.remove(old.expiry);
                if (expiry != null && expiry == fresh) expiries.add(fresh);
                return current == null ? SetResult.WRITTEN_FRESH : new SetResult(true, current.value);
            }
        }
    }

    /** INCRBY: adds {@code delta} to the integer value (0 if absent), keeping its deadline. */
    long incrBy(String key, long delta) throws CommandException {
        long now = clock.getAsLong();
        while (true) {
            Entry old = map.get(key);
            Entry current = old != null && isExpired(old, now) ? null : old;
            long value = current == null ? 0 : Numbers.parseLong(current.value);
            long result;
            try {
                result = Math.addExact(value, delta);
            } catch (ArithmeticException overflow) {
                throw new CommandException("ERR increment or decrement would overflow");
            }
            Entry next = new Entry(Numbers.toBytes(result), current == null ? null : current.expiry);
            if (replace(key, old, next)) {
                if (current == null && old != null && old.expiry != null) expiries.remove(old.expiry);
                return result;
            }
        }
    }

    /** DEL: how many of {@code keys} existed (and were removed). */
    int del(List<String> keys) {
        long now = clock.getAsLong();
        int removed = 0;
        for (String key : keys) {
            Entry e = map.remove(key);
            if (e == null) continue;
            if (e.expiry != null) expiries.remove(e.expiry);
            if (!isExpired(e, now)) removed++;
        }
        return removed;
    }

    /** EXISTS: how many of {@code keys} exist (a key named twice counts twice, as in Redis). */
    int exists(List<String> keys) {
        long now = clock.getAsLong();
        int count = 0;
        for (String key : keys) {
            if (live(key, now) != null) count++;
        }
        return count;
    }

    /** TTL/PTTL: remaining time to live in milliseconds, -1 without deadline, -2 if absent. */
    long ttlMillis(String key) {
        long now = clock.getAsLong();
        Entry e = live(key, now);
        if (e == null) return -2;
        if (e.expiry == null) return -1;
        return Math.max(0, (e.expiry.deadline() - now + 999_999) / 1_000_000);
    }

    /** DBSIZE: the number of keys (expired ones not swept yet included, as in Redis). */
    int size() {
        return map.size();
    }

    /** FLUSHALL. Concurrent writes may survive it (they are ordered after it). */
    void clear() {
        map.clear();
        expiries.clear();
    }

    /**
     * Removes up to {@code max} entries whose deadline has passed; returns how many records were
     * processed (the caller yields and calls again while that equals {@code max}).
     */
    int sweepExpired(int max) {
        long now = clock.getAsLong();
        int processed = 0;
        for (Iterator<Expiry> it = expiries.iterator(); it.hasNext() && processed < max; ) {
            Expiry x = it.next();
            if (x.deadline() - now > 0) break; // ordered by deadline: the rest is in the future
            it.remove();
            processed++;
            Entry e = map.get(x.key());
            if (e != null && e.expiry == x) map.remove(x.key(), e); // only the entry this record belongs to
        }
        return processed;
    }

    /** Number of pending expiry records (for tests). */
    int expiryRecords() {
        return expiries.size();
    }

    /** The entry of {@code key} if present and not expired; removes an expired one. */
    private Entry live(String key, long now) {
        Entry e = map.get(key);
        if (e == null || !isExpired(e, now)) return e;
        if (map.remove(key, e)) expiries.remove(e.expiry);
        return null;
    }

    private static boolean isExpired(Entry e, long now) {
        return e.expiry != null && e.expiry.deadline() - now <= 0;
    }

    /** The compare-and-set: {@code expected} null means "absent". Entry has identity equality. */
    private boolean replace(String key, Entry expected, Entry next) {
        return expected == null ? map.putIfAbsent(key, next) == null : map.replace(key, expected, next);
    }
}
