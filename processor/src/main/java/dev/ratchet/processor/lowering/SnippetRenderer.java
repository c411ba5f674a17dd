package dev.ratchet.processor.lowering;

import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import dev.ratchet.processor.analysis.BodyIndex;
import dev.ratchet.processor.analysis.Completion;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Types;

/**
 * Prints a tree of the user's body as a {@link Snippet}: the user's own source text (formatting
 * and comments kept), with the references that mean something else in the generated class
 * rewritten:
 *
 * <ul>
 *   <li>{@code this}, {@code Owner.this} and unqualified instance members → the receiver
 *       ({@code self.x}; a record's component field → {@code self.x()});
 *   <li>unqualified static members (also statically imported ones) → {@code Owner.x};
 *   <li>type names → type references (codegen imports them);
 *   <li>variables the lowering manages → their (possibly renamed) field or local;
 *   <li>{@code return}, and {@code break}/{@code continue} leaving the tree → state transitions.
 * </ul>
 */
final class SnippetRenderer {
    /** Resolves the jumps that leave a rendered tree. */
    interface Jumps {
        Transition breakOrContinue(Tree jump, String label, boolean isContinue);

        Transition returning(ReturnTree tree, Snippet value);
    }

    /** A rendered tree: the snippet, the managed variables it reads or writes, its jumps. */
    record Rendered(Snippet snippet, Set<LocalVar> uses, List<Transition> jumps, Set<LocalVar> captures, Tree firstCapture) {}

    private final CompilationUnitTree unit;
    private final CharSequence source;
    private final SourcePositions positions;
    private final BodyIndex index;
    private final TypeElement owner;
    private final Types types;
    private final Map<Element, LocalVar> vars;
    private final Jumps jumps;
    private final javax.lang.model.util.Elements elements;
    /** Local constant variables declared where the body is split: their uses print their value. */
    private final Set<Element> constants = new java.util.HashSet<>();
    /** Which finally blocks can complete normally: a jump behind one that cannot never arrives. */
    private final Completion completion;

    SnippetRenderer(CompilationUnitTree unit, CharSequence source, SourcePositions positions, BodyIndex index,
            TypeElement owner, Types types, javax.lang.model.util.Elements elements, Map<Element, LocalVar> vars,
            Completion completion, Jumps jumps) {
        this.elements = elements;
        this.unit = unit;
        this.source = source;
        this.positions = positions;
        this.index = index;
        this.owner = owner;
        this.types = types;
        this.vars = vars;
        this.jumps = jumps;
        this.completion = completion;
    }

    void addConstant(javax.lang.model.element.VariableElement constant) {
        constants.add(constant);
    }

    long start(Tree t) {
        return positions.getStartPosition(unit, t);
    }

    /** Whether {@code t} was written by the user (javac's default constructor was not). */
    boolean isWritten(Tree t) {
        return positions.getEndPosition(unit, t) >= 0;
    }

    long end(Tree t) {
        long end = positions.getEndPosition(unit, t);
        if (end < 0) {
            throw new IllegalStateException("javac keeps no end positions for this compilation: ratchet-processor "
                    + "needs them; compile through the javax.tools API (Maven, Gradle) or pass -Xjcov to javac");
        }
        return end;
    }

    /** The user's text of {@code t}, unchanged. */
    String sourceOf(Tree t) {
        return source.subSequence((int) start(t), (int) end(t)).toString();
    }

    Rendered render(Tree tree) {
        return render(tree, false);
    }

    /** Renders {@code tree}; {@code caseLabel} keeps enum constants unqualified (Java 17 requires it). */
    Rendered render(Tree tree, boolean caseLabel) {
        return render(tree, caseLabel, Map.of());
    }

    /**
     * Renders {@code tree} with the subtrees in {@code overrides} (an identity map) printed as the
     * given snippets: operands the lowering already evaluated (spilled or awaited). The overridden
     * subtrees are not scanned; their uses are the caller's to record.
     */
    Rendered render(Tree tree, Map<Tree, Snippet> overrides) {
        return render(tree, false, overrides);
    }

    /** Renders {@code tree}, a part of the local class {@code enclosing}, as code of that class. */
    Rendered renderIn(Tree tree, ClassTree enclosing) {
        return render(tree, false, Map.of(), enclosing);
    }

    private Rendered render(Tree tree, boolean caseLabel, Map<Tree, Snippet> overrides) {
        return render(tree, caseLabel, overrides, null);
    }

