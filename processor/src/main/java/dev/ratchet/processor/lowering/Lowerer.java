package dev.ratchet.processor.lowering;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import dev.ratchet.processor.analysis.BodyIndex;
import dev.ratchet.processor.analysis.Completion;
import dev.ratchet.processor.analysis.Suspension;
import dev.ratchet.processor.model.AsyncMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.UnionType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Lowers one {@code @Async} body into a {@link StateGraph}, one visit per construct.
 *
 * <p>A statement without a suspension point is kept as the user wrote it (a {@link Snippet}).
 * A statement with one is split: awaits end a block and start the block that resumes them;
 * branches, loops, switches and try statements become edges between blocks; jumps that cross
 * a split {@code finally} go through it with a completion record (Facebook regenerator's
 * try-entry scheme). Locals declared at the split level are managed {@link LocalVar}s:
 * declarations become assignments, and the planner decides field or local.
 */
public final class Lowerer {
    private final AsyncMethod method;
    private final BodyIndex index;
    private final Types types;
    private final Elements elements;
    private final Completion completion;
    private final Trees trees;
    private final SnippetRenderer renderer;
    private final Map<Element, LocalVar> vars = new HashMap<>();
    private final List<LocalVar> allVars = new ArrayList<>();
    private final List<Block> blocks = new ArrayList<>();
    private final List<TryRegion> regions = new ArrayList<>();
    private final List<LocalClass> localClasses = new ArrayList<>();
    private final JumpScopes jumps = new JumpScopes();
    private TryRegion.Handler handler;
    private Block current;

