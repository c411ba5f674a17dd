package dev.ratchet.processor.lowering;

import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * A variable of the body that the lowering manages: a parameter, a local declared at a level the
 * lowering splits into states, a hidden loop variable or an await's temporary. It becomes a field
 * of the state machine when it is live across a suspension, otherwise a local of {@code resume}.
 * Locals declared inside statements without suspension points stay in those statements.
 */
public final class LocalVar {
    public enum Kind { PARAMETER, LOCAL, HIDDEN, TEMP }

    private final String hint;
    private final TypeMirror type;
    private final VariableElement element;
    private final Kind kind;
    private com.sun.source.tree.Tree declaration;
    private String name;
    private String captureName;
    private boolean field;

    LocalVar(String hint, TypeMirror type, VariableElement element, Kind kind) {
        this.hint = hint;
        this.type = type;
        this.element = element;
        this.kind = kind;
    }

    /** The user's name (or a descriptive one for hidden and temporary variables). */
    public String hint() {
        return hint;
    }

    public TypeMirror type() {
        return type;
    }

    /** The user's variable, or null for hidden and temporary variables. */
    public VariableElement element() {
        return element;
    }

    public Kind kind() {
        return kind;
    }

    /** Where the variable is declared (for error positions), or null for hidden and temporary ones. */
    public com.sun.source.tree.Tree declaration() {
        return declaration;
    }

    void setDeclaration(com.sun.source.tree.Tree tree) {
        declaration = tree;
    }

    /** The name in generated code (the user's name unless it clashes). */
    public String name() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    /** The name of the final copy that lambdas and classes capture. */
    public String captureName() {
        return captureName;
    }

    void setCaptureName(String name) {
        captureName = name;
    }

    /** Whether the variable is live across a suspension, hence a field. */
    public boolean isField() {
        return field;
    }

    void setField(boolean field) {
        this.field = field;
    }

    public boolean isReference() {
        return !type.getKind().isPrimitive();
    }

    @Override
    public String toString() {
        return hint;
    }
}
