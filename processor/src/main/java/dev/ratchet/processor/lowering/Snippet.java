package dev.ratchet.processor.lowering;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * A piece of generated Java source made of the user's text and symbolic parts that codegen
 * resolves: type references (imported properly), variables (named after allocation), the
 * receiver, companion classes and state transitions. Never a raw string of Java built by hand.
 */
public final class Snippet {
    /** A part of a snippet. */
    public sealed interface Part permits Text, TypeRef, TypeUse, VarRef, CaptureRef, SelfRef, CompanionRef, Jump, PendingRef {}

    /** Verbatim source text. */
    public record Text(String text) implements Part {}

    /** A named class (codegen imports it). */
    public record TypeRef(TypeElement type) implements Part {}

    /** A type as javac computed it. */
    public record TypeUse(TypeMirror type) implements Part {}

    /** A variable managed by the lowering. */
    public record VarRef(LocalVar var) implements Part {}

    /**
     * A managed variable read inside a lambda or class body: it reads a final copy made right
     * before the statement, since the variable itself may change or be cleared later.
     */
    public record CaptureRef(LocalVar var) implements Part {}

    /** The receiver of the {@code @Async} method ({@code this} in the user's code). */
    public record SelfRef() implements Part {}

    /** The companion class of {@code type} (for implicit awaits). */
    public record CompanionRef(TypeElement type) implements Part {}

    /** The exception pending in a finally's completion record (try-with-resources closing). */
    public record PendingRef(TryRegion region) implements Part {}

    /**
     * A transition to another state, as a statement. {@code arrives} is false when the jump sits
     * in the block or a catch of a try (kept in the snippet) whose finally cannot complete
     * normally: javac then sees no way out through it (JLS 14.22).
     */
    public record Jump(Transition transition, boolean arrives) implements Part {}

    private final List<Part> parts;

    private Snippet(List<Part> parts) {
        this.parts = Collections.unmodifiableList(parts);
    }

    public List<Part> parts() {
        return parts;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Snippet text(String text) {
        return builder().text(text).build();
    }

    /** Builds a snippet part by part; adjacent text is merged. */
    public static final class Builder {
        private final List<Part> parts = new ArrayList<>();

        public Builder text(String s) {
            if (s.isEmpty()) return this;
            if (!parts.isEmpty() && parts.get(parts.size() - 1) instanceof Text t) {
                parts.set(parts.size() - 1, new Text(t.text() + s));
            } else {
                parts.add(new Text(s));
            }
            return this;
        }

        public Builder add(Part p) {
            if (p instanceof Text t) return text(t.text());
            parts.add(p);
            return this;
        }

        public Builder add(Snippet s) {
            s.parts.forEach(this::add);
            return this;
        }

        public Snippet build() {
            return new Snippet(new ArrayList<>(parts));
        }
    }
}
