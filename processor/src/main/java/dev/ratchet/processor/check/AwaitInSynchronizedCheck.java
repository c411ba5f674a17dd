package dev.ratchet.processor.check;

/**
 * Rule: no await, explicit or implicit, inside a {@code synchronized} block of an {@code @Async}
 * body. A suspended task releases its thread to other tasks, so a monitor held across the
 * suspension would block them (or deadlock) and could be released on another thread.
 */
final class AwaitInSynchronizedCheck implements Check {
    @Override
    public void run(UnitFacts facts, CheckContext cx) {
        for (SuspensionSite site : facts.sites()) {
            if (site.placement() instanceof Placement.InAsyncBody body && body.monitor() != null) {
                String callee = site.kind().isExplicitAwait() ? null : EntryCalls.callee(site.callee());
                cx.report(CheckMessages.AWAIT_IN_SYNCHRONIZED, CheckMessages.awaitInSynchronized(callee), site.errorTree());
                cx.invalidate(body.method().element());
            }
        }
    }
}