    private Rendered render(Tree tree, boolean caseLabel, Map<Tree, Snippet> overrides, ClassTree enclosing) {
        Collector c = new Collector(tree, caseLabel, overrides);
        if (enclosing != null) c.classes.push(enclosing);
        c.scan(tree, null);
        c.replacements.sort(Comparator.comparingLong(Replacement::start));
        Snippet.Builder b = Snippet.builder();
        long pos = start(tree);
        int column = column(pos);
        for (Replacement r : c.replacements) {
            if (r.start < pos) continue; // nested in an earlier replacement
            b.text(dedent(source.subSequence((int) pos, (int) r.start).toString(), column));
            b.add(r.snippet);
            pos = r.end;
        }
        b.text(dedent(source.subSequence((int) pos, (int) end(tree)).toString(), column));
        return new Rendered(b.build(), c.uses, c.transitions, c.captures, c.firstCapture);
    }

    /** The indentation of the line {@code pos} is on. */
    private int column(long pos) {
        long lineStart = pos;
        while (lineStart > 0 && source.charAt((int) lineStart - 1) != '\n') lineStart--;
        int col = 0;
        while (lineStart + col < pos && source.charAt((int) (lineStart + col)) == ' ') col++;
        return col;
    }

    /** Removes the statement's own indentation from its continuation lines; codegen re-indents. */
    private static String dedent(String text, int column) {
        if (text.indexOf('\n') < 0) return text;
        StringBuilder sb = new StringBuilder();
        String[] lines = text.split("\n", -1);
        sb.append(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int strip = 0;
            while (strip < column && strip < line.length() && line.charAt(strip) == ' ') strip++;
            sb.append('\n').append(line.substring(strip));
        }
        return sb.toString();
    }

    private record Replacement(long start, long end, Snippet snippet) {}

    private final class Collector extends TreeScanner<Void, Void> {
        private final Tree root;
        private final boolean caseLabel;
        final List<Replacement> replacements = new ArrayList<>();
        final Set<LocalVar> uses = new LinkedHashSet<>();
        final List<Transition> transitions = new ArrayList<>();
        final Set<LocalVar> captures = new LinkedHashSet<>();
        Tree firstCapture;
        /** Loops, switches and labels inside the rendered tree: jumps to them stay as written. */
        private final Deque<Tree> inner = new ArrayDeque<>();
        /** Tries of the rendered tree around the current node whose finally cannot complete normally. */
        private int trapped;
        final Deque<ClassTree> classes = new ArrayDeque<>();
        private int lambdas;

        private final Map<Tree, Snippet> overrides;

        Collector(Tree root, boolean caseLabel, Map<Tree, Snippet> overrides) {
            this.root = root;
            this.caseLabel = caseLabel;
            this.overrides = overrides;
        }

        @Override
        public Void scan(Tree tree, Void unused) {
            Snippet evaluated = tree == null ? null : overrides.get(tree);
            if (evaluated != null) {
                replace(tree, evaluated);
                return null;
            }
            return super.scan(tree, unused);
        }

        private void replace(Tree t, Snippet s) {
            replacements.add(new Replacement(start(t), end(t), s));
        }

        private boolean opaque() {
            return lambdas > 0 || !classes.isEmpty();
        }

        @Override
        public Void visitIdentifier(IdentifierTree node, Void unused) {
            Element e = index.element(node);
            String name = node.getName().toString();
            if (name.equals("super")) {
                if (classes.isEmpty()) throw error(LoweringMessages.SUPER_ACCESS.at(unit, node));
                return null;
            }
            if (name.equals("this")) {
                if (classes.isEmpty()) replace(node, Snippet.builder().add(new Snippet.SelfRef()).build());
                return null;
            }
            if (e == null) return null;
            if (constants.contains(e)) {
                Object value = ((javax.lang.model.element.VariableElement) e).getConstantValue();
                String literal = elements.getConstantExpression(value);
                replace(node, Snippet.text(literal.startsWith("-") ? "(" + literal + ")" : literal)); // x-K must not become x--1
                return null;
            }
            LocalVar v = vars.get(e);
            if (v != null) {
                uses.add(v);
                if (opaque()) {
                    captures.add(v);
                    if (firstCapture == null) firstCapture = node;
                    replace(node, Snippet.builder().add(new Snippet.CaptureRef(v)).build());
                } else {
                    replace(node, Snippet.builder().add(new Snippet.VarRef(v)).build());
                }
                return null;
            }
            switch (e.getKind()) {
                case CLASS, INTERFACE, ENUM, RECORD, ANNOTATION_TYPE -> replace(node,
                        Snippet.builder().add(new Snippet.TypeRef((TypeElement) e)).build());
                case FIELD, METHOD, ENUM_CONSTANT -> member(node, e, name);
                default -> {}
            }
            return null;
        }

