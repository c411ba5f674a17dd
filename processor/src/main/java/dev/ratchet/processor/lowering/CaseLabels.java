package dev.ratchet.processor.lowering;

import com.sun.source.tree.BindingPatternTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * The labels and guard of a {@code case} as javac 21+ models them ({@code CaseTree.getLabels()},
 * {@code getGuard()}), read reflectively: the processor is compiled for Java 17, whose API has
 * only {@code getExpressions()}. On an older javac every label is a constant or {@code default}.
 */
final class CaseLabels {
    /** One label: a constant expression, {@code default}, a type pattern, or another pattern (unsupported). */
    record Label(Kind kind, Tree tree) {
        enum Kind { CONSTANT, DEFAULT, BINDING, OTHER_PATTERN }
    }

    private CaseLabels() {}

    static List<Label> of(CaseTree c, boolean isDefault) {
        List<Label> out = new ArrayList<>();
        Object labels = call(c, "getLabels");
        if (!(labels instanceof List<?> list)) {
            for (ExpressionTree e : c.getExpressions()) out.add(new Label(Label.Kind.CONSTANT, e));
            if (isDefault) out.add(new Label(Label.Kind.DEFAULT, c));
            return out;
        }
        for (Object o : list) {
            Tree label = (Tree) o;
            if (label instanceof ExpressionTree e) { // javac 17: constant labels are the expressions
                out.add(new Label(Label.Kind.CONSTANT, e));
                continue;
            }
            switch (label.getKind().name()) {
                case "CONSTANT_CASE_LABEL" -> out.add(new Label(Label.Kind.CONSTANT, (Tree) call(label, "getConstantExpression")));
                case "DEFAULT_CASE_LABEL" -> out.add(new Label(Label.Kind.DEFAULT, label));
                case "PATTERN_CASE_LABEL" -> {
                    Tree pattern = (Tree) call(label, "getPattern");
                    out.add(pattern instanceof BindingPatternTree b ? new Label(Label.Kind.BINDING, b)
                            : new Label(Label.Kind.OTHER_PATTERN, pattern));
                }
                default -> out.add(new Label(Label.Kind.OTHER_PATTERN, label));
            }
        }
        return out;
    }

    /** The {@code when} guard of {@code c}, or null. */
    static ExpressionTree guard(CaseTree c) {
        return (ExpressionTree) call(c, "getGuard");
    }

    /** {@code target.name()}, or null if this javac has no such method. */
    private static Object call(Object target, String name) {
        Method m;
        try {
            m = findPublic(target.getClass(), name);
        } catch (NoSuchMethodException e) {
            return null;
        }
        try {
            return m.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + name + " of " + target.getClass().getName(), e);
        }
    }

    /** The method as declared by a public interface of javac's tree API (the tree classes are not exported). */
    private static Method findPublic(Class<?> type, String name) throws NoSuchMethodException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                try {
                    return i.getMethod(name);
                } catch (NoSuchMethodException ignored) {
                    // not this interface
                }
            }
        }
        throw new NoSuchMethodException(name);
    }
}
