package dev.ratchet.processor.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/**
 * Writes javac's types as Java source. Captured wildcards ({@code capture#1 of ? extends T}),
 * which javac infers but Java cannot write, become the wildcard they capture; anonymous and
 * intersection types cannot be written at all ({@link Undenotable}).
 */
final class TypeNames {
    /** Thrown for a type Java source cannot name. */
    static final class Undenotable extends RuntimeException {
        final TypeMirror type;

        Undenotable(TypeMirror type) {
            super(type.toString(), null, false, false);
            this.type = type;
        }
    }

    private TypeNames() {}

    static TypeName of(TypeMirror t) {
        return switch (t.getKind()) {
            case BOOLEAN, BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE, VOID -> TypeName.get(t);
            case ARRAY -> ArrayTypeName.of(of(((ArrayType) t).getComponentType()));
            case TYPEVAR -> isCaptured(t) ? of(((TypeVariable) t).getUpperBound()) : TypeVariableName.get(t.toString());
            case DECLARED -> declared((DeclaredType) t);
            case WILDCARD -> wildcard((WildcardType) t);
            case NULL -> ClassName.OBJECT;
            default -> throw new Undenotable(t);
        };
    }

    /** The boxed form, for casts of awaited values and type arguments. */
    static TypeName boxed(TypeMirror t) {
        TypeName n = of(t);
        return n.isPrimitive() ? n.box() : n;
    }

    private static TypeName declared(DeclaredType d) {
        TypeElement e = (TypeElement) d.asElement();
        if (e.getNestingKind() == NestingKind.ANONYMOUS) throw new Undenotable(d);
        ClassName raw = className(e);
        if (d.getTypeArguments().isEmpty()) {
            if (d.getEnclosingType() instanceof DeclaredType outer && !outer.getTypeArguments().isEmpty()
                    && !e.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)) {
                return ((ParameterizedTypeName) declared(outer)).nestedClass(e.getSimpleName().toString());
            }
            return raw;
        }
        List<TypeName> args = new ArrayList<>();
        for (TypeMirror a : d.getTypeArguments()) args.add(argument(a));
        if (d.getEnclosingType() instanceof DeclaredType outer && !outer.getTypeArguments().isEmpty()
                && !e.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)) {
            return ((ParameterizedTypeName) declared(outer)).nestedClass(e.getSimpleName().toString(), args);
        }
        return ParameterizedTypeName.get(raw, args.toArray(TypeName[]::new));
    }

    /**
     * The name of a class; a local class (one of an {@code @Async} body, hoisted to a member of the
     * state machine, see {@code LocalClass}) is named by its simple name there.
     */
    static ClassName className(TypeElement e) {
        return e.getNestingKind() == NestingKind.LOCAL ? ClassName.get("", e.getSimpleName().toString()) : ClassName.get(e);
    }

    private static TypeName argument(TypeMirror a) {
        if (isCaptured(a)) {
            TypeVariable tv = (TypeVariable) a;
            TypeMirror lower = tv.getLowerBound();
            if (lower != null && lower.getKind() != TypeKind.NULL) return WildcardTypeName.supertypeOf(of(lower));
            TypeName upper = of(tv.getUpperBound());
            return upper.equals(ClassName.OBJECT) ? WildcardTypeName.subtypeOf(Object.class) : WildcardTypeName.subtypeOf(upper);
        }
        return of(a);
    }

    private static TypeName wildcard(WildcardType w) {
        if (w.getSuperBound() != null) return WildcardTypeName.supertypeOf(of(w.getSuperBound()));
        if (w.getExtendsBound() != null) return WildcardTypeName.subtypeOf(of(w.getExtendsBound()));
        return WildcardTypeName.subtypeOf(Object.class);
    }

    private static boolean isCaptured(TypeMirror t) {
        return t.getKind() == TypeKind.TYPEVAR
                && (t.toString().startsWith("capture#")
                        || ((TypeVariable) t).asElement().getSimpleName().toString().contains("captured"));
    }
}
