package dev.ratchet.processor.lowering;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * A local class declared at the top level of an {@code @Async} body. Its instances may live across
 * awaits (in fields of the machine), so it cannot stay local to {@code resume}: it becomes an inner
 * class of the state machine, same name, members printed from the user's source. It may refer to
 * the receiver's members (through the machine's {@code self}) and to constants, not to other
 * locals of the body (reported where it does).
 */
public record LocalClass(TypeElement element, List<Member> members) {
    /** A member declared in the class body, in source order. */
    public sealed interface Member permits Field, Method, Initializer {}

    /** A field and its initializer (null if none). */
    public record Field(VariableElement element, Snippet initializer) implements Member {}

    /** A method or constructor; {@code body} is its statements (null if abstract). */
    public record Method(ExecutableElement element, Snippet body, boolean override) implements Member {}

    /** An instance or static initializer block's statements. */
    public record Initializer(boolean isStatic, Snippet body) implements Member {}
}
