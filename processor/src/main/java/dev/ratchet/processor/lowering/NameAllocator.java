package dev.ratchet.processor.lowering;

import java.util.HashSet;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Unique Java names: the user's own names are kept when free, otherwise a number is appended
 * ({@code i}, {@code i2}); keywords are never used.
 */
final class NameAllocator {
    private final Set<String> taken = new HashSet<>();

    NameAllocator(Set<String> reserved) {
        taken.addAll(reserved);
    }

    String newName(String hint) {
        String base = SourceVersion.isIdentifier(hint) && !SourceVersion.isKeyword(hint) ? hint : "v";
        String name = base;
        for (int i = 2; taken.contains(name) || SourceVersion.isKeyword(name); i++) name = base + i;
        taken.add(name);
        return name;
    }

    void reserve(String name) {
        taken.add(name);
    }
}
