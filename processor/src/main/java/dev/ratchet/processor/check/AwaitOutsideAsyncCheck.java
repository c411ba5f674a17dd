package dev.ratchet.processor.check;

/**
 * Rule: {@code Futures.await} only in {@code @Async} bodies. Anywhere else it would throw {@code
 * IllegalStateException} at run time; the compile error says so earlier.
 */
final class AwaitOutsideAsyncCheck implements Check {
    @Override
    public void run(UnitFacts facts, CheckContext cx) {
        for (SuspensionSite site : facts.sites()) {
            if (site.kind().isExplicitAwait() && site.placement() instanceof Placement.InSyncCode sync) {
                cx.report(
                        CheckMessages.AWAIT_OUTSIDE_ASYNC,
                        CheckMessages.awaitOutsideAsync(sync.methodName(), sync.barrier()),
                        site.errorTree());
            }
        }
    }
}
