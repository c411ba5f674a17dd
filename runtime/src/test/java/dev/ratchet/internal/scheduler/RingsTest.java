package dev.ratchet.internal.scheduler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** {@link Rings}: copies and clears that wrap around either ring, and plain arrays (mask -1). */
class RingsTest {
    private static Integer[] numbered(int n, int from) {
        Integer[] a = new Integer[n];
        for (int i = 0; i < n; i++) a[i] = from + i;
        return a;
    }

    @Test
    void copyWrapsAroundBothRingsAndPositionsMayBePastTheLength() {
        Integer[] src = numbered(8, 0);
        Integer[] dst = new Integer[4 * 2];
        // src positions 14..19 are slots 6, 7, 0, 1, 2, 3; dst positions 5..10 are slots 5, 6, 7, 0, 1, 2.
        Rings.copy(src, 7, 14, dst, 7, 5, 6);
        assertArrayEquals(new Integer[] {1, 2, 3, null, null, 6, 7, 0}, dst);
    }

    @Test
    void copyBetweenARingAndAPlainArray() {
        Integer[] ring = numbered(8, 10);
        Integer[] plain = new Integer[5];
        Rings.copy(ring, 7, 6, plain, -1, 0, 5);
        assertArrayEquals(new Integer[] {16, 17, 10, 11, 12}, plain);
        Integer[] back = new Integer[8];
        Rings.copy(plain, -1, 1, back, 7, 7, 4);
        assertArrayEquals(new Integer[] {10, 11, 12, null, null, null, null, 17}, back);
    }

    @Test
    void clearWrapsAndTouchesNothingElse() {
        Integer[] ring = numbered(8, 0);
        Rings.clear(ring, 7, 14, 4);
        assertArrayEquals(new Integer[] {null, null, 2, 3, 4, 5, null, null}, ring);
        Rings.clear(ring, 7, 3, 0);
        assertArrayEquals(new Integer[] {null, null, 2, 3, 4, 5, null, null}, ring);
    }
}
