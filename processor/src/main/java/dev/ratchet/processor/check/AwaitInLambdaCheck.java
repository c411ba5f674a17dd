package dev.ratchet.processor.check;

/**
 * Rule: no await, explicit or implicit, inside a lambda, an anonymous or local class, or a method
 * reference within an {@code @Async} body. That code runs whenever the lambda is called — later,
 * on another stack, outside the state machine — so it has no state machine to suspend.
 */
final class AwaitInLambdaCheck implements Check {
    @Override
    public void run(UnitFacts facts, CheckContext cx) {
        for (SuspensionSite site : facts.sites()) {
            if (site.placement() instanceof Placement.BehindBarrier behind) {
                String message = site.kind().isExplicitAwait()
                        ? CheckMessages.awaitInLambda(behind.construct())
                        : CheckMessages.asyncCallInLambda(
                                behind.construct(),
                                EntryCalls.callee(site.callee()),
                                EntryCalls.entryCallFor(cx, site));
                cx.report(CheckMessages.AWAIT_IN_LAMBDA, message, site.errorTree());
                cx.invalidate(behind.method().element());
            }
        }
    }
}
