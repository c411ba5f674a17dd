package dev.ratchet.processor.check;

/**
 * Rule: synchronous code does not call an {@code @Async} method directly (nor take a method
 * reference to it): its body only means something as a state machine. The message names the
 * companion entry that returns the method's lazy Future.
 */
final class AsyncCallFromSyncCheck implements Check {
    @Override
    public void run(UnitFacts facts, CheckContext cx) {
        for (SuspensionSite site : facts.sites()) {
            if (!site.kind().isExplicitAwait() && site.placement() instanceof Placement.InSyncCode) {
                cx.report(
                        CheckMessages.ASYNC_CALL_FROM_SYNC,
                        CheckMessages.asyncCallFromSync(
                                EntryCalls.callee(site.callee()),
                                EntryCalls.entryCallFor(cx, site),
                                site.kind().isReference()),
                        site.errorTree());
            }
        }
    }
}