        private void member(IdentifierTree node, Element e, String name) {
            if (!(e.getEnclosingElement() instanceof TypeElement declaring)) return;
            for (ClassTree c : classes) {
                TypeElement inner = (TypeElement) index.element(c);
                if (inner != null && types.isSubtype(types.erasure(inner.asType()), types.erasure(declaring.asType()))) return;
            }
            if (e.getModifiers().contains(Modifier.STATIC)) {
                if ((caseLabel || caseConstants.contains(node)) && e.getKind() == ElementKind.ENUM_CONSTANT) return;
                replace(node, Snippet.builder().add(new Snippet.TypeRef(declaring)).text("." + name).build());
                return;
            }
            if (!types.isSubtype(types.erasure(owner.asType()), types.erasure(declaring.asType()))) {
                throw error(LoweringMessages.OUTER_INSTANCE.at(unit, node, name));
            }
            Snippet.Builder b = Snippet.builder().add(new Snippet.SelfRef()).text("." + name);
            if (isRecordComponentField(e)) b.text("()");
            replace(node, b.build());
        }

        /** Whether {@code t} is an inner class whose enclosing instance the receiver ({@code this}) is. */
        private boolean innerOfReceiver(TypeElement t) {
            return t.getNestingKind() == javax.lang.model.element.NestingKind.MEMBER
                    && t.getKind() == ElementKind.CLASS
                    && !t.getModifiers().contains(Modifier.STATIC)
                    && t.getEnclosingElement() instanceof TypeElement outer
                    && types.isSubtype(types.erasure(owner.asType()), types.erasure(outer.asType()));
        }

        private boolean isRecordComponentField(Element e) {
            return e.getKind() == ElementKind.FIELD
                    && owner.getKind() == ElementKind.RECORD
                    && e.getEnclosingElement().equals(owner)
                    && owner.getRecordComponents().stream().anyMatch(rc -> rc.getSimpleName().equals(e.getSimpleName()));
        }

        @Override
        public Void visitMemberSelect(MemberSelectTree node, Void unused) {
            String name = node.getIdentifier().toString();
            if (classes.isEmpty() && (name.equals("this") || name.equals("super"))) {
                if (name.equals("super")) throw error(LoweringMessages.SUPER_ACCESS.at(unit, node));
                replace(node, Snippet.builder().add(new Snippet.SelfRef()).build());
                return null;
            }
            if (classes.isEmpty()
                    && node.getExpression() instanceof IdentifierTree id
                    && id.getName().contentEquals("this")
                    && index.element(node) != null
                    && isRecordComponentField(index.element(node))) {
                replace(node, Snippet.builder().add(new Snippet.SelfRef()).text("." + name + "()").build());
                return null;
            }
            if (classes.isEmpty() && index.element(node) != null && isRecordComponentField(index.element(node))) {
                // `other.amount` of another instance of the record: its private field is read
                // through the accessor, as for `this.amount`.
                Snippet receiver = nested(node.getExpression());
                replace(node, Snippet.builder().add(receiver).text("." + name + "()").build());
                return null;
            }
            return super.visitMemberSelect(node, unused);
        }

        @Override
        public Void visitReturn(ReturnTree node, Void unused) {
            if (opaque()) return super.visitReturn(node, unused);
            Snippet value = node.getExpression() == null ? null : nested(node.getExpression());
            Transition t = jumps.returning(node, value);
            transitions.add(t);
            replace(node, Snippet.builder().add(new Snippet.Jump(t, trapped == 0)).build());
            return null;
        }

        /** Renders a subtree with its own collector and merges what it found. */
        private Snippet nested(Tree t) {
            Rendered r = render(t, caseLabel);
            uses.addAll(r.uses());
            transitions.addAll(r.jumps());
            captures.addAll(r.captures());
            if (firstCapture == null) firstCapture = r.firstCapture();
            return r.snippet();
        }

        @Override
        public Void visitBreak(BreakTree node, Void unused) {
            jump(node, node.getLabel() == null ? null : node.getLabel().toString(), false);
            return null;
        }

        @Override
        public Void visitContinue(ContinueTree node, Void unused) {
            jump(node, node.getLabel() == null ? null : node.getLabel().toString(), true);
            return null;
        }

        private void jump(Tree node, String label, boolean isContinue) {
            if (opaque()) return;
            for (Tree t : inner) {
                if (label != null) {
                    if (t instanceof LabeledStatementTree l && l.getLabel().contentEquals(label)) return;
                } else if (isLoop(t) || (!isContinue && (t instanceof SwitchTree))) {
                    return;
                }
            }
            Transition t = jumps.breakOrContinue(node, label, isContinue);
            transitions.add(t);
            replace(node, Snippet.builder().add(new Snippet.Jump(t, trapped == 0)).build());
        }

        private boolean isLoop(Tree t) {
            return t instanceof WhileLoopTree || t instanceof DoWhileLoopTree || t instanceof ForLoopTree
                    || t instanceof EnhancedForLoopTree;
        }