    public Lowerer(AsyncMethod method, BodyIndex index, Trees trees, Types types, Elements elements) {
        this.method = method;
        this.index = index;
        this.types = types;
        this.elements = elements;
        this.completion = new Completion(index);
        this.trees = trees;
        CharSequence source;
        try {
            source = method.unit().getSourceFile().getCharContent(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.renderer = new SnippetRenderer(method.unit(), source, trees.getSourcePositions(), index, method.owner(),
                types, elements, vars, completion, new SnippetRenderer.Jumps() {
                    @Override
                    public Transition breakOrContinue(Tree jump, String label, boolean isContinue) {
                        return jumps.jump(label, isContinue);
                    }

                    @Override
                    public Transition returning(ReturnTree tree, Snippet value) {
                        return jumps.returning(value);
                    }
                });
    }

    /** Lowers the body; throws {@link LoweringException} for a construct it cannot lower right. */
    public StateGraph lower() {
        for (VariableTree p : method.tree().getParameters()) {
            VariableElement e = (VariableElement) index.element(p);
            if (e == null) e = method.element().getParameters().get(method.tree().getParameters().indexOf(p));
            declare(e, p.getName().toString(), e.asType(), LocalVar.Kind.PARAMETER).setDeclaration(p);
        }
        Block entry = newBlock("START", line(method.tree()), "");
        current = entry;
        lowerStatement(method.tree().getBody());
        if (current != null) {
            if (method.element().getReturnType().getKind() == TypeKind.VOID) {
                current.terminate(new Block.Jump(jumps.returning(null)));
            } else {
                // javac proved the end unreachable; our graph may not know the loop that made it so.
                code(Snippet.text("throw new AssertionError(\"unreachable\");"), Set.of(), Set.of(), List.of());
                current.terminate(new Block.Stop());
            }
            current = null;
        }
        return new StateGraph(method, entry, blocks, allVars, regions, localClasses);
    }

    // ---- statements ----

    private void lowerStatement(StatementTree s) {
        if (current == null) current = newBlock("UNREACHABLE", line(s), ""); // dead code javac allowed (dropped later)
        if (s instanceof BlockTree b) {
            // Flattened: its locals become managed variables, its statements print one by one.
            b.getStatements().forEach(this::lowerStatement);
            return;
        }
        if (!index.suspends(s) && !(s instanceof IfTree i && bindingEscapes(i))) {
            simple(s);
            return;
        }
        switch (s.getKind()) {
            case BLOCK -> ((BlockTree) s).getStatements().forEach(this::lowerStatement);
            case VARIABLE -> variable((VariableTree) s);
            case EXPRESSION_STATEMENT -> expressionStatement(((ExpressionStatementTree) s).getExpression(), s);
            case IF -> ifStatement((IfTree) s);
            case WHILE_LOOP -> whileLoop((WhileLoopTree) s, null);
            case DO_WHILE_LOOP -> doWhileLoop((DoWhileLoopTree) s, null);
            case FOR_LOOP -> forLoop((ForLoopTree) s, null);
            case ENHANCED_FOR_LOOP -> enhancedFor((EnhancedForLoopTree) s, null);
            case LABELED_STATEMENT -> labeled((LabeledStatementTree) s);
            case SWITCH -> switchStatement((SwitchTree) s);
            case TRY -> tryStatement((TryTree) s);
            case RETURN -> returnStatement((ReturnTree) s);
            case THROW -> throwStatement((ThrowTree) s);
            default -> throw nestedAwait(s);
        }
    }

    /** A statement without suspension points: kept as written. */
    private void simple(StatementTree s) {
        switch (s.getKind()) {
            case VARIABLE -> {
                variable((VariableTree) s);
                return;
            }
            case CLASS -> {
                localClasses.add(localClass((com.sun.source.tree.ClassTree) s));
                return;
            }
            case RECORD, ENUM, INTERFACE -> throw new LoweringException(
                    LoweringMessages.LOCAL_CLASS.at(method.unit(), s));
            case RETURN -> {
                returnStatement((ReturnTree) s);
                return;
            }
            case BREAK -> {
                BreakTree b = (BreakTree) s;
                jumpTerminator(jumps.jump(b.getLabel() == null ? null : b.getLabel().toString(), false));
                return;
            }
            case CONTINUE -> {
                ContinueTree c = (ContinueTree) s;
                jumpTerminator(jumps.jump(c.getLabel() == null ? null : c.getLabel().toString(), true));
                return;
            }
            case EXPRESSION_STATEMENT -> {
                ExpressionTree e = ((ExpressionStatementTree) s).getExpression();
                if (e instanceof AssignmentTree a && managed(a.getVariable()) != null) {
                    assign(managed(a.getVariable()), a.getExpression());
                    return;
                }
            }
            default -> {}
        }
        SnippetRenderer.Rendered r = renderer.render(s);
        code(withCaptures(r.snippet(), r.captures()), r.uses(), Set.of(), r.jumps());
        if (!completion.emitsCodeAfter(s)) {
            current.terminate(new Block.Stop());
            current = null;
        }
    }

    /** A local class hoisted to a member of the machine (see {@link LocalClass}). */
    private LocalClass localClass(com.sun.source.tree.ClassTree c) {
        TypeElement element = (TypeElement) index.element(c);
        if (element == null) throw new LoweringException(LoweringMessages.LOCAL_CLASS.at(method.unit(), c));
        List<LocalClass.Member> members = new ArrayList<>();
        for (Tree m : c.getMembers()) {
            if (!renderer.isWritten(m)) continue; // the default constructor javac added: JavaPoet's is the same
            if (m instanceof VariableTree f) {
                Snippet init = f.getInitializer() == null ? null : classPart(f.getInitializer(), c);
                VariableElement fe = (VariableElement) index.element(f);
                if (fe == null) fe = (VariableElement) trees.getElement(com.sun.source.util.TreePath.getPath(method.unit(), f));
                members.add(new LocalClass.Field(fe, init));
            } else if (m instanceof com.sun.source.tree.MethodTree mt) {
                ExecutableElement e = (ExecutableElement) index.element(mt);
                if (e == null) e = (ExecutableElement) trees.getElement(com.sun.source.util.TreePath.getPath(method.unit(), mt));
                if (e == null) throw new LoweringException(LoweringMessages.LOCAL_CLASS_SHAPE.at(method.unit(), m, "this member"));
                boolean override = mt.getModifiers().getAnnotations().stream()
                        .anyMatch(a -> renderer.sourceOf(a.getAnnotationType()).equals("Override"));
                members.add(new LocalClass.Method(e, mt.getBody() == null ? null : statements(mt.getBody(), c), override));
            } else if (m instanceof BlockTree b) {
                members.add(new LocalClass.Initializer(b.isStatic(), statements(b, c)));
            } else {
                throw new LoweringException(LoweringMessages.LOCAL_CLASS_SHAPE.at(method.unit(), m, "a nested type"));
            }
        }
        return new LocalClass(element, members);
    }

    private Snippet statements(BlockTree b, com.sun.source.tree.ClassTree c) {
        Snippet.Builder out = Snippet.builder();
        for (StatementTree st : b.getStatements()) {
            if (renderer.isWritten(st)) out.add(classPart(st, c)).text("\n"); // not javac's implicit super()
        }
        return out.build();
    }

    /** Renders part of a local class; a managed local read inside it is a compile error. */
    private Snippet classPart(Tree t, com.sun.source.tree.ClassTree c) {
        SnippetRenderer.Rendered r = renderer.renderIn(t, c);
        if (!r.captures().isEmpty()) {
            throw new LoweringException(LoweringMessages.LOCAL_CLASS_CAPTURE.at(method.unit(), r.firstCapture(),
                    r.captures().iterator().next().hint()));
        }
        return r.snippet();
    }

    private void variable(VariableTree v) {
        VariableElement e = (VariableElement) index.element(v);
        if (e.getConstantValue() != null) {
            // A constant variable (final, constant initializer) stays a constant: its uses become
            // its value, so `case K:` and constant-folding keep working; nothing to store.
            renderer.addConstant(e);
            return;
        }
        LocalVar var = declare(e, v.getName().toString(), e.asType(), LocalVar.Kind.LOCAL);
        var.setDeclaration(v);
        ExpressionTree init = v.getInitializer();
        if (init == null) return;
        Suspension s = direct(init);
        if (s != null) {
            await(s, var, v);
        } else {
            assign(var, init);
        }
    }

    /** {@code var = init;} for a managed variable (array initializers get their {@code new T[]}). */
    private void assign(LocalVar var, ExpressionTree init) {
        SnippetRenderer.Rendered r;
        if (index.suspends(init)) {
            Value v = value(init);
            r = new SnippetRenderer.Rendered(v.snippet(), v.uses(), List.of(), v.captures(), null);
        } else {
            r = renderer.render(init);
        }
        Snippet.Builder b = Snippet.builder().add(new Snippet.VarRef(var)).text(" = ");
        if (init instanceof NewArrayTree n && n.getType() == null && n.getDimensions().isEmpty()) {
            b.text("new ").add(new Snippet.TypeUse(var.type()));
        }
        b.add(r.snippet()).text(";");
        code(withCaptures(b.build(), r.captures()), r.uses(), Set.of(var), r.jumps());
    }

    /**
     * Wraps a statement whose lambdas or classes capture managed variables in a block that first
     * copies them into final locals: each lambda keeps the value of its own iteration, as in
     * synchronous code, and clearing a dead field cannot affect it.
     */
    private Snippet withCaptures(Snippet statement, Set<LocalVar> captures) {
        if (captures.isEmpty()) return statement;
        Snippet.Builder b = Snippet.builder().text("{\n");
        for (LocalVar v : captures) {
            b.text("    final ").add(new Snippet.TypeUse(v.type())).text(" ").add(new Snippet.CaptureRef(v)).text(" = ")
                    .add(new Snippet.VarRef(v)).text(";\n");
        }
        b.text("    ");
        for (Snippet.Part p : statement.parts()) {
            if (p instanceof Snippet.Text t) b.text(t.text().replace("\n", "\n    "));
            else b.add(p);
        }
        return b.text("\n}").build();
    }

    private void expressionStatement(ExpressionTree e, Tree at) {
        Suspension s = direct(e);
        if (s != null) {
            await(s, null, at);
            return;
        }
        if (e instanceof AssignmentTree a && direct(a.getExpression()) != null && managed(a.getVariable()) != null) {
            await(direct(a.getExpression()), managed(a.getVariable()), at);
            return;
        }
        statementOf(e);
    }

    private void ifStatement(IfTree s) {
        Block then = newBlock("THEN", line(s.getThenStatement()), "");
        Block after = newBlock("AFTER_IF", endLine(s), "");
        Block otherwise = s.getElseStatement() == null ? after : newBlock("ELSE", line(s.getElseStatement()), "");
        branch(s.getCondition(), then, otherwise, s);
        current = then;
        lowerStatement(s.getThenStatement());
        gotoIfOpen(after);
        if (s.getElseStatement() != null) {
            current = otherwise;
            lowerStatement(s.getElseStatement());
            gotoIfOpen(after);
        }
        current = after;
    }

    private void whileLoop(WhileLoopTree s, String label) {
        Block head = newBlock("LOOP", line(s), "while " + renderer.sourceOf(s.getCondition()));
        boolean forever = completion.isConstantTrue(s.getCondition());
        // A constant-true loop's head only passes on to the body: the body is the loop state.
        Block body = newBlock(forever ? "LOOP" : "LOOP_BODY", line(s.getStatement()), forever ? head.comment() : "");
        Block exit = newBlock("AFTER_LOOP", endLine(s), "");
        gotoIfOpen(head);
        current = head;
        if (completion.isConstantTrue(s.getCondition())) {
            gotoIfOpen(body);
        } else {
            branch(s.getCondition(), body, exit, s);
        }
        loopBody(s, label, s.getStatement(), body, exit, head);
        current = exit;
    }

    private void doWhileLoop(DoWhileLoopTree s, String label) {
        Block body = newBlock("LOOP", line(s), "do");
        Block condition = newBlock("LOOP_CONDITION", line(s.getCondition()), "while " + renderer.sourceOf(s.getCondition()));
        Block exit = newBlock("AFTER_LOOP", endLine(s), "");
        gotoIfOpen(body);
        loopBody(s, label, s.getStatement(), body, exit, condition);
        current = condition;
        if (completion.isConstantTrue(s.getCondition())) {
            gotoIfOpen(body);
        } else {
            branch(s.getCondition(), body, exit, s);
        }
        current = exit;
    }

    private void forLoop(ForLoopTree s, String label) {
        for (StatementTree init : s.getInitializer()) {
            if (init instanceof ExpressionStatementTree e) headerStatement(e);
            else lowerStatement(init);
        }
        Block head = newBlock("LOOP", line(s), "for (...; " + (s.getCondition() == null ? "" : renderer.sourceOf(s.getCondition())) + "; ...)");
        boolean forever = s.getCondition() == null || completion.isConstantTrue(s.getCondition());
        Block body = newBlock(forever ? "LOOP" : "LOOP_BODY", line(s.getStatement()), forever ? head.comment() : "");
        Block update = newBlock("LOOP_UPDATE", line(s), "");
        Block exit = newBlock("AFTER_LOOP", endLine(s), "");
        gotoIfOpen(head);
        current = head;
        if (s.getCondition() == null || completion.isConstantTrue(s.getCondition())) {
            gotoIfOpen(body);
        } else {
            branch(s.getCondition(), body, exit, s);
        }
        loopBody(s, label, s.getStatement(), body, exit, update);
        current = update;
        for (ExpressionStatementTree u : s.getUpdate()) headerStatement(u);
        gotoIfOpen(head);
        current = exit;
    }

    /** An expression statement of a for header: its source has no semicolon. */
    private void headerStatement(ExpressionStatementTree s) {
        ExpressionTree e = s.getExpression();
        if (index.suspends(e)) {
            expressionStatement(e, s);
        } else if (e instanceof AssignmentTree a && managed(a.getVariable()) != null) {
            assign(managed(a.getVariable()), a.getExpression());
        } else {
            SnippetRenderer.Rendered r = renderer.render(e);
            code(withCaptures(Snippet.builder().add(r.snippet()).text(";").build(), r.captures()), r.uses(), Set.of(),
                    r.jumps());
        }
    }

    /**
     * {@code for (T x : e)} as JLS 14.14.2 defines it: over an array with a hidden array and index,
     * over an {@code Iterable} with a hidden iterator.
     */
    private void enhancedFor(EnhancedForLoopTree s, String label) {
        ExpressionTree expr = s.getExpression();
        TypeMirror exprType = index.type(expr);
        Snippet source;
        Set<LocalVar> sourceUses;
        Value v = valueWithoutCaptures(expr);
        source = v.snippet();
        sourceUses = v.uses();
        VariableTree vt = s.getVariable();
        VariableElement ve = (VariableElement) index.element(vt);
        LocalVar x = declare(ve, vt.getName().toString(), ve.asType(), LocalVar.Kind.LOCAL);
        x.setDeclaration(vt);
        String comment = "for (" + renderer.sourceOf(vt) + " : " + renderer.sourceOf(expr) + ")";
        Block head = newBlock("LOOP", line(s), comment);
        Block body = newBlock("LOOP_BODY", line(s.getStatement()), "");
        Block update = newBlock("LOOP_UPDATE", line(s), "");
        Block exit = newBlock("AFTER_LOOP", endLine(s), "");
        if (exprType.getKind() == TypeKind.ARRAY) {
            LocalVar array = hidden(x.hint() + "Array", exprType);
            LocalVar i = hidden(x.hint() + "Index", types.getPrimitiveType(TypeKind.INT));
            code(Snippet.builder().add(new Snippet.VarRef(array)).text(" = ").add(source).text(";").build(), sourceUses,
                    Set.of(array), List.of());
            code(Snippet.builder().add(new Snippet.VarRef(i)).text(" = 0;").build(), Set.of(), Set.of(i), List.of());
            gotoIfOpen(head);
            current = head;
            current.terminate(new Block.Branch(Snippet.builder().add(new Snippet.VarRef(i)).text(" < ")
                    .add(new Snippet.VarRef(array)).text(".length").build(), Set.of(i, array), body, exit));
            current = body;
            code(Snippet.builder().add(new Snippet.VarRef(x)).text(" = ").add(new Snippet.VarRef(array)).text("[")
                    .add(new Snippet.VarRef(i)).text("];").build(), Set.of(i, array), Set.of(x), List.of());
            loopBody(s, label, s.getStatement(), null, exit, update);
            current = update;
            code(Snippet.builder().add(new Snippet.VarRef(i)).text("++;").build(), Set.of(i), Set.of(), List.of());
        } else {
            TypeMirror iteratorType = iteratorType(exprType, x.type());
            LocalVar it = hidden(x.hint() + "Iterator", iteratorType);
            TypeMirror next = iteratorType instanceof DeclaredType d && d.getTypeArguments().size() == 1
                    ? d.getTypeArguments().get(0) : null;
            boolean needsCast = next == null || next.getKind() == TypeKind.WILDCARD || !types.isAssignable(next, x.type());
            code(Snippet.builder().add(new Snippet.VarRef(it)).text(" = ").add(source).text(".iterator();").build(),
                    sourceUses, Set.of(it), List.of());
            gotoIfOpen(head);
            current = head;
            current.terminate(new Block.Branch(Snippet.builder().add(new Snippet.VarRef(it)).text(".hasNext()").build(),
                    Set.of(it), body, exit));
            current = body;
            Snippet.Builder assignNext = Snippet.builder().add(new Snippet.VarRef(x)).text(" = ");
            if (needsCast) assignNext.text("(").add(new Snippet.TypeUse(x.type())).text(") ");
            code(assignNext.add(new Snippet.VarRef(it)).text(".next();").build(), Set.of(it), Set.of(x), List.of());
            loopBody(s, label, s.getStatement(), null, exit, update);
            current = update;
        }
        gotoIfOpen(head);
        current = exit;
    }

    /** The exact {@code Iterator<E>} of an {@code Iterable} type, from its {@code iterator()} method. */
    private TypeMirror iteratorType(TypeMirror iterable, TypeMirror elementType) {
        TypeMirror t = iterable;
        if (t instanceof TypeVariable tv) t = tv.getUpperBound();
        TypeElement iterableElement = elements.getTypeElement("java.lang.Iterable");
        ExecutableElement iterator = ElementFilter.methodsIn(iterableElement.getEnclosedElements()).stream()
                .filter(m -> m.getSimpleName().contentEquals("iterator")).findFirst().orElseThrow();
        if (t instanceof DeclaredType d) {
            try {
                return ((ExecutableType) types.asMemberOf(d, iterator)).getReturnType();
            } catch (IllegalArgumentException notAMember) {
                // fall through to the general form
            }
        }
        TypeElement iteratorElement = elements.getTypeElement("java.util.Iterator");
        TypeMirror boxed = elementType.getKind().isPrimitive() ? types.boxedClass((javax.lang.model.type.PrimitiveType) elementType).asType() : elementType;
        return types.getDeclaredType(iteratorElement, types.getWildcardType(boxed, null));
    }

    /** Lowers a loop body; {@code body} null means the current block already is the body. */
    private void loopBody(Tree loop, String label, StatementTree statement, Block body, Block exit, Block continueTo) {
        if (body != null) current = body;
        jumps.enterLoop(label, exit, continueTo);
        lowerStatement(statement);
        jumps.exitScope();
        gotoIfOpen(continueTo);
    }

    private void labeled(LabeledStatementTree s) {
        String label = s.getLabel().toString();
        StatementTree inner = s.getStatement();
        switch (inner.getKind()) {
            case WHILE_LOOP -> whileLoop((WhileLoopTree) inner, label);
            case DO_WHILE_LOOP -> doWhileLoop((DoWhileLoopTree) inner, label);
            case FOR_LOOP -> forLoop((ForLoopTree) inner, label);
            case ENHANCED_FOR_LOOP -> enhancedFor((EnhancedForLoopTree) inner, label);
            default -> {
                Block after = newBlock("AFTER_" + label.toUpperCase(Locale.ROOT), endLine(s), "");
                jumps.enterLabeled(label, after);
                lowerStatement(inner);
                jumps.exitScope();
                gotoIfOpen(after);
                current = after;
            }
        }
    }

    private void switchStatement(SwitchTree s) {
        if (s.getCases().stream().anyMatch(this::needsPatternLowering)) {
            patternSwitch(s);
            return;
        }
        ExpressionTree selectorTree = s.getExpression();
        if (selectorTree instanceof ParenthesizedTree p) selectorTree = p.getExpression();
        Snippet selector;
        Set<LocalVar> uses;
        Value v = valueWithoutCaptures(selectorTree);
        selector = v.snippet();
        uses = v.uses();
        Block exit = newBlock("AFTER_SWITCH", endLine(s), "");
        List<Block.SwitchCase> cases = new ArrayList<>();
        List<Block> bodies = new ArrayList<>();
        boolean hasDefault = false;
        for (CaseTree c : s.getCases()) {
            boolean isDefault = renderer.sourceOf(c).startsWith("default");
            if (c.getExpressions().isEmpty() && !isDefault) {
                throw new LoweringException(LoweringMessages.UNSUPPORTED_SWITCH.at(method.unit(), c));
            }
            hasDefault |= isDefault;
            List<Snippet> labels = new ArrayList<>();
            for (ExpressionTree e : c.getExpressions()) {
                SnippetRenderer.Rendered r = renderer.render(e, true);
                labels.add(r.snippet());
            }
            Block body = newBlock(isDefault ? "DEFAULT" : "CASE", line(c), "");
            bodies.add(body);
            cases.add(new Block.SwitchCase(labels, body));
        }
        current.terminate(new Block.Switch(selector, uses, cases, hasDefault ? null : exit));
        current = null;
        jumps.enterSwitch(exit);
        for (int i = 0; i < s.getCases().size(); i++) {
            CaseTree c = s.getCases().get(i);
            current = bodies.get(i);
            if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
                Tree body = c.getBody();
                if (body instanceof StatementTree st) {
                    lowerStatement(st);
                } else if (index.suspends(body)) {
                    expressionStatement((ExpressionTree) body, body);
                } else {
                    SnippetRenderer.Rendered r = renderer.render(body);
                    code(withCaptures(Snippet.builder().add(r.snippet()).text(";").build(), r.captures()), r.uses(), Set.of(),
                            r.jumps());
                }
                gotoIfOpen(exit);
            } else {
                c.getStatements().forEach(this::lowerStatement);
                gotoIfOpen(i + 1 < bodies.size() ? bodies.get(i + 1) : exit); // fall through
            }
        }
        jumps.exitScope();
        current = exit;
    }

    /** A case with a type pattern, {@code null} or a guard: matched by tests in order, not by a Java switch. */
    private boolean needsPatternLowering(CaseTree c) {
        if (CaseLabels.guard(c) != null) return true;
        for (CaseLabels.Label l : CaseLabels.of(c, false)) {
            if (l.kind() == CaseLabels.Label.Kind.BINDING || l.kind() == CaseLabels.Label.Kind.OTHER_PATTERN) return true;
            if (l.kind() == CaseLabels.Label.Kind.CONSTANT && l.tree().getKind() == Tree.Kind.NULL_LITERAL) return true;
        }
        return false;
    }

    /**
     * A pattern switch statement (Java 21) whose cases await, lowered as its semantics: the selector
     * is evaluated once; each case in order tests its labels ({@code instanceof} for a type pattern,
     * binding the pattern variable, a managed local; {@code ==}/{@code equals} for constants), then
     * its guard; {@code default} last; no match throws {@code MatchException} (a class changed since
     * compilation). Arrow cases with type patterns only; record patterns stay an error.
     */
    private void patternSwitch(SwitchTree s) {
        ExpressionTree selectorTree = s.getExpression();
        while (selectorTree instanceof ParenthesizedTree p) selectorTree = p.getExpression();
        TypeMirror selectorType = index.type(selectorTree);
        Value selector = spill(value(selectorTree), selectorType, selectorTree);
        CaseTree defaultCase = null;
        boolean nullCase = false;
        for (CaseTree c : s.getCases()) {
            if (c.getCaseKind() != CaseTree.CaseKind.RULE) throw new LoweringException(LoweringMessages.UNSUPPORTED_SWITCH.at(method.unit(), c));
            for (CaseLabels.Label l : CaseLabels.of(c, renderer.sourceOf(c).startsWith("default"))) {
                if (l.kind() == CaseLabels.Label.Kind.OTHER_PATTERN) {
                    throw new LoweringException(LoweringMessages.UNSUPPORTED_SWITCH.at(method.unit(), l.tree()));
                }
                nullCase |= l.kind() == CaseLabels.Label.Kind.CONSTANT && l.tree().getKind() == Tree.Kind.NULL_LITERAL;
            }
        }
        if (!nullCase) {
            // As the synchronous switch: a null selector throws before any case is tested.
            code(Snippet.builder().add(new Snippet.TypeRef(elements.getTypeElement("java.util.Objects"))).text(".requireNonNull(")
                    .add(selector.snippet()).text(");").build(), selector.uses(), Set.of(), List.of());
        }
        Block exit = newBlock("AFTER_SWITCH", endLine(s), "");
        jumps.enterSwitch(exit);
        List<CaseTree> ordered = new ArrayList<>();
        for (CaseTree c : s.getCases()) {
            if (CaseLabels.of(c, renderer.sourceOf(c).startsWith("default")).stream()
                    .anyMatch(l -> l.kind() == CaseLabels.Label.Kind.DEFAULT)) {
                defaultCase = c;
            } else {
                ordered.add(c);
            }
        }
        if (defaultCase != null) ordered.add(defaultCase);
        for (CaseTree c : ordered) {
            Block body = newBlock("CASE", line(c), renderer.sourceOf(c).lines().findFirst().orElse(""));
            Block next = newBlock("NEXT_CASE", line(c), "");
            List<CaseLabels.Label> labels = CaseLabels.of(c, c == defaultCase);
            boolean matchesAll = labels.stream().anyMatch(l -> l.kind() == CaseLabels.Label.Kind.DEFAULT);
            Block matched = newBlock("MATCHED", line(c), "");
            if (matchesAll) {
                gotoIfOpen(matched);
            } else {
                for (int i = 0; i < labels.size(); i++) {
                    CaseLabels.Label l = labels.get(i);
                    Block orElse = i + 1 < labels.size() ? newBlock("NEXT_LABEL", line(c), "") : next;
                    Snippet.Builder test = Snippet.builder();
                    Block onMatch = matched;
                    if (l.kind() == CaseLabels.Label.Kind.BINDING) {
                        VariableTree vt = ((com.sun.source.tree.BindingPatternTree) l.tree()).getVariable();
                        VariableElement ve = (VariableElement) index.element(vt);
                        TypeMirror bound = ve.asType();
                        test.add(selector.snippet()).text(" instanceof ").add(new Snippet.TypeUse(types.erasure(bound)));
                        LocalVar binding = declare(ve, vt.getName().toString(), bound, LocalVar.Kind.LOCAL);
                        binding.setDeclaration(vt);
                        onMatch = newBlock("BIND", line(c), "");
                        current.terminate(new Block.Branch(test.build(), selector.uses(), onMatch, orElse));
                        current = onMatch;
                        code(Snippet.builder().add(new Snippet.VarRef(binding)).text(" = (").add(new Snippet.TypeUse(bound))
                                .text(") ").add(selector.snippet()).text(";").build(), selector.uses(), Set.of(binding), List.of());
                        gotoIfOpen(matched);
                    } else if (l.tree().getKind() == Tree.Kind.NULL_LITERAL) {
                        current.terminate(new Block.Branch(Snippet.builder().add(selector.snippet()).text(" == null").build(),
                                selector.uses(), matched, orElse));
                    } else {
                        SnippetRenderer.Rendered r = renderer.render(l.tree());
                        Snippet constant = r.snippet();
                        Snippet cond = selectorType.getKind().isPrimitive() || types.asElement(selectorType) != null
                                && types.asElement(selectorType).getKind() == javax.lang.model.element.ElementKind.ENUM
                                ? Snippet.builder().add(selector.snippet()).text(" == ").add(constant).build()
                                : Snippet.builder().add(selector.snippet()).text(".equals(").add(constant).text(")").build();
                        current.terminate(new Block.Branch(cond, union(selector.uses(), r.uses()), matched, orElse));
                    }
                    current = orElse;
                }
            }
            current = matched;
            ExpressionTree guard = CaseLabels.guard(c);
            if (guard != null) {
                branch(guard, body, next, c);
            } else {
                gotoIfOpen(body);
            }
            current = body;
            Tree b = c.getBody();
            if (b instanceof StatementTree st) {
                lowerStatement(st);
            } else {
                statementOf((ExpressionTree) b);
            }
            gotoIfOpen(exit);
            current = next;
        }
        code(Snippet.text("throw new MatchException(null, null);"), Set.of(), Set.of(), List.of());
        current.terminate(new Block.Stop());
        current = null;
        jumps.exitScope();
        current = exit;
    }

    private void tryStatement(TryTree s) {
        if (!s.getCatches().isEmpty() || s.getFinallyBlock() != null) {
            TryRegion region = new TryRegion(line(s), handler);
            regions.add(region);
            Block after = newBlock("AFTER_TRY", endLine(s), "");
            boolean hasFinally = s.getFinallyBlock() != null;
            TryRegion.Handler outer = handler;
            if (hasFinally) {
                handler = outer;
                region.setFinallyEntry(newBlock("FINALLY", line(s.getFinallyBlock()), "finally"));
            }
            if (!s.getCatches().isEmpty()) {
                handler = hasFinally ? new TryRegion.Handler(region, true) : outer;
                region.setCatchEntry(newBlock("CATCH", line(s.getCatches().get(0)), "catch"));
            }
            // try part
            handler = new TryRegion.Handler(region, s.getCatches().isEmpty());
            if (hasFinally) jumps.enterFinallyScope(region);
            enterNewBlock("TRY", line(s), "try");
            tryWithResources(s.getResources(), s.getBlock(), line(s));
            leaveTryPart(region, hasFinally, after);
            // catch part
            if (!s.getCatches().isEmpty()) {
                handler = hasFinally ? new TryRegion.Handler(region, true) : outer;
                List<Block.CatchClause> clauses = new ArrayList<>();
                List<Block> bodies = new ArrayList<>();
                for (CatchTree c : s.getCatches()) {
                    VariableTree p = c.getParameter();
                    VariableElement pe = (VariableElement) index.element(p);
                    List<TypeMirror> alternatives = new ArrayList<>();
                    TypeMirror type = pe.asType();
                    if (type instanceof UnionType u) {
                        alternatives.addAll(u.getAlternatives());
                        type = lub(u.getAlternatives());
                    } else if (p.getType() instanceof UnionTypeTree ut) {
                        for (Tree alt : ut.getTypeAlternatives()) alternatives.add(index.type(alt) != null ? index.type(alt) : type);
                        type = lub(alternatives);
                    } else {
                        alternatives.add(type);
                    }
                    LocalVar param = declare(pe, p.getName().toString(), type, LocalVar.Kind.LOCAL);
                    param.setDeclaration(p);
                    Block body = newBlock("CATCH_BODY", line(c), "catch (" + renderer.sourceOf(p) + ")");
                    bodies.add(body);
                    clauses.add(new Block.CatchClause(alternatives, param, body));
                }
                region.catchEntry().terminate(new Block.CatchDispatch(clauses));
                for (int i = 0; i < bodies.size(); i++) {
                    current = bodies.get(i);
                    lowerStatement(s.getCatches().get(i).getBlock());
                    leaveTryPart(region, hasFinally, after);
                }
            }
            if (hasFinally) jumps.exitFinallyScope();
            // finally part
            handler = outer;
            if (hasFinally) {
                current = region.finallyEntry();
                lowerStatement(s.getFinallyBlock());
                if (current != null) {
                    current.terminate(new Block.EndFinally(region));
                    current = null;
                }
            }
            current = after;
        } else {
            tryWithResources(s.getResources(), s.getBlock(), line(s));
        }
    }

    /** Ends the try or a catch part of {@code region}: through its finally, or straight on. */
    private void leaveTryPart(TryRegion region, boolean hasFinally, Block after) {
        if (current == null) return;
        if (hasFinally) {
            jumpTerminator(jumps.leaving(region, after));
        } else {
            gotoIfOpen(after);
        }
    }

    /**
     * {@code try (R r = init; ...) body} as JLS 14.20.3.1 defines it: the resource is closed in a
     * finally, and a close failure during an exception is added to it as suppressed.
     */
    private void tryWithResources(List<? extends Tree> resources, BlockTree body, int line) {
        if (resources.isEmpty()) {
            lowerStatement(body);
            return;
        }
        Tree resource = resources.get(0);
        LocalVar r;
        if (resource instanceof VariableTree v) {
            variable(v);
            r = vars.get(index.element(v));
        } else {
            ExpressionTree e = (ExpressionTree) resource;
            r = hidden("resource", index.type(e));
            assign(r, e);
        }
        TryRegion region = new TryRegion(line(resource), handler);
        regions.add(region);
        TryRegion.Handler outer = handler;
        Block after = newBlock("AFTER_TRY", line, "");
        region.setFinallyEntry(newBlock("CLOSE", line(resource), "close " + r.hint()));
        handler = new TryRegion.Handler(region, true);
        jumps.enterFinallyScope(region);
        enterNewBlock("TRY", line(resource), "try (" + renderer.sourceOf(resource).replaceAll(";\\s*$", "") + ")");
        tryWithResources(resources.subList(1, resources.size()), body, line);
        leaveTryPart(region, true, after);
        jumps.exitFinallyScope();
        handler = outer;
        current = region.finallyEntry();
        Snippet.Part rv = new Snippet.VarRef(r);
        Snippet.Part pending = new Snippet.PendingRef(region);
        code(Snippet.builder()
                .text("if (").add(rv).text(" != null) {\n")
                .text("    if (").add(pending).text(" != null) {\n")
                .text("        try {\n")
                .text("            ").add(rv).text(".close();\n")
                .text("        } catch (Throwable suppressed) {\n")
                .text("            ").add(pending).text(".addSuppressed(suppressed);\n")
                .text("        }\n")
                .text("    } else {\n")
                .text("        ").add(rv).text(".close();\n")
                .text("    }\n")
                .text("}").build(), Set.of(r), Set.of(), List.of());
        current.terminate(new Block.EndFinally(region));
        current = after;
    }

    private void returnStatement(ReturnTree s) {
        ExpressionTree e = s.getExpression();
        Snippet value = null;
        if (e != null) {
            if (!index.suspends(e)) {
                // Kept as written (it may contain jumps: a switch expression's return is not one).
                SnippetRenderer.Rendered r = renderer.render(e);
                Value v = r.captures().isEmpty() ? Value.of(r) : spill(Value.of(r), method.element().getReturnType(), e);
                value = v.snippet();
                current.code().add(new Block.Code(Snippet.text(""), v.uses(), Set.of(), r.captures().isEmpty() ? r.jumps() : List.of()));
            } else {
                Value v = value(e);
                if (!v.captures().isEmpty()) v = spill(v, method.element().getReturnType(), e);
                value = v.snippet();
                current.code().add(new Block.Code(Snippet.text(""), v.uses(), Set.of(), List.of()));
            }
        }
        jumpTerminator(jumps.returning(value));
    }

    private void throwStatement(ThrowTree s) {
        Value v = value(s.getExpression());
        code(withCaptures(Snippet.builder().text("throw ").add(v.snippet()).text(";").build(), v.captures()), v.uses(),
                Set.of(), List.of());
        current.terminate(new Block.Stop());
        current = null;
    }


    // ---- expressions with awaits inside (ANF: operands evaluated before a suspension are spilled) ----

    /** An expression lowered so far: printable in the current block, reading {@code uses}. */
    private record Value(Snippet snippet, Set<LocalVar> uses, Set<LocalVar> captures) {
        static Value of(SnippetRenderer.Rendered r) {
            return new Value(r.snippet(), r.uses(), r.captures());
        }

        static Value ref(LocalVar v) {
            return new Value(Snippet.builder().add(new Snippet.VarRef(v)).build(), Set.of(v), Set.of());
        }
    }

    /**
     * Lowers {@code e} so that every operand is evaluated in JLS order: the awaits inside it end
     * blocks, and each operand evaluated before a later suspension is stored in a temporary first
     * (it must not be evaluated again, nor after the suspension). An expression without awaits is
     * returned as the user wrote it.
     */
    private Value value(ExpressionTree e) {
        if (!index.suspends(e)) {
            SnippetRenderer.Rendered r = renderer.render(e);
            if (!r.jumps().isEmpty()) throw nestedAwait(e);
            return Value.of(r);
        }
        Suspension s = index.suspension(e);
        if (s != null) {
            LocalVar temp = temp(s);
            await(s, temp, e);
            return Value.ref(temp);
        }
        return switch (e.getKind()) {
            case PARENTHESIZED -> {
                Value inner = value(((ParenthesizedTree) e).getExpression());
                yield new Value(Snippet.builder().text("(").add(inner.snippet()).text(")").build(), inner.uses(),
                        inner.captures());
            }
            case CONDITIONAL_AND, CONDITIONAL_OR -> shortCircuit((com.sun.source.tree.BinaryTree) e);
            case CONDITIONAL_EXPRESSION -> conditional((com.sun.source.tree.ConditionalExpressionTree) e);
            case MULTIPLY_ASSIGNMENT, DIVIDE_ASSIGNMENT, REMAINDER_ASSIGNMENT, PLUS_ASSIGNMENT, MINUS_ASSIGNMENT,
                    LEFT_SHIFT_ASSIGNMENT, RIGHT_SHIFT_ASSIGNMENT, UNSIGNED_RIGHT_SHIFT_ASSIGNMENT, AND_ASSIGNMENT,
                    XOR_ASSIGNMENT, OR_ASSIGNMENT -> compoundAssignment((com.sun.source.tree.CompoundAssignmentTree) e);
            case SWITCH_EXPRESSION -> switchExpression((com.sun.source.tree.SwitchExpressionTree) e);
            default -> operands(e);
        };
    }

    /**
     * A switch expression whose cases await: a switch on the (lowered) selector whose cases assign
     * the chosen value to a temporary and continue after it. Arrow cases only, with an expression,
     * a {@code throw} or a block whose only {@code yield} is its last statement; patterns and
     * guards stay errors.
     */
    private Value switchExpression(com.sun.source.tree.SwitchExpressionTree e) {
        boolean casesSuspend = e.getCases().stream().anyMatch(index::suspends);
        if (!casesSuspend) return firstLowered(e.getExpression(), e);
        for (CaseTree c : e.getCases()) {
            boolean isDefault = renderer.sourceOf(c).startsWith("default");
            if (c.getCaseKind() != CaseTree.CaseKind.RULE || (c.getExpressions().isEmpty() && !isDefault)) {
                throw new LoweringException(LoweringMessages.SWITCH_EXPRESSION.at(method.unit(), c));
            }
            if (c.getBody() instanceof BlockTree b && innerYields(b) > (endsWithYield(b) ? 1 : 0)) {
                throw new LoweringException(LoweringMessages.SWITCH_EXPRESSION.at(method.unit(), c));
            }
        }
        TypeMirror type = index.type(e);
        if (type.getKind() == TypeKind.INTERSECTION) type = types.erasure(type);
        LocalVar result = hidden("switched", type);
        result.setDeclaration(e);
        ExpressionTree selectorTree = e.getExpression();
        while (selectorTree instanceof ParenthesizedTree p) selectorTree = p.getExpression();
        Value selector = valueWithoutCaptures(selectorTree);
        Block exit = newBlock("AFTER_SWITCH", endLine(e), "");
        List<Block.SwitchCase> cases = new ArrayList<>();
        List<Block> bodies = new ArrayList<>();
        boolean hasDefault = false;
        for (CaseTree c : e.getCases()) {
            boolean isDefault = renderer.sourceOf(c).startsWith("default");
            hasDefault |= isDefault;
            List<Snippet> labels = new ArrayList<>();
            for (ExpressionTree l : c.getExpressions()) labels.add(renderer.render(l, true).snippet());
            Block body = newBlock(isDefault ? "DEFAULT" : "CASE", line(c), "");
            bodies.add(body);
            cases.add(new Block.SwitchCase(labels, body));
        }
        // An exhaustive enum switch without default: a constant added later matches nothing.
        Block noMatch = hasDefault ? null : newBlock("NO_MATCH", line(e), "");
        current.terminate(new Block.Switch(selector.snippet(), selector.uses(), cases, noMatch));
        if (noMatch != null) {
            current = noMatch;
            code(Snippet.text("throw new IncompatibleClassChangeError(\"no case of the switch expression matched\");"), Set.of(),
                    Set.of(), List.of());
            current.terminate(new Block.Stop());
        }
        for (int i = 0; i < e.getCases().size(); i++) {
            Tree body = e.getCases().get(i).getBody();
            current = bodies.get(i);
            ExpressionTree chosen = null;
            if (body instanceof ExpressionTree x) {
                chosen = x;
            } else if (body instanceof BlockTree b) {
                List<? extends StatementTree> statements = b.getStatements();
                int n = endsWithYield(b) ? statements.size() - 1 : statements.size();
                for (int k = 0; k < n && current != null; k++) lowerStatement(statements.get(k));
                if (n < statements.size() && current != null) chosen = ((com.sun.source.tree.YieldTree) statements.get(n)).getValue();
            } else {
                lowerStatement((StatementTree) body);
            }
            if (chosen != null && current != null) {
                Value v = value(chosen);
                code(withCaptures(Snippet.builder().add(new Snippet.VarRef(result)).text(" = ").add(v.snippet()).text(";").build(),
                        v.captures()), v.uses(), Set.of(result), List.of());
            }
            gotoIfOpen(exit);
        }
        current = exit;
        return Value.ref(result);
    }

    private static boolean endsWithYield(BlockTree b) {
        return !b.getStatements().isEmpty() && b.getStatements().get(b.getStatements().size() - 1) instanceof com.sun.source.tree.YieldTree;
    }

    /** The yields of {@code b} that belong to the enclosing switch expression (not to nested ones). */
    private static int innerYields(BlockTree b) {
        int[] count = {0};
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitYield(com.sun.source.tree.YieldTree node, Void unused) {
                count[0]++;
                return null;
            }

            @Override
            public Void visitSwitchExpression(com.sun.source.tree.SwitchExpressionTree node, Void unused) {
                return null;
            }

            @Override
            public Void visitLambdaExpression(com.sun.source.tree.LambdaExpressionTree node, Void unused) {
                return null;
            }

            @Override
            public Void visitClass(com.sun.source.tree.ClassTree node, Void unused) {
                return null;
            }
        }.scan(b, null);
        return count[0];
    }

