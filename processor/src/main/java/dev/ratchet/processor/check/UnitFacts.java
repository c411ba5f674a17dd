package dev.ratchet.processor.check;

import com.sun.source.util.TreePath;
import java.util.List;

/**
 * What the checks need from one compilation unit, gathered in one pass.
 *
 * @param asyncMethods the {@code @Async} method declarations, valid or not
 * @param sites every explicit and implicit await, wherever it is
 * @param classes every class declaration whose methods may override an {@code @Async} method
 */
record UnitFacts(List<AsyncMethod> asyncMethods, List<SuspensionSite> sites, List<TreePath> classes) {
    UnitFacts {
        asyncMethods = List.copyOf(asyncMethods);
        sites = List.copyOf(sites);
        classes = List.copyOf(classes);
    }
}
