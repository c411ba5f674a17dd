package dev.ratchet.processor.check;

/**
 * The catalogue of misuse errors: one stable code per rule (printed as {@code [ratchet:Code]})
 * and the message text, which always says why the code is rejected and what to write instead.
 *
 * <p>Codes never change once released: tests, documentation and users' searches refer to them.
 */
public final class CheckMessages {
    /** An await (explicit or implicit) in a lambda, anonymous or local class, or method reference in an @Async body. */
    public static final String AWAIT_IN_LAMBDA = "AwaitInLambda";
    /** An await (explicit or implicit) inside {@code synchronized} in an @Async body. */
    public static final String AWAIT_IN_SYNCHRONIZED = "AwaitInSynchronized";
    /** {@code Futures.await} in code that is not an @Async body. */
    public static final String AWAIT_OUTSIDE_ASYNC = "AwaitOutsideAsync";
    /** A direct call of (or method reference to) an @Async method from synchronous code. */
    public static final String ASYNC_CALL_FROM_SYNC = "AsyncCallFromSync";
    /** {@code @Async} on an abstract method (interface methods without a body included). */
    public static final String ASYNC_ABSTRACT = "AsyncAbstract";
    /** {@code @Async} on a native method. */
    public static final String ASYNC_NATIVE = "AsyncNative";
    /** {@code @Async} on a synchronized method. */
    public static final String ASYNC_SYNCHRONIZED = "AsyncSynchronized";
    /** {@code @Async} on a method of a local or anonymous class (or of a class nested in one). */
    public static final String ASYNC_IN_LOCAL_CLASS = "AsyncInLocalClass";
    /** {@code @Async} on a method of a private class (or of a class nested in one). */
    public static final String ASYNC_IN_PRIVATE_CLASS = "AsyncInPrivateClass";
    /** An @Async method's signature or body uses a private member of its top-level class. */
    public static final String PRIVATE_ACCESS = "PrivateAccess";
    /** An @Async method's body uses a protected member inherited from another package. */
    public static final String PROTECTED_ACCESS = "ProtectedAccess";
    /** {@code super.m()} (or {@code super::m}) in an @Async body. */
    public static final String SUPER_CALL_IN_ASYNC = "SuperCallInAsync";
    /** A method that overrides an @Async method. */
    public static final String ASYNC_OVERRIDE = "AsyncOverride";

    private static final String RUNS_LATER = ", outside the state machine";

    private CheckMessages() {}

    /** {@code Futures.await} in a lambda, class or method reference inside an @Async body. */
    static String awaitInLambda(Placement.Construct construct) {
        if (construct == Placement.Construct.METHOD_REFERENCE) {
            return "await cannot be used as a method reference in an @Async method: "
                    + construct.whyLater + RUNS_LATER + "; call await(...) directly in the @Async body";
        }
        return "await cannot be used inside " + construct.phrase + " in an @Async method: "
                + construct.whyLater + RUNS_LATER + "; await before creating the "
                + (construct == Placement.Construct.LAMBDA ? "lambda" : "object")
                + " and capture the result, or make the "
                + (construct == Placement.Construct.LAMBDA ? "lambda's" : "class's")
                + " work an @Async method";
    }

    /** A call of (or reference to) an @Async method, an implicit await, inside a barrier. */
    static String asyncCallInLambda(Placement.Construct construct, String callee, String entryCall) {
        if (construct == Placement.Construct.METHOD_REFERENCE) {
            return callee + " is @Async and cannot be used as a method reference in an @Async method: "
                    + "its body only runs as a state machine, and " + construct.whyLater + RUNS_LATER
                    + "; call " + callee + " directly in the @Async body (an implicit await), or use a lambda"
                    + " that calls " + entryCall + " to get its Future";
        }
        return callee + " is @Async, so calling it awaits its result, which cannot happen inside "
                + construct.phrase + ": " + construct.whyLater + RUNS_LATER + "; call it before creating the "
                + (construct == Placement.Construct.LAMBDA ? "lambda" : "object")
                + " and capture the result, or call " + entryCall + " to get its Future";
    }

    /** An explicit or implicit await inside {@code synchronized} in an @Async body. */
    static String awaitInSynchronized(String callee) {
        String what = callee == null
                ? "await cannot be used"
                : callee + " is @Async, so calling it awaits its result, which cannot happen";
        return what + " inside a synchronized block: the monitor would stay held across the suspension,"
                + " while the task is parked and its thread runs other tasks; guard the state with "
                + RatchetNames.MUTEX + " (await its lock and release it in a try-with-resources) instead";
    }