    /** {@link #value}, stored in a temporary first if a lambda or class in it captures managed locals. */
    private Value valueWithoutCaptures(ExpressionTree e) {
        Value v = value(e);
        return v.captures().isEmpty() ? v : spill(v, index.type(e), e);
    }

    /**
     * An expression whose operands are evaluated left to right before the operation itself (JLS
     * 15.7): each operand is lowered; one evaluated before a later operand that suspends is spilled.
     */
    private Value operands(ExpressionTree e) {
        List<ExpressionTree> ops = operandsOf(e);
        if (ops == null) throw nestedAwait(e);
        rejectPatternBindings(e);
        Map<Tree, Snippet> overrides = new java.util.IdentityHashMap<>();
        Set<LocalVar> uses = new LinkedHashSet<>();
        Set<LocalVar> captures = new LinkedHashSet<>();
        for (int i = 0; i < ops.size(); i++) {
            ExpressionTree op = ops.get(i);
            List<ExpressionTree> later = ops.subList(i + 1, ops.size());
            Value v = value(op);
            if (later.stream().anyMatch(index::suspends) && !stable(op, later)) v = spill(v, index.type(op), op);
            overrides.put(op, v.snippet());
            uses.addAll(v.uses());
            captures.addAll(v.captures());
        }
        SnippetRenderer.Rendered r = renderer.render(e, overrides);
        if (!r.jumps().isEmpty()) throw nestedAwait(e);
        return new Value(r.snippet(), union(uses, r.uses()), union(captures, r.captures()));
    }

