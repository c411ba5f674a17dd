package dev.ratchet.processor.analysis;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * The value of a constant expression (JLS 15.29), as javac computes it: what decides whether
 * {@code if (DEBUG && x > 0)} or {@code while (true ? !true : true)} has a dead side (javac
 * compiles no code for it) and whether a loop can end (JLS 14.22). The lowering must agree with
 * javac exactly: a dead side kept as states would be compiled where the synchronous method had
 * no code at all (and javac 17 miscompiles some dead expressions into unverifiable bytecode:
 * fuzzer findings), and a disagreement on reachability is a compile error in generated code.
 *
 * <p>Covers every form of 15.29: literals of primitive types and {@code String}; casts to them;
 * unary {@code + - ~ !}; {@code * / % + - << >> >>> < <= > >= == != & ^ | && || ?:};
 * parentheses; simple names of constant variables and {@code TypeName.Identifier}. Arithmetic
 * follows the JLS promotions; an integer division by zero is not a constant (javac evaluates
 * it at run time).
 */
public final class ConstantExpressions {
    private final BodyIndex index;

    public ConstantExpressions(BodyIndex index) {
        this.index = index;
    }

    /**
     * The value of {@code t} (a boxed primitive or a {@code String}) if it is a constant
     * expression, else null.
     */
    public Object value(ExpressionTree t) {
        return switch (t.getKind()) {
            case PARENTHESIZED -> value(((ParenthesizedTree) t).getExpression());
            case INT_LITERAL, LONG_LITERAL, FLOAT_LITERAL, DOUBLE_LITERAL, BOOLEAN_LITERAL, CHAR_LITERAL, STRING_LITERAL ->
                    ((LiteralTree) t).getValue();
            case IDENTIFIER -> constantVariable(t);
            case MEMBER_SELECT -> index.element(((MemberSelectTree) t).getExpression()) instanceof TypeElement
                    ? constantVariable(t) : null; // TypeName.Identifier only, not expr.Identifier
            case TYPE_CAST -> cast((TypeCastTree) t);
            case UNARY_PLUS, UNARY_MINUS, BITWISE_COMPLEMENT, LOGICAL_COMPLEMENT -> unary(t.getKind(), value(((UnaryTree) t).getExpression()));
            case CONDITIONAL_EXPRESSION -> conditional((ConditionalExpressionTree) t);
            case MULTIPLY, DIVIDE, REMAINDER, PLUS, MINUS, LEFT_SHIFT, RIGHT_SHIFT, UNSIGNED_RIGHT_SHIFT, LESS_THAN,
                    GREATER_THAN, LESS_THAN_EQUAL, GREATER_THAN_EQUAL, EQUAL_TO, NOT_EQUAL_TO, AND, XOR, OR,
                    CONDITIONAL_AND, CONDITIONAL_OR -> binary((BinaryTree) t);
            default -> null;
        };
    }

    private Object constantVariable(ExpressionTree t) {
        Element e = index.element(t);
        return e instanceof VariableElement v ? v.getConstantValue() : null;
    }

    private Object cast(TypeCastTree c) {
        Object v = value(c.getExpression());
        if (v == null) return null;
        Tree type = c.getType();
        if (type instanceof PrimitiveTypeTree p) return convert(v, p.getPrimitiveTypeKind().name());
        boolean toString = (type instanceof IdentifierTree id && id.getName().contentEquals("String"))
                || (type instanceof MemberSelectTree ms && ms.toString().equals("java.lang.String"));
        return toString && v instanceof String ? v : null;
    }

