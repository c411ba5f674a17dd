package dev.ratchet.internal.scheduler;

import java.util.Arrays;

/**
 * Bulk moves between the run queues' arrays: rings (length a power of two, indexed by a wrapping
 * position masked with {@code length - 1}) or plain arrays (mask {@code -1}). One {@link
 * System#arraycopy} per contiguous run.
 *
 * <p>Why not a loop of stores: through JDK 25, G1's write barrier runs a full fence for each
 * store of a young reference into an old object. The queues live as long as their executor and
 * are old; the tasks they carry are mostly young. A copy pays that once per call, a loop once per
 * task (W1 moves most of its 100 000 tasks through three such loops: a local queue's overflow,
 * the shared queue's batch, a worker's queue).
 *
 * <pre>{@code
 * Rings.copy(buffer, MASK, real, overflowRing, ring.length - 1, tail, half);
 * Rings.clear(buffer, MASK, real, half);
 * }</pre>
 */
public final class Rings {
    private Rings() {}

    /** Copies {@code n} entries from {@code src} at {@code srcPos} to {@code dst} at {@code dstPos}. */
    public static void copy(Object[] src, int srcMask, int srcPos, Object[] dst, int dstMask, int dstPos, int n) {
        while (n > 0) {
            int s = srcPos & srcMask;
            int d = dstPos & dstMask;
            int run = Math.min(n, Math.min(src.length - s, dst.length - d));
            System.arraycopy(src, s, dst, d, run);
            srcPos += run;
            dstPos += run;
            n -= run;
        }
    }

    /** Sets {@code n} entries of {@code ring} from {@code pos} to null. */
    public static void clear(Object[] ring, int mask, int pos, int n) {
        while (n > 0) {
            int s = pos & mask;
            int run = Math.min(n, ring.length - s);
            Arrays.fill(ring, s, s + run, null);
            pos += run;
            n -= run;
        }
    }
}