    /** The operands of {@code e} in evaluation order, or null for a form that cannot be split. */
    private List<ExpressionTree> operandsOf(ExpressionTree e) {
        List<ExpressionTree> ops = new ArrayList<>();
        switch (e.getKind()) {
            case METHOD_INVOCATION -> {
                MethodInvocationTree m = (MethodInvocationTree) e;
                if (m.getMethodSelect() instanceof MemberSelectTree ms && isValue(ms.getExpression())) ops.add(ms.getExpression());
                ops.addAll(m.getArguments());
            }
            case NEW_CLASS -> {
                com.sun.source.tree.NewClassTree n = (com.sun.source.tree.NewClassTree) e;
                if (n.getClassBody() != null && index.suspends(n.getClassBody())) return null;
                if (n.getEnclosingExpression() != null) ops.add(n.getEnclosingExpression());
                ops.addAll(n.getArguments());
            }
            case NEW_ARRAY -> {
                NewArrayTree n = (NewArrayTree) e;
                ops.addAll(n.getDimensions());
                if (n.getInitializers() != null) ops.addAll(n.getInitializers());
            }
            case ARRAY_ACCESS, MEMBER_SELECT, IDENTIFIER -> {
                List<ExpressionTree> v = variableOperands(e);
                if (v == null) return null;
                ops.addAll(v);
            }
            case TYPE_CAST -> ops.add(((com.sun.source.tree.TypeCastTree) e).getExpression());
            case INSTANCE_OF -> ops.add(((com.sun.source.tree.InstanceOfTree) e).getExpression());
            case UNARY_PLUS, UNARY_MINUS, BITWISE_COMPLEMENT, LOGICAL_COMPLEMENT ->
                    ops.add(((com.sun.source.tree.UnaryTree) e).getExpression());
            case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> {
                List<ExpressionTree> v = variableOperands(((com.sun.source.tree.UnaryTree) e).getExpression());
                if (v == null) return null;
                ops.addAll(v);
            }
            case ASSIGNMENT -> {
                AssignmentTree a = (AssignmentTree) e;
                List<ExpressionTree> v = variableOperands(a.getVariable());
                if (v == null) return null;
                ops.addAll(v);
                ops.add(a.getExpression());
            }
            case MULTIPLY, DIVIDE, REMAINDER, PLUS, MINUS, LEFT_SHIFT, RIGHT_SHIFT, UNSIGNED_RIGHT_SHIFT, LESS_THAN,
                    GREATER_THAN, LESS_THAN_EQUAL, GREATER_THAN_EQUAL, EQUAL_TO, NOT_EQUAL_TO, AND, XOR, OR -> {
                com.sun.source.tree.BinaryTree b = (com.sun.source.tree.BinaryTree) e;
                ops.add(b.getLeftOperand());
                ops.add(b.getRightOperand());
            }
            default -> {
                return null;
            }
        }
        return ops;
    }

