package dev.ratchet.processor.check;

import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;

/**
 * Where a suspension site sits, seen from the code that would run it: directly in an {@code
 * @Async} body (the state machine runs it), behind a lambda, class or method reference inside
 * one (runs later, outside the state machine), or in synchronous code.
 */
sealed interface Placement {
    /**
     * Directly in the body of {@code method}.
     *
     * @param monitor the innermost {@code synchronized} block around the site, or null
     */
    record InAsyncBody(AsyncMethod method, SynchronizedTree monitor) implements Placement {}

    /**
     * Inside {@code barrier} (the innermost lambda, anonymous or local class, or method
     * reference), itself inside the body of {@code method}.
     */
    record BehindBarrier(AsyncMethod method, Tree barrier, Construct construct) implements Placement {}

    /**
     * In code that is not an {@code @Async} body.
     *
     * @param methodName the innermost enclosing method's name, or null in an initializer
     * @param barrier the innermost lambda, local or anonymous class or method reference around the
     *     site, or null: then annotating that method with {@code @Async} would make the site valid
     */
    record InSyncCode(String methodName, Construct barrier) implements Placement {}

    /** What kind of code a barrier is, for messages. */
    enum Construct {
        LAMBDA("a lambda", "the lambda runs later"),
        ANONYMOUS_CLASS("an anonymous class", "the anonymous class's code runs later"),
        LOCAL_CLASS("a local class", "the local class's code runs later"),
        METHOD_REFERENCE("a method reference", "the reference is called later");

        final String phrase;
        final String whyLater;

        Construct(String phrase, String whyLater) {
            this.phrase = phrase;
            this.whyLater = whyLater;
        }
    }
}
