package dev.ratchet.processor.analysis;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreeScanner;
import java.util.List;
import javax.lang.model.element.VariableElement;

/**
 * "Can complete normally" of JLS 14.22, for statements the lowering keeps as they are: the
 * generated code must not append a transition after a statement javac considers unable to
 * complete (an "unreachable statement" error), nor omit one after a statement that can.
 *
 * <p>Constant conditions are evaluated as javac does, by {@link ConstantExpressions} (JLS
 * 15.29): what javac sees as constant must be constant here too, or the two disagree on
 * reachability.
 */
public final class Completion {
    private final BodyIndex index;
    private final ConstantExpressions constants;

    public Completion(BodyIndex index) {
        this.index = index;
        this.constants = new ConstantExpressions(index);
    }

    /**
     * Whether javac emits code after {@code s}: {@link #canCompleteNormally} (JLS 14.22), except
     * that an {@code if} with a constant condition continues only if its taken side can, as in
     * javac's code generator (JLS 14.22 deliberately lets {@code if (DEBUG) ...} complete normally
     * whatever the constant, for conditional compilation, but javac generates no code for what
     * follows {@code if (true) throw e;}). The lowering must not turn such code into states:
     * javac would compile it in the machine where it compiled nothing in the synchronous method
     * (fuzzer finding: seed 20261202 #6220).
     */
    public boolean emitsCodeAfter(StatementTree s) {
        return switch (s.getKind()) {
            case IF -> {
                IfTree i = (IfTree) s;
                if (isConstantTrue(i.getCondition())) yield emitsCodeAfter(i.getThenStatement());
                if (isConstantFalse(i.getCondition())) yield i.getElseStatement() == null || emitsCodeAfter(i.getElseStatement());
                yield canCompleteNormally(s);
            }
            case BLOCK -> {
                for (StatementTree t : ((BlockTree) s).getStatements()) if (!emitsCodeAfter(t)) yield false;
                yield true;
            }
            case LABELED_STATEMENT -> {
                LabeledStatementTree l = (LabeledStatementTree) s;
                yield emitsCodeAfter(l.getStatement()) || breaksOut(l.getStatement(), l.getLabel().toString(), true);
            }
            default -> canCompleteNormally(s);
        };
    }

    public boolean canCompleteNormally(StatementTree s) {
        return switch (s.getKind()) {
            case BLOCK -> block(((BlockTree) s).getStatements());
            case LABELED_STATEMENT -> {
                LabeledStatementTree l = (LabeledStatementTree) s;
                yield canCompleteNormally(l.getStatement()) || breaksOut(l.getStatement(), l.getLabel().toString(), true);
            }
            case IF -> {
                IfTree i = (IfTree) s;
                yield i.getElseStatement() == null
                        || canCompleteNormally(i.getThenStatement())
                        || canCompleteNormally(i.getElseStatement());
            }
            case WHILE_LOOP -> {
                WhileLoopTree w = (WhileLoopTree) s;
                yield !isConstantTrue(w.getCondition()) || breaksOut(w.getStatement(), null, false);
            }
            case DO_WHILE_LOOP -> {
                DoWhileLoopTree d = (DoWhileLoopTree) s;
                boolean bodyEnds = canCompleteNormally(d.getStatement()) || continues(d.getStatement());
                yield (bodyEnds && !isConstantTrue(d.getCondition())) || breaksOut(d.getStatement(), null, false);
            }
            case FOR_LOOP -> {
                ForLoopTree f = (ForLoopTree) s;
                yield (f.getCondition() != null && !isConstantTrue(f.getCondition()))
                        || breaksOut(f.getStatement(), null, false);
            }
            case ENHANCED_FOR_LOOP, EXPRESSION_STATEMENT, VARIABLE, EMPTY_STATEMENT, ASSERT, CLASS -> true;
            case BREAK, CONTINUE, RETURN, THROW, YIELD -> false;
            case SYNCHRONIZED -> block(((SynchronizedTree) s).getBlock().getStatements());
            case TRY -> {
                TryTree t = (TryTree) s;
                boolean any = block(t.getBlock().getStatements());
                for (CatchTree c : t.getCatches()) any |= block(c.getBlock().getStatements());
                yield any && (t.getFinallyBlock() == null || block(t.getFinallyBlock().getStatements()));
            }
            case SWITCH -> switchCompletes((SwitchTree) s);
            default -> true;
        };
    }

    private boolean block(List<? extends StatementTree> statements) {
        return statements.isEmpty() || canCompleteNormally(statements.get(statements.size() - 1));
    }