    /**
     * The operands evaluated to find the variable {@code v} denotes (JLS 15.26.1): an array access's
     * array and index, a field access's object; none for a local or an unqualified field.
     */
    private List<ExpressionTree> variableOperands(ExpressionTree v) {
        while (v instanceof ParenthesizedTree p) v = p.getExpression();
        if (v instanceof IdentifierTree) return List.of();
        if (v instanceof com.sun.source.tree.ArrayAccessTree a) return List.of(a.getExpression(), a.getIndex());
        if (v instanceof MemberSelectTree m) return isValue(m.getExpression()) ? List.of(m.getExpression()) : List.of();
        return null;
    }

    /** Whether {@code e} is evaluated to a value (not a type or package name, nor {@code super}). */
    private boolean isValue(ExpressionTree e) {
        if (e instanceof IdentifierTree id && id.getName().contentEquals("super")) return false;
        Element el = index.element(e);
        return !(el instanceof TypeElement) && !(el instanceof javax.lang.model.element.PackageElement);
    }

    /**
     * Whether evaluating {@code op} after {@code later} gives the same value as before it: a
     * literal, a constant, {@code this}, or a managed local that {@code later} does not assign.
     * (Fields are not: another task may change them while this one is suspended.)
     */
    private boolean stable(ExpressionTree op, List<ExpressionTree> later) {
        while (op instanceof ParenthesizedTree p) op = p.getExpression();
        if (op instanceof com.sun.source.tree.LiteralTree) return true;
        if (!(op instanceof IdentifierTree id)) return false;
        if (id.getName().contentEquals("this")) return true;
        Element e = index.element(id);
        if (e instanceof VariableElement ve && ve.getConstantValue() != null) return true;
        if (e == null || !vars.containsKey(e)) return false;
        boolean[] assigned = {false};
        TreeScanner<Void, Void> assigns = new TreeScanner<>() {
            private void target(ExpressionTree t) {
                while (t instanceof ParenthesizedTree p) t = p.getExpression();
                if (t instanceof IdentifierTree i && e.equals(index.element(i))) assigned[0] = true;
            }

            @Override
            public Void visitAssignment(AssignmentTree node, Void unused) {
                target(node.getVariable());
                return super.visitAssignment(node, unused);
            }

            @Override
            public Void visitCompoundAssignment(com.sun.source.tree.CompoundAssignmentTree node, Void unused) {
                target(node.getVariable());
                return super.visitCompoundAssignment(node, unused);
            }

            @Override
            public Void visitUnary(com.sun.source.tree.UnaryTree node, Void unused) {
                target(node.getExpression());
                return super.visitUnary(node, unused);
            }
        };
        for (ExpressionTree t : later) assigns.scan(t, null);
        return !assigned[0];
    }