    /**
     * {@code Futures.await} outside an @Async body.
     *
     * @param enclosingMethod the innermost enclosing method, or null in an initializer
     * @param barrier the lambda, class or method reference around the await, or null
     */
    static String awaitOutsideAsync(String enclosingMethod, Placement.Construct barrier) {
        String blockOn = "use Executor.blockOn(future) from synchronous code";
        if (barrier == Placement.Construct.METHOD_REFERENCE) {
            return "await cannot be used as a method reference outside an @Async method: " + blockOn;
        }
        if (barrier != null) {
            return "await can only be used directly in an @Async method, not inside " + barrier.phrase + ": "
                    + barrier.whyLater + ", outside any state machine; await in an @Async method before creating"
                    + " the " + (barrier == Placement.Construct.LAMBDA ? "lambda" : "object") + ", or " + blockOn;
        }
        if (enclosingMethod == null) {
            return "await can only be used in an @Async method: move this code into an @Async method, or " + blockOn;
        }
        return "await can only be used in an @Async method: annotate the enclosing method " + enclosingMethod
                + " with @Async, or " + blockOn;
    }

    /** A call of (or reference to) an @Async method from synchronous code. */
    static String asyncCallFromSync(String callee, String entryCall, boolean isReference) {
        if (isReference) {
            return callee + " is @Async and cannot be used as a method reference: its body only runs as a"
                    + " state machine; use a lambda that calls " + entryCall
                    + " to get its Future, and run it with Executor.blockOn or spawn";
        }
        return callee + " is @Async: from synchronous code call " + entryCall
                + " to get its Future, and run it with Executor.blockOn or spawn";
    }

    /** {@code @Async} on an abstract method. */
    static String asyncAbstract(boolean inInterface) {
        return "@Async cannot be used on an abstract method: the processor compiles an @Async method's"
                + " body into a state machine, and calls are bound statically to its companion entry; "
                + (inInterface ? "give the method a body (a default or static method)"
                        : "give the method a body")
                + ", or declare it to return a dev.ratchet.Future without @Async";
    }

    /** {@code @Async} on a native method. */
    static String asyncNative() {
        return "@Async cannot be used on a native method: there is no body to compile into a state machine;"
                + " remove @Async and return a dev.ratchet.Future instead";
    }

    /** {@code @Async} on a synchronized method. */
    static String asyncSynchronized() {
        return "@Async methods cannot be synchronized: the body runs as a state machine over many polls,"
                + " and a monitor cannot be held across a suspension; remove synchronized and guard the state"
                + " with " + RatchetNames.MUTEX;
    }

    /** {@code @Async} on a method of a local or anonymous class. */
    static String asyncInLocalClass(boolean anonymous) {
        return "@Async cannot be used on a method of " + (anonymous ? "an anonymous class" : "a local class")
                + ": the companion class is generated beside the top-level class and cannot refer to it;"
                + " move the method into a top-level or member class";
    }

    /** {@code @Async} on a method of a private class. */
    static String asyncInPrivateClass(String privateClass, String companion) {
        return "@Async cannot be used in private class " + privateClass + ": its companion " + companion
                + " is generated as a separate class in the same package and cannot refer to a private class;"
                + " make " + privateClass + " package-private";
    }

    /** An @Async method uses a private member of its top-level class. */
    static String privateAccess(String member, String owner, String companion) {
        return member + " is private in " + owner + ", and the @Async method runs as a state machine in the"
                + " generated class " + companion + ", which cannot access private members;"
                + " make it package-private or add a package-private accessor";
    }

    /** An @Async method uses a protected member inherited from a class of another package. */
    static String protectedAccess(String member, String owner, String companion) {
        return member + " is protected in " + owner + ", another package, and the @Async method runs as a state"
                + " machine in the generated class " + companion + ", which is no subclass of it;"
                + " call it from a non-@Async helper method of this class, and call that helper instead";
    }

    /** {@code super.m()} in an @Async body. */
    static String superCall(String method, String companion) {
        return "super." + method + " cannot be called in an @Async method: the body runs in the generated"
                + " class " + companion + ", which can only call " + method + " virtually; call super." + method
                + " from a non-@Async helper method of this class, and call that helper instead";
    }

    /** A method overrides an @Async method. */
    static String asyncOverride(String overridden, String companionEntry) {
        return "this method overrides @Async method " + overridden + ": @Async methods are bound statically"
                + " (calls compile to " + companionEntry + "), so an override would never run;"
                + " rename the method, or declare the overridden method to return a dev.ratchet.Future"
                + " without @Async if subclasses must override it";
    }
}