    /** A primitive cast of a constant (JLS 5.5); booleans convert only to boolean. */
    private static Object convert(Object v, String to) {
        if (v instanceof Boolean) return to.equals("BOOLEAN") ? v : null;
        if (!(v instanceof Number || v instanceof Character)) return null;
        if (to.equals("BOOLEAN")) return null;
        if (v instanceof Character ch) v = (int) ch;
        Number n = (Number) v;
        boolean integral = n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
        return switch (to) {
            case "BYTE" -> integral ? (byte) n.longValue() : (byte) toInt(n);
            case "SHORT" -> integral ? (short) n.longValue() : (short) toInt(n);
            case "CHAR" -> integral ? (char) n.longValue() : (char) toInt(n);
            case "INT" -> integral ? (int) n.longValue() : toInt(n);
            case "LONG" -> integral ? n.longValue() : (long) n.doubleValue();
            case "FLOAT" -> n instanceof Double d ? (float) (double) d : integral ? (float) n.longValue() : n.floatValue();
            case "DOUBLE" -> integral ? (double) n.longValue() : n.doubleValue();
            default -> null;
        };
    }

    /** Floating to int per JLS 5.1.3 (through int, not long, for byte/short/char). */
    private static int toInt(Number floating) {
        return (int) floating.doubleValue();
    }

    private Object conditional(ConditionalExpressionTree c) {
        Object cond = value(c.getCondition());
        Object a = value(c.getTrueExpression());
        Object b = value(c.getFalseExpression());
        if (!(cond instanceof Boolean chosen) || a == null || b == null) return null;
        if (isNumeric(a) && isNumeric(b) && !sameKind(a, b)) {
            // JLS 15.25 gives mixes involving byte, short or char special types (a char and an
            // int constant that fits make a char); rather than guess, such a mix counts as not
            // constant: a dead side then stays compiled, which is safe, where a wrong value would
            // drop a live one.
            if (isSmall(a) || isSmall(b)) return null;
            // Binary numeric promotion of the two operands, applied to the chosen one.
            return convert(chosen ? a : b, promoted(a, b));
        }
        return chosen ? a : b;
    }

    private static boolean isSmall(Object v) {
        return v instanceof Character || v instanceof Short || v instanceof Byte;
    }

    private static boolean sameKind(Object a, Object b) {
        return a.getClass() == b.getClass();
    }

    private static Object unary(Tree.Kind kind, Object v) {
        if (v == null) return null;
        if (kind == Tree.Kind.LOGICAL_COMPLEMENT) return v instanceof Boolean b ? !b : null;
        if (!isNumeric(v)) return null;
        Object p = convert(v, promoted(v, v));
        return switch (kind) {
            case UNARY_PLUS -> p;
            case UNARY_MINUS -> p instanceof Integer i ? (Object) (-i) : p instanceof Long l ? (Object) (-l)
                    : p instanceof Float f ? (Object) (-f) : (Object) (-(Double) p);
            case BITWISE_COMPLEMENT -> p instanceof Integer i ? (Object) (~i) : p instanceof Long l ? (Object) (~l) : null;
            default -> null;
        };
    }

    private Object binary(BinaryTree b) {
        Tree.Kind kind = b.getKind();
        Object l = value(b.getLeftOperand());
        Object r = value(b.getRightOperand());
        if (l == null || r == null) return null;
        if (kind == Tree.Kind.PLUS && (l instanceof String || r instanceof String)) return String.valueOf(l) + r;
        if (l instanceof Boolean x && r instanceof Boolean y) {
            return switch (kind) {
                case CONDITIONAL_AND, AND -> x && y;
                case CONDITIONAL_OR, OR -> x || y;
                case XOR, NOT_EQUAL_TO -> x ^ y;
                case EQUAL_TO -> x.equals(y);
                default -> null;
            };
        }
        if (l instanceof String x && r instanceof String y) {
            // Constant strings are interned: == compares their contents.
            return switch (kind) {
                case EQUAL_TO -> x.equals(y);
                case NOT_EQUAL_TO -> !x.equals(y);
                default -> null;
            };
        }
        if (!isNumeric(l) || !isNumeric(r)) return null;
        if (kind == Tree.Kind.LEFT_SHIFT || kind == Tree.Kind.RIGHT_SHIFT || kind == Tree.Kind.UNSIGNED_RIGHT_SHIFT) {
            return shift(kind, l, r);
        }
        String to = promoted(l, r);
        Object x = convert(l, to);
        Object y = convert(r, to);
        if (to.equals("INT") || to.equals("LONG")) {
            // int arithmetic is long arithmetic narrowed: the low 32 bits of +, -, *, /, % and the
            // bitwise operators agree (MIN_VALUE / -1 included), and comparisons do too.
            Object v = integral(kind, ((Number) x).longValue(), ((Number) y).longValue());
            return v instanceof Long n && to.equals("INT") ? (Object) (int) (long) n : v;
        }
        // Likewise float arithmetic is double arithmetic rounded once to float: a double holds
        // more than twice a float's precision, so that second rounding never changes +, -, *, /,
        // and % is exact.
        Object v = floating(kind, ((Number) x).doubleValue(), ((Number) y).doubleValue());
        return v instanceof Double d && to.equals("FLOAT") ? (Object) (float) (double) d : v;
    }