    /** Stores {@code v} in a new temporary of (a denotable form of) {@code type}; returns a read of it. */
    private Value spill(Value v, TypeMirror type, ExpressionTree of) {
        if (type == null) throw nestedAwait(of); // javac gave it no type: cannot be stored
        TypeMirror t = type;
        // An intersection (a lub, an inferred `var`) cannot be written: its first bound holds the
        // value; a use needing another bound then fails to compile in the generated code.
        if (t.getKind() == TypeKind.INTERSECTION) t = types.erasure(t);
        String hint = nameOf(of);
        LocalVar temp = hidden(lowerCamel(hint.equals("future") ? "operand" : hint), t);
        temp.setDeclaration(of);
        code(withCaptures(Snippet.builder().add(new Snippet.VarRef(temp)).text(" = ").add(v.snippet()).text(";").build(),
                v.captures()), v.uses(), Set.of(temp), List.of());
        return Value.ref(temp);
    }

    /**
     * {@code a && b} / {@code a || b} whose right side suspends: the right side (and its futures)
     * is evaluated only when the left does not decide, as in Java.
     */
    private Value shortCircuit(com.sun.source.tree.BinaryTree b) {
        if (!index.suspends(b.getRightOperand())) return firstLowered(b.getLeftOperand(), b);
        rejectPatternBindings(b);
        boolean and = b.getKind() == Tree.Kind.CONDITIONAL_AND;
        LocalVar result = hidden(and ? "both" : "either", types.getPrimitiveType(TypeKind.BOOLEAN));
        result.setDeclaration(b);
        Value left = valueWithoutCaptures(b.getLeftOperand());
        Block right = newBlock(and ? "AND_RIGHT" : "OR_RIGHT", line(b.getRightOperand()), renderer.sourceOf(b.getRightOperand()));
        Block decided = newBlock("DECIDED", line(b), "");
        Block join = newBlock("AFTER_" + (and ? "AND" : "OR"), line(b), "");
        current.terminate(new Block.Branch(left.snippet(), left.uses(), and ? right : decided, and ? decided : right));
        current = decided;
        code(Snippet.builder().add(new Snippet.VarRef(result)).text(and ? " = false;" : " = true;").build(), Set.of(),
                Set.of(result), List.of());
        gotoIfOpen(join);
        current = right;
        Value r = value(b.getRightOperand());
        code(withCaptures(Snippet.builder().add(new Snippet.VarRef(result)).text(" = ").add(r.snippet()).text(";").build(),
                r.captures()), r.uses(), Set.of(result), List.of());
        gotoIfOpen(join);
        current = join;
        return Value.ref(result);
    }

    /** {@code c ? a : b} whose branches suspend: only the chosen branch is evaluated. */
    private Value conditional(com.sun.source.tree.ConditionalExpressionTree e) {
        if (!index.suspends(e.getTrueExpression()) && !index.suspends(e.getFalseExpression())) return firstLowered(e.getCondition(), e);
        rejectPatternBindings(e);
        TypeMirror type = index.type(e);
        if (type.getKind() == TypeKind.INTERSECTION) type = types.erasure(type);
        LocalVar result = hidden("chosen", type);
        result.setDeclaration(e);
        Value c = valueWithoutCaptures(e.getCondition());
        Block whenTrue = newBlock("IF_TRUE", line(e.getTrueExpression()), renderer.sourceOf(e.getTrueExpression()));
        Block whenFalse = newBlock("IF_FALSE", line(e.getFalseExpression()), renderer.sourceOf(e.getFalseExpression()));
        Block join = newBlock("AFTER_CONDITIONAL", line(e), "");
        current.terminate(new Block.Branch(c.snippet(), c.uses(), whenTrue, whenFalse));
        for (Block branch : List.of(whenTrue, whenFalse)) {
            current = branch;
            Value v = value(branch == whenTrue ? e.getTrueExpression() : e.getFalseExpression());
            code(withCaptures(Snippet.builder().add(new Snippet.VarRef(result)).text(" = ").add(v.snippet()).text(";").build(),
                    v.captures()), v.uses(), Set.of(result), List.of());
            gotoIfOpen(join);
        }
        current = join;
        return Value.ref(result);
    }

    /** Renders {@code whole} with {@code first} lowered and the rest (no awaits) in place. */
    private Value firstLowered(ExpressionTree first, ExpressionTree whole) {
        Value l = value(first);
        Map<Tree, Snippet> overrides = new java.util.IdentityHashMap<>();
        overrides.put(first, l.snippet());
        SnippetRenderer.Rendered r = renderer.render(whole, overrides);
        return new Value(r.snippet(), union(l.uses(), r.uses()), union(l.captures(), r.captures()));
    }

