package dev.ratchet.internal.diag;

import dev.ratchet.internal.CacheLinePadding;

/** The field of {@link CoarseClock}, after the padding of its superclass (see there). */
abstract class ClockTick extends CacheLinePadding {
    /** The current tick; opaque accesses only (see {@link CoarseClock}). */
    int now = 1;
}
