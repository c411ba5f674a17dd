package dev.ratchet.internal;

/**
 * 128 bytes of fields that keep a hot field of a subclass off the cache lines of whatever is
 * allocated before it (two lines: adjacent-line prefetching pairs them). HotSpot lays out a
 * superclass's fields before its subclass's, so a subclass's own fields come after these; the
 * subclass that wants padding after its fields declares 128 bytes more at its end. The JCTools
 * and Agrona idiom; {@code @Contended} would need {@code -XX:-RestrictContended} from users.
 */
public abstract class CacheLinePadding {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
}
