package dev.ratchet.processor.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * Names of the generated classes: {@code p.Checkout} gets the companion {@code p.CheckoutAsync},
 * a nested {@code p.Outer.Inner} gets {@code p.Outer_InnerAsync}; state machines that must be
 * generated a round later live in {@code p.CheckoutAsyncMachines}.
 */
public final class CompanionNames {
    private CompanionNames() {}

    public static String packageName(TypeElement type) {
        Element e = type;
        while (e.getKind() != ElementKind.PACKAGE) e = e.getEnclosingElement();
        return ((PackageElement) e).getQualifiedName().toString();
    }

    /** {@code Outer_InnerAsync}. */
    public static String companionSimpleName(TypeElement type) {
        return String.join("_", simpleNames(type)) + "Async";
    }

    /** {@code Outer_InnerAsyncMachines}. */
    public static String machinesSimpleName(TypeElement type) {
        return companionSimpleName(type) + "Machines";
    }

    /** The simple names from the top-level class down to {@code type}. */
    public static List<String> simpleNames(TypeElement type) {
        List<String> names = new ArrayList<>();
        Element e = type;
        while (e instanceof TypeElement t) {
            names.add(t.getSimpleName().toString());
            e = t.getEnclosingElement();
        }
        Collections.reverse(names);
        return names;
    }
}
