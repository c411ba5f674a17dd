package dev.ratchet.processor.check;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Rule: no method overrides an {@code @Async} method. A call of an {@code @Async} method compiles
 * to its companion's static entry, bound at compile time to the declaring class's body, so an
 * override (whether {@code @Async} itself or not) would silently never run.
 *
 * <p>Runs on every class of every unit, so it is built to be cheap: the {@code @Async} methods a
 * type declares are cached per type (most supertypes — {@code Object}, JDK interfaces — declare
 * none), and a class's own methods are only compared when some supertype declares one.
 */
final class AsyncOverrideCheck implements Check {
    /**
     * Instance {@code @Async} methods declared directly in a type read from a class file. Source
     * types are not cached: javac re-enters their members each round, so their method elements
     * would go stale; they are few and cheap to rescan.
     */
    private final Map<TypeElement, List<ExecutableElement>> declaredInClassFiles = new HashMap<>();

    @Override
    public void run(UnitFacts facts, CheckContext cx) {
        for (TreePath classPath : facts.classes()) {
            if (cx.elementAt(classPath) instanceof TypeElement type) {
                List<ExecutableElement> inherited = inheritedAsync(type, cx);
                if (!inherited.isEmpty()) {
                    checkMembers(classPath, type, inherited, cx);
                }
            }
        }
    }

    private void checkMembers(TreePath classPath, TypeElement type, List<ExecutableElement> inherited, CheckContext cx) {
        for (Tree member : ((ClassTree) classPath.getLeaf()).getMembers()) {
            if (!(member instanceof MethodTree)
                    || !(cx.elementAt(new TreePath(classPath, member)) instanceof ExecutableElement method)
                    || method.getKind() != ElementKind.METHOD
                    || method.getModifiers().contains(Modifier.STATIC)) {
                continue;
            }
            for (ExecutableElement overridden : inherited) {
                if (overridden.getSimpleName().contentEquals(method.getSimpleName())
                        && cx.elements.overrides(method, overridden, type)) {
                    TypeElement owner = (TypeElement) overridden.getEnclosingElement();
                    cx.report(
                            CheckMessages.ASYNC_OVERRIDE,
                            CheckMessages.asyncOverride(
                                    RatchetNames.nestedName(owner) + "." + EntryCalls.callee(overridden),
                                    EntryCalls.entryCall(overridden, EntryCalls.standIn(owner))),
                            member);
                    if (cx.async.isPresentOn(method)) {
                        cx.invalidate(method);
                    }
                    break;
                }
            }
        }
    }

    /** Every instance {@code @Async} method declared in a proper supertype of {@code type}. */
    private List<ExecutableElement> inheritedAsync(TypeElement type, CheckContext cx) {
        List<ExecutableElement> found = new ArrayList<>();
        Set<Element> seen = new HashSet<>();
        collectFromSupertypes(type.asType(), cx, seen, found);
        return found;
    }

    private void collectFromSupertypes(TypeMirror type, CheckContext cx, Set<Element> seen, List<ExecutableElement> found) {
        for (TypeMirror supertype : cx.types.directSupertypes(type)) {
            if (supertype instanceof DeclaredType declared
                    && declared.asElement() instanceof TypeElement element
                    && seen.add(element)) {
                found.addAll(cx.trees.getTree(element) != null
                        ? instanceAsyncMethodsOf(element)
                        : declaredInClassFiles.computeIfAbsent(element, AsyncOverrideCheck::instanceAsyncMethodsOf));
                collectFromSupertypes(supertype, cx, seen, found);
            }
        }
    }

    private static List<ExecutableElement> instanceAsyncMethodsOf(TypeElement type) {
        List<ExecutableElement> methods = new ArrayList<>();
        for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (!m.getModifiers().contains(Modifier.STATIC)
                    && !m.getModifiers().contains(Modifier.PRIVATE)
                    && AsyncAnnotation.carriedBy(m)) {
                methods.add(m);
            }
        }
        return methods.isEmpty() ? List.of() : List.copyOf(methods);
    }
}
