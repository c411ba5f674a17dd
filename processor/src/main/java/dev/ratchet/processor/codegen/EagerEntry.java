package dev.ratchet.processor.codegen;

import static dev.ratchet.processor.codegen.RuntimeNames.CONTEXT;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import dev.ratchet.processor.model.AsyncMethod;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The contract of a machine's {@code start}, its eager entry ({@code AsyncStateMachine}, "Eager
 * calls"), shared by the machine that has it ({@link MachineWriter}), its callers, its stub and
 * the companion entry: the signature, the result type, and the sentinel returned when it
 * suspended.
 *
 * <pre>{@code
 * static long start(Context cx, AsyncStateMachine<?> holder, int depth)   // Long.MIN_VALUE: maybe suspended
 * }</pre>
 */
final class EagerEntry {
    private EagerEntry() {}

    /** {@code start} up to its parameters: type variables, result, context, holder and receiver. */
    static MethodSpec.Builder signature(AsyncMethod m, String cx, String holder, String self) {
        MethodSpec.Builder start = MethodSpec.methodBuilder("start")
                .addModifiers(Modifier.STATIC)
                .addTypeVariables(MachineWriter.typeVariables(m))
                .returns(resultType(m))
                .addParameter(CONTEXT, cx)
                .addParameter(ParameterizedTypeName.get(RuntimeNames.STATE_MACHINE, WildcardTypeName.subtypeOf(Object.class)), holder);
        if (!m.isStatic()) start.addParameter(TypeNames.of(m.owner().asType()), self);
        return start.varargs(m.element().isVarArgs());
    }

    /**
     * {@code Objects.requireNonNull(self, "...")}: an instance method's entry and {@code start}
     * fail on a null receiver, after the call's arguments, as the synchronous call would.
     */
    static CodeBlock receiverCheck(AsyncMethod m, String self) {
        return CodeBlock.of("$T.requireNonNull($L, $S)", java.util.Objects.class, self,
                "the receiver of " + m.owner().getSimpleName() + "." + m.element().getSimpleName() + " is null");
    }

    /** What {@code start} returns: the method's result, unboxed ({@code Void} for void). */
    static TypeName resultType(AsyncMethod m) {
        TypeMirror r = m.element().getReturnType();
        return r.getKind() == TypeKind.VOID ? ClassName.get(Void.class) : TypeNames.of(r);
    }

    /**
     * What a {@code start} returning {@code t} returns when it suspended: a value a result rarely
     * is, so that its caller seldom needs to look at the holder to tell them apart.
     */
    static String sentinel(TypeMirror t) {
        return switch (t.getKind()) {
            case BOOLEAN -> "false";
            case BYTE -> "Byte.MIN_VALUE";
            case SHORT -> "Short.MIN_VALUE";
            case CHAR -> "Character.MAX_VALUE";
            case INT -> "Integer.MIN_VALUE";
            case LONG -> "Long.MIN_VALUE";
            case FLOAT -> "Float.NaN";
            case DOUBLE -> "Double.NaN";
            default -> "null";
        };
    }

    /** The test of an eager call's result {@code called} against the sentinel, before the holder's flag. */
    static String sentinelTest(TypeMirror t, String called) {
        return switch (t.getKind()) {
            case FLOAT, DOUBLE -> ""; // NaN equals nothing: always ask the holder
            case BOOLEAN -> "!" + called + " && ";
            default -> called + " == " + sentinel(t) + " && ";
        };
    }
}
