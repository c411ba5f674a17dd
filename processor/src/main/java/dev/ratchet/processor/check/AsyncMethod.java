package dev.ratchet.processor.check;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import javax.lang.model.element.ExecutableElement;

/**
 * A method declared in the checked unit that carries {@code @dev.ratchet.Async}.
 *
 * @param path the path to the method declaration
 * @param element the method
 * @param annotation the {@code @Async} annotation as written (where shape errors are reported)
 */
record AsyncMethod(TreePath path, ExecutableElement element, AnnotationTree annotation) {
    MethodTree tree() {
        return (MethodTree) path.getLeaf();
    }
}