    /**
     * {@code v op= rhs} whose right side suspends, as JLS 15.26.2 orders it: the variable's operands
     * are evaluated, then its value is read and saved (the null and bounds checks of an array
     * element happen here, before the right side), then the right side, then the store of
     * {@code (T) (saved op rhs)}.
     */
    private Value compoundAssignment(com.sun.source.tree.CompoundAssignmentTree e) {
        if (!index.suspends(e.getExpression())) return operands(e);
        List<ExpressionTree> ops = variableOperands(e.getVariable());
        if (ops == null) throw nestedAwait(e);
        Map<Tree, Snippet> overrides = new java.util.IdentityHashMap<>();
        Set<LocalVar> uses = new LinkedHashSet<>();
        for (ExpressionTree op : ops) {
            Value v = value(op);
            if (!stable(op, List.of(e.getExpression()))) v = spill(v, index.type(op), op);
            overrides.put(op, v.snippet());
            uses.addAll(v.uses());
        }
        SnippetRenderer.Rendered variable = renderer.render(e.getVariable(), overrides);
        Set<LocalVar> variableUses = union(uses, variable.uses());
        Value saved = spill(new Value(variable.snippet(), variableUses, variable.captures()), index.type(e.getVariable()),
                e.getVariable());
        Value rhs = value(e.getExpression());
        String op = switch (e.getKind()) {
            case MULTIPLY_ASSIGNMENT -> "*";
            case DIVIDE_ASSIGNMENT -> "/";
            case REMAINDER_ASSIGNMENT -> "%";
            case PLUS_ASSIGNMENT -> "+";
            case MINUS_ASSIGNMENT -> "-";
            case LEFT_SHIFT_ASSIGNMENT -> "<<";
            case RIGHT_SHIFT_ASSIGNMENT -> ">>";
            case UNSIGNED_RIGHT_SHIFT_ASSIGNMENT -> ">>>";
            case AND_ASSIGNMENT -> "&";
            case XOR_ASSIGNMENT -> "^";
            case OR_ASSIGNMENT -> "|";
            default -> throw new IllegalStateException(e.getKind().toString());
        };
        Snippet s = Snippet.builder().add(variable.snippet()).text(" = (").add(new Snippet.TypeUse(index.type(e.getVariable())))
                .text(") (").add(saved.snippet()).text(" " + op + " (").add(rhs.snippet()).text("))").build();
        return new Value(s, union(union(variableUses, saved.uses()), rhs.uses()), rhs.captures());
    }

    /** Emits {@code e;} as a statement, lowering the awaits inside it. */
    private void statementOf(ExpressionTree e) {
        Value v = value(e);
        code(withCaptures(Snippet.builder().add(v.snippet()).text(";").build(), v.captures()), v.uses(), Set.of(), List.of());
    }

    // ---- awaits and branches ----

    /** Ends the current block awaiting {@code s}; the value (if kept) goes to {@code target}. */
    private void await(Suspension s, LocalVar target, Tree at) {
        MethodInvocationTree call = s.call();
        Snippet.Builder future = Snippet.builder();
        Block.Call eager = null;
        Set<LocalVar> uses = new LinkedHashSet<>();
        String name;
        switch (s.kind()) {
            case AWAIT_FUTURE, AWAIT_STAGE -> {
                ExpressionTree arg = call.getArguments().get(0);
                Value r = valueWithoutCaptures(arg);
                uses.addAll(r.uses());
                if (s.kind() == Suspension.Kind.AWAIT_STAGE) {
                    future.add(new Snippet.TypeRef(elements.getTypeElement("dev.ratchet.Futures")))
                            .text(".fromCompletionStage(").add(r.snippet()).text(")");
                } else {
                    future.add(r.snippet());
                }
                name = nameOf(arg);
            }
            default -> {
                ExecutableElement m = s.method();
                TypeElement declaring = (TypeElement) m.getEnclosingElement();
                future.add(new Snippet.CompanionRef(declaring)).text(".");
                Snippet typeArguments = call.getTypeArguments().isEmpty() ? null : entryTypeArguments(call, m, declaring);
                if (typeArguments != null) future.add(typeArguments);
                future.text(m.getSimpleName() + "(");
                // The same receiver and arguments, for an eager call of the callee's start.
                Snippet.Builder arguments = Snippet.builder();
                boolean first = true;
                // Receiver, then arguments, left to right; each one evaluated before a later
                // operand's await is spilled (JLS 15.12.4).
                List<ExpressionTree> ops = new ArrayList<>();
                boolean instance = !m.getModifiers().contains(javax.lang.model.element.Modifier.STATIC);
                if (instance && call.getMethodSelect() instanceof MemberSelectTree ms) ops.add(ms.getExpression());
                ops.addAll(call.getArguments());
                if (instance && !(call.getMethodSelect() instanceof MemberSelectTree)) {
                    future.add(new Snippet.SelfRef());
                    arguments.add(new Snippet.SelfRef());
                    first = false;
                }
                for (int i = 0; i < ops.size(); i++) {
                    ExpressionTree op = ops.get(i);
                    List<ExpressionTree> later = ops.subList(i + 1, ops.size());
                    Value r = value(op);
                    if (!r.captures().isEmpty() || later.stream().anyMatch(index::suspends) && !stable(op, later)) {
                        r = spill(r, index.type(op), op);
                    }
                    uses.addAll(r.uses());
                    if (!first) {
                        future.text(", ");
                        arguments.text(", ");
                    }
                    future.add(r.snippet());
                    arguments.add(r.snippet());
                    first = false;
                }
                future.text(")");
                eager = new Block.Call(m, typeArguments, arguments.build());
                name = m.getSimpleName().toString();
            }
        }
        Block resume = newBlock("AWAIT_" + upperSnake(name), line(call), renderer.sourceOf(call));
        Block.Await a = new Block.Await(s, future.build(), eager, uses, resume, target, renderer.sourceOf(call));
        current.terminate(a);
        resume.setResumes(a);
        current = resume;
    }

