package dev.ratchet.processor.check;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Finds {@code @dev.ratchet.Async} on elements (by the annotation's resolved type) and in source
 * modifiers (by the name written there, for positions and for the syntactic pre-scan).
 *
 * <p>Not thread-safe; one instance per checked unit, so the cache never outlives a round's
 * symbols.
 */
final class AsyncAnnotation {
    private final Map<Element, Boolean> cache = new IdentityHashMap<>();

    /** Whether {@code element} carries {@code @dev.ratchet.Async}. */
    boolean isPresentOn(Element element) {
        return cache.computeIfAbsent(element, AsyncAnnotation::carriedBy);
    }

    /** Uncached {@link #isPresentOn}. */
    static boolean carriedBy(Element element) {
        for (AnnotationMirror a : element.getAnnotationMirrors()) {
            Element type = a.getAnnotationType().asElement();
            if (type instanceof TypeElement t && t.getQualifiedName().contentEquals(RatchetNames.ASYNC)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The annotation in {@code modifiers} written as {@code @Async} or {@code @dev.ratchet.Async},
     * or null. Only meaningful once the element is known to carry {@code @dev.ratchet.Async}.
     */
    static AnnotationTree findIn(ModifiersTree modifiers) {
        AnnotationTree byName = null;
        for (AnnotationTree a : modifiers.getAnnotations()) {
            Tree type = a.getAnnotationType();
            if (type.toString().equals(RatchetNames.ASYNC)) {
                return a;
            }
            if (byName == null && isNamedAsync(type)) {
                byName = a;
            }
        }
        return byName;
    }

    /** Whether an annotation type as written could be {@code dev.ratchet.Async} (pre-scan). */
    static boolean isNamedAsync(Tree annotationType) {
        if (annotationType instanceof IdentifierTree id) {
            return id.getName().contentEquals(RatchetNames.ASYNC_SIMPLE_NAME);
        }
        return annotationType instanceof MemberSelectTree select
                && select.getIdentifier().contentEquals(RatchetNames.ASYNC_SIMPLE_NAME);
    }
}
