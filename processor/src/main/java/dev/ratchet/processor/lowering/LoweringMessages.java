package dev.ratchet.processor.lowering;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import dev.ratchet.processor.diagnostics.Diagnostic;

/**
 * The lowering's compile errors, each with a stable code: what is wrong and what to write
 * instead. Codes never change once published (tests and users grep for them).
 */
public enum LoweringMessages {
    AWAIT_IN_EXPRESSION("AwaitInExpression",
            "await inside this expression is not supported yet (a method reference's receiver, a class body): assign it to a local first: `var x = await(...);`"),
    AWAIT_ASSIGNMENT_TARGET("AwaitAssignmentTarget",
            "await assigned to `%s` is not supported yet: assign it to a local first (`var x = await(...);`), then `%s = x;`"),
    CAPTURED_LOCAL("CapturedLocal",
            "a lambda or class here captures `%s`, a local the state machine keeps in a field: "
                    + "assign the lambda (or object) to a local variable in its own statement first"),
    SUPER_ACCESS("SuperAccess",
            "`super` cannot be used in an @Async body: the body runs in a generated class; call a non-@Async helper method instead"),
    OUTER_INSTANCE("OuterInstance",
            "`%s` belongs to an enclosing instance, which the generated state machine cannot reach: qualify it through a field or parameter"),
    IMPLICIT_AWAIT_TYPE_ARGUMENTS("ImplicitAwaitTypeArguments",
            "explicit type arguments on this call of an @Async method need the receiver's type arguments too, and its type has wildcards Java cannot write: let them be inferred, or call the companion entry `%s` and await it"),
    UNRESOLVED_TYPE("UnresolvedType",
            "the type of this expression could not be resolved, even after the companion classes were generated: check that it names an existing class"),
    UNDENOTABLE_TYPE("UndenotableType",
            "the state machine must declare `%s`, whose type `%s` cannot be written in Java (anonymous or intersection type): declare it with an explicit type"),
    LOCAL_CLASS_CAPTURE("LocalClassCapture",
            "a local class of an @Async body becomes a member of the generated state machine, so it cannot capture the local `%s`: pass it to the constructor instead"),
    LOCAL_CLASS_SHAPE("LocalClassShape",
            "a local class of an @Async body becomes a member of the generated state machine; %s is not supported there: move the class to a member class"),
    LOCAL_CLASS("LocalClassAcrossAwait",
            "a local class or record declared in an @Async body that contains await is not supported yet: move it to a member class"),
    UNSUPPORTED_SWITCH("UnsupportedSwitch",
            "switch with patterns or guards whose cases contain await is not supported yet: use if/else with instanceof"),
    SWITCH_EXPRESSION("AwaitInSwitchExpression",
            "this switch expression contains await, which is supported only in arrow cases (`case A -> ...`) without patterns or guards, each an expression, a throw or a block whose only yield is its last statement: use a switch statement that assigns a local"),
    PATTERN_IN_SPLIT_CONDITION("PatternAcrossAwait",
            "the pattern variable `%s` is declared in the condition of a statement that contains await, which is not supported yet: "
                    + "test with instanceof without a pattern, then cast into a local inside the statement"),
    INTERNAL("Internal",
            "ratchet-processor failed on this method (%s): please report it with the method's source");

    private final String code;
    private final String format;

    LoweringMessages(String code, String format) {
        this.code = code;
        this.format = format;
    }

    public String code() {
        return code;
    }

    public Diagnostic at(CompilationUnitTree unit, Tree tree, Object... args) {
        return new Diagnostic(code, String.format(format, args), unit, tree);
    }
}