    private static Object shift(Tree.Kind kind, Object l, Object r) {
        Object x = convert(l, promoted(l, l)); // unary promotion of each operand separately
        Object n = convert(r, promoted(r, r));
        if (!(n instanceof Integer || n instanceof Long)) return null;
        long distance = ((Number) n).longValue();
        if (x instanceof Integer i) {
            return switch (kind) {
                case LEFT_SHIFT -> i << distance;
                case RIGHT_SHIFT -> i >> distance;
                default -> i >>> distance;
            };
        }
        if (x instanceof Long v) {
            return switch (kind) {
                case LEFT_SHIFT -> v << distance;
                case RIGHT_SHIFT -> v >> distance;
                default -> v >>> distance;
            };
        }
        return null;
    }

    /** An integral operation on long values (int operands arrive widened); null if not constant. */
    private static Object integral(Tree.Kind kind, long x, long y) {
        return switch (kind) {
            case MULTIPLY -> x * y;
            case DIVIDE -> y == 0 ? null : x / y;
            case REMAINDER -> y == 0 ? null : x % y;
            case PLUS -> x + y;
            case MINUS -> x - y;
            case AND -> x & y;
            case XOR -> x ^ y;
            case OR -> x | y;
            default -> compare(kind, Long.compare(x, y), x == y);
        };
    }

    /** A floating-point operation on double values (float operands arrive widened). */
    private static Object floating(Tree.Kind kind, double x, double y) {
        return switch (kind) {
            case MULTIPLY -> x * y;
            case DIVIDE -> x / y;
            case REMAINDER -> x % y;
            case PLUS -> x + y;
            case MINUS -> x - y;
            case LESS_THAN -> x < y;
            case GREATER_THAN -> x > y;
            case LESS_THAN_EQUAL -> x <= y;
            case GREATER_THAN_EQUAL -> x >= y;
            case EQUAL_TO -> x == y;
            case NOT_EQUAL_TO -> x != y;
            default -> null;
        };
    }

    /** An integral comparison from {@code compare} (sign) and equality. */
    private static Object compare(Tree.Kind kind, int sign, boolean equal) {
        return switch (kind) {
            case LESS_THAN -> sign < 0;
            case GREATER_THAN -> sign > 0;
            case LESS_THAN_EQUAL -> sign <= 0;
            case GREATER_THAN_EQUAL -> sign >= 0;
            case EQUAL_TO -> equal;
            case NOT_EQUAL_TO -> !equal;
            default -> null;
        };
    }

    private static boolean isNumeric(Object v) {
        return v instanceof Number || v instanceof Character;
    }

    /** Binary numeric promotion (JLS 5.6): the kind both operands convert to. */
    private static String promoted(Object a, Object b) {
        if (a instanceof Double || b instanceof Double) return "DOUBLE";
        if (a instanceof Float || b instanceof Float) return "FLOAT";
        if (a instanceof Long || b instanceof Long) return "LONG";
        return "INT";
    }
}
