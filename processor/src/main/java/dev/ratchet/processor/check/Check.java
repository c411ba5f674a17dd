package dev.ratchet.processor.check;

/**
 * One misuse rule. A check reads the facts gathered from a unit, reports each violation through
 * the context at the exact tree (under a code from {@link CheckMessages}) and invalidates the
 * {@code @Async} methods that cannot be generated. Checks are independent of each other and of
 * their order.
 */
interface Check {
    /** Stable name of the rule, for logs and crash reports (the class's simple name). */
    default String name() {
        return getClass().getSimpleName();
    }

    void run(UnitFacts facts, CheckContext cx);
}