    /**
     * {@code <A, B>} for a call of the companion entry of {@code m} written with explicit type
     * arguments: the entry's type parameters are the receiver class's, then the method's (see
     * {@code AsyncMethod.typeParameters}); the class's come from the receiver's type. A receiver
     * whose type arguments Java cannot write (wildcards) keeps the call a compile error.
     */
    private Snippet entryTypeArguments(MethodInvocationTree call, ExecutableElement m, TypeElement declaring) {
        List<TypeMirror> args = new ArrayList<>();
        int classCount = dev.ratchet.processor.model.AsyncMethod.typeParameters(m).size() - m.getTypeParameters().size();
        if (classCount > 0) {
            TypeMirror receiver = call.getMethodSelect() instanceof MemberSelectTree ms ? index.type(ms.getExpression())
                    : declaring.equals(method.owner()) ? method.owner().asType() : null;
            List<TypeMirror> classArgs = new ArrayList<>();
            for (TypeMirror t = receiver; t instanceof DeclaredType d; t = d.getEnclosingType()) {
                classArgs.addAll(0, d.getTypeArguments());
            }
            boolean writable = classArgs.size() == classCount && classArgs.stream().noneMatch(a -> a.getKind() == TypeKind.WILDCARD
                    || a.getKind() == TypeKind.TYPEVAR && a.toString().startsWith("capture#"));
            if (!writable) {
                throw new LoweringException(LoweringMessages.IMPLICIT_AWAIT_TYPE_ARGUMENTS.at(method.unit(), call,
                        dev.ratchet.processor.model.CompanionNames.companionSimpleName(declaring) + "." + m.getSimpleName()));
            }
            args.addAll(classArgs);
        }
        for (Tree t : call.getTypeArguments()) args.add(index.type(t));
        Snippet.Builder b = Snippet.builder().text("<");
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) b.text(", ");
            b.add(new Snippet.TypeUse(args.get(i)));
        }
        return b.text(">").build();
    }

    /** {@code if (condition) then else otherwise}, awaiting the condition first if it is an await. */
    private void branch(ExpressionTree condition, Block then, Block otherwise, Tree at) {
        if (completion.isConstantTrue(condition) || completion.isConstantFalse(condition)) {
            // Like javac, compile no code for the side a constant condition rules out (JLS 14.22's
            // `if (false)`): that side becomes unreachable and the planner drops its states. Kept as
            // a state, dead code is compiled by javac where the synchronous method had none, and
            // javac 17 and 25 turn some valid expressions into code that fails verification (a
            // switch expression whose arms are all `false`, left of `&&`: FuzzRegressionTest
            // deadBranchIsNotCompiled), so a dead branch alone would make the machine unloadable.
            current.terminate(new Block.Goto(completion.isConstantTrue(condition) ? then : otherwise));
            current = null;
            return;
        }
        ExpressionTree c = condition;
        while (c instanceof ParenthesizedTree p) c = p.getExpression();
        boolean negated = false;
        if (c.getKind() == Tree.Kind.LOGICAL_COMPLEMENT && direct(((com.sun.source.tree.UnaryTree) c).getExpression()) != null) {
            negated = true; // `!await(f)`: the await is still the first thing evaluated
            c = ((com.sun.source.tree.UnaryTree) c).getExpression();
        }
        Suspension await = direct(c);
        if (await != null) {
            LocalVar temp = temp(await);
            await(await, temp, at);
            current.terminate(new Block.Branch(Snippet.builder().text(negated ? "!" : "").add(new Snippet.VarRef(temp)).build(),
                    Set.of(temp), then, otherwise));
        } else if (hasPatternBinding(c)) {
            bindingBranch(c, then, otherwise);
        } else {
            Value v = valueWithoutCaptures(c);
            current.terminate(new Block.Branch(v.snippet(), v.uses(), then, otherwise));
        }
        current = null;
    }

    /**
     * A split condition that declares pattern variables, decomposed so that each binding is a
     * managed local assigned where the pattern matches (JLS 6.3.1 scoping follows: javac already
     * checked every use): {@code a && b}, {@code a || b}, {@code !a} become branches, and
     * {@code e instanceof T t} tests a temporary holding {@code e}, then assigns {@code t}.
     */
    private void bindingBranch(ExpressionTree c, Block then, Block otherwise) {
        while (c instanceof ParenthesizedTree p) c = p.getExpression();
        if (!hasPatternBinding(c)) {
            Value v = valueWithoutCaptures(c);
            current.terminate(new Block.Branch(v.snippet(), v.uses(), then, otherwise));
            return;
        }
        switch (c.getKind()) {
            case CONDITIONAL_AND, CONDITIONAL_OR -> {
                com.sun.source.tree.BinaryTree b = (com.sun.source.tree.BinaryTree) c;
                Block mid = newBlock(c.getKind() == Tree.Kind.CONDITIONAL_AND ? "AND_RIGHT" : "OR_RIGHT",
                        line(b.getRightOperand()), renderer.sourceOf(b.getRightOperand()));
                if (c.getKind() == Tree.Kind.CONDITIONAL_AND) bindingBranch(b.getLeftOperand(), mid, otherwise);
                else bindingBranch(b.getLeftOperand(), then, mid);
                current = mid;
                bindingBranch(b.getRightOperand(), then, otherwise);
            }
            case LOGICAL_COMPLEMENT -> bindingBranch(((com.sun.source.tree.UnaryTree) c).getExpression(), otherwise, then);
            case INSTANCE_OF -> {
                com.sun.source.tree.InstanceOfTree io = (com.sun.source.tree.InstanceOfTree) c;
                if (!(io.getPattern() instanceof com.sun.source.tree.BindingPatternTree bp)) {
                    rejectPatternBindings(c); // a record pattern: reported at its first variable
                    return;
                }
                ExpressionTree tested = io.getExpression();
                Value v = spill(value(tested), index.type(tested), tested);
                VariableTree vt = bp.getVariable();
                VariableElement ve = (VariableElement) index.element(vt);
                LocalVar binding = declare(ve, vt.getName().toString(), ve.asType(), LocalVar.Kind.LOCAL);
                binding.setDeclaration(vt);
                Block bind = newBlock("MATCHED", line(c), renderer.sourceOf(c));
                current.terminate(new Block.Branch(Snippet.builder().add(v.snippet()).text(" instanceof ")
                        .add(new Snippet.TypeUse(types.erasure(ve.asType()))).build(), v.uses(), bind, otherwise));
                current = bind;
                code(Snippet.builder().add(new Snippet.VarRef(binding)).text(" = (").add(new Snippet.TypeUse(ve.asType()))
                        .text(") ").add(v.snippet()).text(";").build(), v.uses(), Set.of(binding), List.of());
                gotoIfOpen(then);
            }
            default -> rejectPatternBindings(c);
        }
    }

    /**
     * Whether a pattern variable of {@code s}'s condition is used after {@code s} (JLS 6.3.2: `if
     * (!(o instanceof T t)) return;` introduces {@code t} into the enclosing block): then the if is
     * lowered, so that the variable is a managed local, even without awaits.
     */
    private boolean bindingEscapes(IfTree s) {
        if (!hasPatternBinding(s.getCondition())) return false;
        Set<Element> bindings = new java.util.HashSet<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitBindingPattern(com.sun.source.tree.BindingPatternTree node, Void unused) {
                Element e = index.element(node.getVariable());
                if (e != null) bindings.add(e);
                return super.visitBindingPattern(node, unused);
            }
        }.scan(s.getCondition(), null);
        boolean[] escapes = {false};
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitIf(IfTree node, Void unused) {
                return node == s ? null : super.visitIf(node, unused);
            }

            @Override
            public Void visitIdentifier(IdentifierTree node, Void unused) {
                if (bindings.contains(index.element(node))) escapes[0] = true;
                return null;
            }
        }.scan(method.tree().getBody(), null);
        return escapes[0];
    }

    private static boolean hasPatternBinding(ExpressionTree c) {
        boolean[] found = {false};
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitBindingPattern(com.sun.source.tree.BindingPatternTree node, Void unused) {
                found[0] = true;
                return null;
            }

            @Override
            public Void visitLambdaExpression(com.sun.source.tree.LambdaExpressionTree node, Void unused) {
                return null;
            }

            @Override
            public Void visitClass(com.sun.source.tree.ClassTree node, Void unused) {
                return null;
            }
        }.scan(c, null);
        return found[0];
    }

    /**
     * A pattern variable of a split condition would be scoped to the generated condition, not to
     * the states that use it after an await.
     */
    private void rejectPatternBindings(ExpressionTree condition) {
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitBindingPattern(com.sun.source.tree.BindingPatternTree node, Void unused) {
                throw new LoweringException(LoweringMessages.PATTERN_IN_SPLIT_CONDITION.at(method.unit(), node.getVariable(),
                        node.getVariable().getName()));
            }

            @Override
            public Void visitLambdaExpression(com.sun.source.tree.LambdaExpressionTree node, Void unused) {
                return null;
            }
        }.scan(condition, null);
    }

    /** The suspension {@code e} is (parentheses aside), with no other suspension inside it; else null. */
    private Suspension direct(ExpressionTree e) {
        while (e instanceof ParenthesizedTree p) e = p.getExpression();
        return index.suspension(e);
    }

    private LoweringException nestedAwait(Tree t) {
        MethodInvocationTree[] first = {null};
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
                super.visitMethodInvocation(node, unused);
                if (first[0] == null && index.suspension(node) != null) first[0] = node;
                return null;
            }
        }.scan(t, null);
        // At the method name (`await`), not at the parenthesis javac would choose for the call.
        Tree at = first[0] != null ? first[0].getMethodSelect() : t;
        return new LoweringException(LoweringMessages.AWAIT_IN_EXPRESSION.at(method.unit(), at));
    }

    // ---- jumps ----

    private void jumpTerminator(Transition t) {
        current.terminate(new Block.Jump(t));
        current = null;
    }

    // ---- blocks and variables ----

    private Block newBlock(String label, int line, String comment) {
        Block b = new Block(label, line, comment, handler);
        blocks.add(b);
        return b;
    }

    /** Starts a new block (for a new handler) and continues there. */
    private void enterNewBlock(String label, int line, String comment) {
        Block b = newBlock(label, line, comment);
        gotoIfOpen(b);
        current = b;
    }

    private void gotoIfOpen(Block target) {
        if (current != null) {
            current.terminate(new Block.Goto(target));
            current = null;
        }
    }

    private void code(Snippet s, Set<LocalVar> uses, Set<LocalVar> defs, List<Transition> jumps) {
        current.code().add(new Block.Code(s, uses, defs, jumps));
    }

    private LocalVar declare(VariableElement e, String name, TypeMirror type, LocalVar.Kind kind) {
        // An unnamed variable (`_`, Java 22+) cannot be a field or be read: it gets a name.
        LocalVar v = new LocalVar(name.equals("_") || name.isEmpty() ? "unnamed" : name, type, e, kind);
        vars.put(e, v);
        allVars.add(v);
        return v;
    }

    private LocalVar hidden(String hint, TypeMirror type) {
        LocalVar v = new LocalVar(hint, type, null, LocalVar.Kind.HIDDEN);
        allVars.add(v);
        return v;
    }

    private LocalVar temp(Suspension s) {
        TypeMirror t = s.type();
        String hint = lowerCamel(s.kind() == Suspension.Kind.IMPLICIT ? s.method().getSimpleName().toString()
                : nameOf(s.call().getArguments().get(0)));
        LocalVar v = new LocalVar(hint, t, null, LocalVar.Kind.TEMP);
        allVars.add(v);
        return v;
    }

    private LocalVar managed(ExpressionTree t) {
        while (t instanceof ParenthesizedTree p) t = p.getExpression();
        return t instanceof IdentifierTree ? vars.get(index.element(t)) : null;
    }

    /** The least upper bound of exception classes (their nearest common superclass). */
    private TypeMirror lub(List<? extends TypeMirror> alternatives) {
        TypeMirror candidate = alternatives.get(0);
        while (true) {
            TypeMirror c = candidate;
            if (alternatives.stream().allMatch(a -> types.isAssignable(a, c))) return c;
            candidate = ((TypeElement) types.asElement(candidate)).getSuperclass();
        }
    }

    private static String nameOf(ExpressionTree e) {
        while (e instanceof ParenthesizedTree p) e = p.getExpression();
        if (e instanceof MethodInvocationTree m) return nameOf(m.getMethodSelect());
        if (e instanceof MemberSelectTree m) return m.getIdentifier().toString();
        if (e instanceof IdentifierTree i) return i.getName().toString();
        return "future";
    }

    private static String lowerCamel(String s) {
        return s.isEmpty() ? "value" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    static String upperSnake(String camel) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char ch = camel.charAt(i);
            if (Character.isUpperCase(ch) && i > 0 && !Character.isUpperCase(camel.charAt(i - 1))) sb.append('_');
            sb.append(Character.toUpperCase(ch));
        }
        return sb.toString();
    }

    private static Set<LocalVar> union(Set<LocalVar> a, Set<LocalVar> b) {
        Set<LocalVar> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return s;
    }

    private int line(Tree t) {
        long pos = renderer.start(t);
        return (int) method.unit().getLineMap().getLineNumber(pos);
    }

    private int endLine(Tree t) {
        return (int) method.unit().getLineMap().getLineNumber(renderer.end(t));
    }
}
