package dev.ratchet.processor.check;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Spells, for messages, how an {@code @Async} method is reached through its companion: {@code
 * CheckoutAsync.buy(checkout, ...)}, with the receiver the user wrote when there is a short one.
 */
final class EntryCalls {
    private static final int MAX_RECEIVER_LENGTH = 40;

    private EntryCalls() {}

    /** {@code buy(...)}, or {@code ping()} for a method without parameters. */
    static String callee(ExecutableElement method) {
        return method.getSimpleName() + (method.getParameters().isEmpty() ? "()" : "(...)");
    }

    /** The companion entry call for {@code method}, with {@code receiver} first for an instance method. */
    static String entryCall(ExecutableElement method, String receiver) {
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        StringBuilder call = new StringBuilder(RatchetNames.companionSimpleName(owner))
                .append('.')
                .append(method.getSimpleName())
                .append('(');
        boolean isStatic = method.getModifiers().contains(Modifier.STATIC);
        if (!isStatic) {
            call.append(receiver);
        }
        if (!method.getParameters().isEmpty()) {
            call.append(isStatic ? "..." : ", ...");
        }
        return call.append(')').toString();
    }

    /** The entry call matching the call or method reference at {@code site}. */
    static String entryCallFor(CheckContext cx, SuspensionSite site) {
        return entryCall(site.callee(), receiverAt(cx, site.path(), site.callee()));
    }

    /** The receiver as written at a call or reference, or a readable stand-in. */
    private static String receiverAt(CheckContext cx, TreePath path, ExecutableElement method) {
        ExpressionTree receiver = null;
        if (path.getLeaf() instanceof MethodInvocationTree call) {
            if (!(call.getMethodSelect() instanceof MemberSelectTree select)) {
                return "this";
            }
            receiver = select.getExpression();
        } else if (path.getLeaf() instanceof MemberReferenceTree reference) {
            receiver = reference.getQualifierExpression();
            if (cx.elementAt(new TreePath(path, receiver)) instanceof TypeElement) {
                receiver = null; // Type::method: the receiver is the reference's first argument
            }
        }
        String text = receiver == null ? "" : receiver.toString();
        if (text.isEmpty() || text.length() > MAX_RECEIVER_LENGTH) {
            return standIn((TypeElement) method.getEnclosingElement());
        }
        return text;
    }

    /** {@code checkout} for {@code Checkout}. */
    static String standIn(TypeElement owner) {
        String name = owner.getSimpleName().toString();
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
