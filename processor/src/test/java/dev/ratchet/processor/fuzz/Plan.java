package dev.ratchet.processor.fuzz;

import dev.ratchet.processor.harness.Schedule;

/**
 * How the test futures of one run complete: the {@link Schedule} of every future, except the
 * future created {@code neverAt}-th (1-based; 0 = none), which stays pending until cancelled — the
 * suspension point where a cancellation run cancels the root future.
 */
record Plan(Schedule schedule, int neverAt) {
    static Plan of(Schedule schedule) {
        return new Plan(schedule, 0);
    }

    boolean cancels() {
        return neverAt > 0;
    }

    /** What the {@code index}-th future (1-based) does under this plan. */
    TestFuture.Behaviour behaviourOf(int index) {
        if (index == neverAt) return TestFuture.Behaviour.NEVER;
        return switch (schedule) {
            case READY -> TestFuture.Behaviour.READY;
            case PENDING_ONCE -> TestFuture.Behaviour.PENDING_ONCE;
            case OTHER_THREAD -> TestFuture.Behaviour.OTHER_THREAD;
            // Every other future fails (the 1st succeeds), so programs get past their first await and run on after a catch.
            case FAILING -> switch (index % 4) {
                case 2 -> TestFuture.Behaviour.FAIL_NOW;
                case 0 -> TestFuture.Behaviour.FAIL_AFTER_PENDING;
                case 3 -> TestFuture.Behaviour.PENDING_ONCE;
                default -> TestFuture.Behaviour.READY;
            };
        };
    }

    @Override
    public String toString() {
        return neverAt > 0 ? schedule + " cancelled at await #" + neverAt : schedule.toString();
    }
}