        private Void innerScope(Tree t, java.util.function.Supplier<Void> body) {
            inner.push(t);
            try {
                return body.get();
            } finally {
                inner.pop();
            }
        }

        @Override
        public Void visitWhileLoop(WhileLoopTree node, Void unused) {
            return innerScope(node, () -> super.visitWhileLoop(node, unused));
        }

        @Override
        public Void visitDoWhileLoop(DoWhileLoopTree node, Void unused) {
            return innerScope(node, () -> super.visitDoWhileLoop(node, unused));
        }

        @Override
        public Void visitForLoop(ForLoopTree node, Void unused) {
            return innerScope(node, () -> super.visitForLoop(node, unused));
        }

        @Override
        public Void visitEnhancedForLoop(EnhancedForLoopTree node, Void unused) {
            return innerScope(node, () -> super.visitEnhancedForLoop(node, unused));
        }

        @Override
        public Void visitSwitch(SwitchTree node, Void unused) {
            return innerScope(node, () -> super.visitSwitch(node, unused));
        }

        @Override
        public Void visitSwitchExpression(SwitchExpressionTree node, Void unused) {
            // yield targets the switch expression; a break cannot leave it.
            return innerScope(node, () -> super.visitSwitchExpression(node, unused));
        }

        @Override
        public Void visitLabeledStatement(LabeledStatementTree node, Void unused) {
            return innerScope(node, () -> super.visitLabeledStatement(node, unused));
        }

        /** Case constants of the rendered tree: enum constants there must stay unqualified (Java 17). */
        private final Set<Tree> caseConstants = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

        @Override
        public Void visitCase(CaseTree node, Void unused) {
            caseConstants.addAll(node.getExpressions());
            return super.visitCase(node, unused); // labels, guards (Java 21) and bodies are all rewritten
        }

        @Override
        public Void visitTry(com.sun.source.tree.TryTree node, Void unused) {
            // A jump in the resources, block or catches of a try whose finally cannot complete
            // normally ends in that finally: it arrives nowhere (JLS 14.22).
            boolean traps = node.getFinallyBlock() != null && !completion.canCompleteNormally(node.getFinallyBlock());
            if (traps) trapped++;
            // `try (r)` needs an effectively final variable; a managed one is assigned in several
            // places, so the resource becomes a final copy of it: `try (final R rCaptured = r)`.
            for (Tree resource : node.getResources()) {
                if (!opaque() && resource instanceof IdentifierTree id && vars.get(index.element(id)) != null) {
                    LocalVar v = vars.get(index.element(id));
                    uses.add(v);
                    // javac's end position of a resource that names a variable takes in the `;` that
                    // separates it from the next resource: keep that separator (a fuzzer finding).
                    String written = source.subSequence((int) start(resource), (int) end(resource)).toString().strip();
                    replace(resource, Snippet.builder().text("final ").add(new Snippet.TypeUse(v.type())).text(" ")
                            .add(new Snippet.CaptureRef(v)).text(" = ").add(new Snippet.VarRef(v))
                            .text(written.endsWith(";") ? ";" : "").build());
                } else {
                    scan(resource, null);
                }
            }
            scan(node.getBlock(), null);
            scan(node.getCatches(), null);
            if (traps) trapped--;
            scan(node.getFinallyBlock(), null);
            return null;
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
            lambdas++;
            try {
                return super.visitLambdaExpression(node, unused);
            } finally {
                lambdas--;
            }
        }

        @Override
        public Void visitNewClass(NewClassTree node, Void unused) {
            if (node.getEnclosingExpression() == null && classes.isEmpty() && node.getClassBody() == null
                    && node.getIdentifier() instanceof IdentifierTree id && index.element(id) instanceof TypeElement created
                    && innerOfReceiver(created)) {
                // `new Inner()` of an inner class: its enclosing instance is the receiver.
                replacements.add(new Replacement(start(node), start(node), Snippet.builder().add(new Snippet.SelfRef()).text(".").build()));
                replace(id, Snippet.text(id.getName().toString()));
                scan(node.getTypeArguments(), null);
                scan(node.getArguments(), null);
                return null;
            }
            scan(node.getEnclosingExpression(), null);
            scan(node.getIdentifier(), null);
            scan(node.getTypeArguments(), null);
            scan(node.getArguments(), null);
            scan(node.getClassBody(), null);
            return null;
        }

        @Override
        public Void visitClass(ClassTree node, Void unused) {
            classes.push(node);
            try {
                return super.visitClass(node, unused);
            } finally {
                classes.pop();
            }
        }
    }

    private static LoweringException error(dev.ratchet.processor.diagnostics.Diagnostic d) {
        return new LoweringException(d);
    }
}