    private boolean switchCompletes(SwitchTree s) {
        List<? extends CaseTree> cases = s.getCases();
        if (cases.isEmpty()) return true;
        boolean hasDefault = false;
        for (CaseTree c : cases) if (c.getExpressions().isEmpty()) hasDefault = true;
        if (!hasDefault) return true;
        if (breaksOut(s, null, false)) return true;
        CaseTree last = cases.get(cases.size() - 1);
        if (last.getCaseKind() == CaseTree.CaseKind.RULE) {
            for (CaseTree c : cases) {
                Tree body = c.getBody();
                if (body instanceof ExpressionTree) return true;
                if (body instanceof StatementTree st && st.getKind() != Tree.Kind.THROW && canCompleteNormally(st)) return true;
            }
            return false;
        }
        return last.getStatements().isEmpty() || block(last.getStatements());
    }

    /** Whether {@code t} is a constant expression of value {@code true}. */
    public boolean isConstantTrue(ExpressionTree t) {
        return Boolean.TRUE.equals(constant(t));
    }

    /** Whether {@code t} is a constant expression of value {@code false}. */
    public boolean isConstantFalse(ExpressionTree t) {
        return Boolean.FALSE.equals(constant(t));
    }

    private Boolean constant(ExpressionTree t) {
        return constants.value(t) instanceof Boolean b ? b : null;
    }

    /**
     * Whether {@code body} contains a break that exits its enclosing statement: a break with
     * {@code label}, or (unless {@code labeledOnly}) an unlabeled break not inside a nested
     * loop or switch.
     */
    private boolean breaksOut(Tree body, String label, boolean labeledOnly) {
        boolean[] found = {false};
        new JumpScanner() {
            @Override
            public Void visitBreak(BreakTree b, Integer depth) {
                if (b.getLabel() != null ? b.getLabel().contentEquals(String.valueOf(label)) : !labeledOnly && depth == 0) {
                    found[0] = true;
                }
                return null;
            }

            @Override
            public Void visitWhileLoop(WhileLoopTree t, Integer d) {
                return super.visitWhileLoop(t, t == body ? d : d + 1);
            }

            @Override
            public Void visitDoWhileLoop(DoWhileLoopTree t, Integer d) {
                return super.visitDoWhileLoop(t, t == body ? d : d + 1);
            }

            @Override
            public Void visitForLoop(ForLoopTree t, Integer d) {
                return super.visitForLoop(t, t == body ? d : d + 1);
            }

            @Override
            public Void visitEnhancedForLoop(com.sun.source.tree.EnhancedForLoopTree t, Integer d) {
                return super.visitEnhancedForLoop(t, t == body ? d : d + 1);
            }

            @Override
            public Void visitSwitch(SwitchTree t, Integer d) {
                return super.visitSwitch(t, t == body ? d : d + 1);
            }

            @Override
            public Void visitSwitchExpression(com.sun.source.tree.SwitchExpressionTree t, Integer d) {
                return super.visitSwitchExpression(t, d + 1);
            }

        }.scan(body, 0);
        return found[0];
    }

    /** Whether {@code body} (a loop body) contains a continue of its loop. */
    private boolean continues(Tree body) {
        boolean[] found = {false};
        new JumpScanner() {
            @Override
            public Void visitContinue(com.sun.source.tree.ContinueTree c, Integer depth) {
                if (c.getLabel() != null || depth == 0) found[0] = true; // labeled: conservatively ours
                return null;
            }

            @Override
            public Void visitWhileLoop(WhileLoopTree t, Integer d) {
                return super.visitWhileLoop(t, d + 1);
            }

            @Override
            public Void visitDoWhileLoop(DoWhileLoopTree t, Integer d) {
                return super.visitDoWhileLoop(t, d + 1);
            }

            @Override
            public Void visitForLoop(ForLoopTree t, Integer d) {
                return super.visitForLoop(t, d + 1);
            }

            @Override
            public Void visitEnhancedForLoop(com.sun.source.tree.EnhancedForLoopTree t, Integer d) {
                return super.visitEnhancedForLoop(t, d + 1);
            }

        }.scan(body, 0);
        return found[0];
    }

    /**
     * Finds the jumps of a body that can arrive, as javac does (JLS 14.22): not those inside a
     * lambda or class, nor those in the block, catches or resources of a try whose finally cannot
     * complete normally (the finally ends them all, so they exit nothing).
     */
    private abstract class JumpScanner extends TreeScanner<Void, Integer> {
        @Override
        public Void visitTry(TryTree t, Integer d) {
            if (t.getFinallyBlock() == null || canCompleteNormally(t.getFinallyBlock())) return super.visitTry(t, d);
            return scan(t.getFinallyBlock(), d);
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree t, Integer d) {
            return null;
        }

        @Override
        public Void visitClass(ClassTree t, Integer d) {
            return null;
        }
    }
}
