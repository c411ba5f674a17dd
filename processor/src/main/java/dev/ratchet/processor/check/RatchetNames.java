package dev.ratchet.processor.check;

import java.util.ArrayDeque;
import java.util.Deque;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Names of the runtime API that the checks recognise, and the companion naming rule of the spec.
 *
 * <p>The processor does not depend on the runtime at compile time, so the API is known by
 * qualified name; the checks compare resolved elements against these names, never bare source
 * text (except as the fallback described in {@code AwaitCalls}).
 */
final class RatchetNames {
    /** {@code @Async}, CLASS retention: visible on source and class-file elements alike. */
    static final String ASYNC = "dev.ratchet.Async";

    static final String ASYNC_SIMPLE_NAME = "Async";

    /** Declares both {@code await(Future)} and {@code await(CompletionStage)}. */
    static final String FUTURES = "dev.ratchet.Futures";

    static final String AWAIT = "await";

    /** What to use instead of {@code synchronized} around awaits. */
    static final String MUTEX = "dev.ratchet.sync.Mutex";

    private static final String COMPANION_SUFFIX = "Async";

    private RatchetNames() {}

    /**
     * The simple name of the generated companion of {@code type}: {@code p.Checkout} becomes
     * {@code CheckoutAsync}, the nested {@code p.Outer.Inner} becomes {@code Outer_InnerAsync}.
     */
    static String companionSimpleName(TypeElement type) {
        return String.join("_", enclosingNames(type)) + COMPANION_SUFFIX;
    }

    /** {@code Outer.Inner} for {@code p.Outer.Inner}: the name as written inside the package. */
    static String nestedName(TypeElement type) {
        return String.join(".", enclosingNames(type));
    }

    private static Deque<String> enclosingNames(TypeElement type) {
        Deque<String> names = new ArrayDeque<>();
        for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            names.addFirst(t.getSimpleName().toString());
        }
        return names;
    }
}
