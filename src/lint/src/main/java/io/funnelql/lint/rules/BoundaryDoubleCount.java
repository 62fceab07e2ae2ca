package io.funnelql.lint.rules;

import io.funnelql.lint.model.Nodes;
import io.funnelql.lint.model.SelectBlock;
import io.funnelql.lint.parse.Token;
import io.funnelql.lint.report.RuleInfo;
import io.funnelql.lint.report.Severity;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlCase;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * FQL006: two ranges of the same value, closed at the end where they meet: {@code x BETWEEN 0 AND 7}
 * and {@code x BETWEEN 7 AND 14} (or {@code >= … AND <= …}) in the branches of a CASE, in two
 * aggregates' conditions, in two joins of one relation, or in two CTEs. A value equal to the shared
 * end falls in both ranges, so it is counted twice; in a CASE it falls in the first one only, which
 * is then one unit wider than the others. The value is compared by its expression, with columns
 * named by their relation's origin (a1.ts and a2.ts of one table are one value); the ends by their
 * text within one SELECT, and by their origin-named text across SELECTs.
 */
public final class BoundaryDoubleCount implements Rule {
    static final RuleInfo INFO = new RuleInfo("FQL006", "boundary-double-count", Severity.WARNING,
            "Two ranges of one value closed at the end they share (BETWEEN 0 AND 7, BETWEEN 7 AND 14): that value counts twice.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /**
     * A range of one value stated by conditions: {@code low <= value <= high}, each end inclusive or
     * not, stated by the terms {@code lowAt} and {@code highAt} (one BETWEEN, or two comparisons).
     */
    private record Range(SelectBlock block, SqlNode value, String valueKey, SqlNode low, boolean lowInclusive,
            SqlNode high, boolean highInclusive, SqlNode lowAt, SqlNode highAt, SqlCase inCase) {}

    @Override
    public void check(LintContext context) {
        List<Range> ranges = new ArrayList<>();
        for (SelectBlock block : context.blocks()) {
            List<SqlNode> places = new ArrayList<>(Nodes.children(block.select().getSelectList()));
            places.add(block.select().getWhere());
            places.add(block.select().getHaving());
            block.joins().forEach(step -> places.add(step.join().getCondition()));
            for (SqlNode place : places) {
                collect(place, block, null, ranges);
            }
        }
        Set<String> reported = new HashSet<>();
        for (Range closing : ranges) {
            for (Range opening : ranges) {
                if (closing == opening || !closing.highInclusive() || !opening.lowInclusive()
                        || !closing.valueKey().equals(opening.valueKey())
                        || !same(closing.high(), closing.block(), opening.low(), opening.block())
                        || same(closing.low(), closing.block(), opening.low(), opening.block())
                        || same(closing.high(), closing.block(), opening.high(), opening.block())) {
                    continue;
                }
                String end = key(opening.low(), opening.block(), false);
                if (reported.add(opening.valueKey() + "@" + end)) {
                    report(context, closing, opening);
                }
            }
        }
    }

    private static void report(LintContext context, Range closing, Range opening) {
        String end = context.excerpt(opening.low());
        int line = context.line(closing.highAt());
        StringBuilder message = new StringBuilder("this range of ").append(context.excerpt(opening.value()))
                .append(" includes its start ").append(end).append(", and the range on line ").append(line)
                .append(" includes it as its end: ");
        if (closing.inCase() != null && closing.inCase() == opening.inCase()) {
            message.append("in a CASE the first matching WHEN wins, so ").append(end)
                    .append(" always lands in the earlier bucket, which is one unit wider than the others.");
        } else {
            message.append("a value equal to ").append(end).append(" falls in both, so it is counted twice.");
        }
        message.append(" Make the ranges half-open: >= the start AND < the end (BETWEEN includes both ends).");
        context.report(INFO, opening.lowAt(), message.toString());
    }

    /** Whether two ends are the same: by text within one SELECT, by origin-named text across SELECTs. */
    private static boolean same(SqlNode a, SelectBlock aBlock, SqlNode b, SelectBlock bBlock) {
        boolean across = aBlock != bBlock;
        return key(a, aBlock, across).equals(key(b, bBlock, across));
    }

    private static String key(SqlNode end, SelectBlock block, boolean byOrigin) {
        if (end instanceof SqlLiteral literal) {
            return "value:" + literal.toValue();
        }
        return byOrigin ? block.text(end, SelectBlock::originName) : Nodes.text(end);
    }

    /** The ranges of an expression tree, outside sub-queries, noting the CASE whose WHEN states them. */
    private static void collect(SqlNode node, SelectBlock block, SqlCase inCase, List<Range> ranges) {
        if (node == null || Nodes.isQuery(node)) {
            return;
        }
        if (node instanceof SqlCase sqlCase) {
            for (SqlNode when : sqlCase.getWhenOperands()) {
                collect(when, block, sqlCase, ranges);
            }
            for (SqlNode then : sqlCase.getThenOperands()) {
                collect(then, block, null, ranges);
            }
            collect(sqlCase.getValueOperand(), block, null, ranges);
            collect(sqlCase.getElseOperand(), block, null, ranges);
            return;
        }
        List<SqlNode> terms = node.getKind() == SqlKind.AND ? Nodes.conjuncts(node) : List.of(node);
        ranges.addAll(ranges(terms, block, inCase));
        for (SqlNode term : terms) {
            if (term instanceof SqlCase) {
                collect(term, block, null, ranges);
                continue;
            }
            for (SqlNode child : Nodes.children(term)) {
                collect(child, block, null, ranges);
            }
        }
    }

    /** The ranges a conjunction states: each BETWEEN, and each value bounded from below and above. */
    private static List<Range> ranges(List<SqlNode> terms, SelectBlock block, SqlCase inCase) {
        List<Range> found = new ArrayList<>();
        Map<String, Nodes.Comparison> lows = new LinkedHashMap<>();
        Map<String, Nodes.Comparison> highs = new LinkedHashMap<>();
        Map<String, SqlNode> values = new LinkedHashMap<>();
        for (SqlNode term : terms) {
            List<Nodes.Comparison> comparisons = Nodes.comparisons(term);
            if (term.getKind() == SqlKind.BETWEEN && comparisons.size() == 2) {
                SqlNode value = comparisons.get(0).greater();
                if (!Nodes.isConstant(value)) {
                    found.add(new Range(block, value, block.text(value, SelectBlock::originName),
                            comparisons.get(0).smaller(), true, comparisons.get(1).greater(), true, term, term, inCase));
                }
                continue;
            }
            for (Nodes.Comparison comparison : comparisons) {
                String greater = Nodes.text(comparison.greater());
                String smaller = Nodes.text(comparison.smaller());
                lows.putIfAbsent(greater, comparison);
                values.putIfAbsent(greater, comparison.greater());
                highs.putIfAbsent(smaller, comparison);
                values.putIfAbsent(smaller, comparison.smaller());
            }
        }
        for (Map.Entry<String, Nodes.Comparison> low : lows.entrySet()) {
            Nodes.Comparison high = highs.get(low.getKey());
            SqlNode value = values.get(low.getKey());
            if (high == null || high.term() == low.getValue().term() || Nodes.isConstant(value)) {
                continue;
            }
            found.add(new Range(block, value, block.text(value, SelectBlock::originName), low.getValue().smaller(),
                    low.getValue().inclusive(), high.greater(), high.inclusive(), low.getValue().term(), high.term(), inCase));
        }
        return found;
    }

    /** {@code value BETWEEN low AND high} with a name and two literals, read from tokens. */
    private record TokenRange(String value, String low, String high, int from, int to) {}

    /** Without a parse tree: BETWEEN ranges of one name with literal ends, one closing where the next opens. */
    @Override
    public void checkTokens(TokenContext context) {
        List<Token> tokens = context.tokens();
        List<TokenRange> ranges = new ArrayList<>();
        for (int i = 1; i + 3 < tokens.size(); i++) {
            if (!tokens.get(i).isWord("between") || !literal(tokens.get(i + 1)) || !tokens.get(i + 2).isWord("and")
                    || !literal(tokens.get(i + 3))) {
                continue;
            }
            int start = i - 1;
            if (tokens.get(start).kind() != Token.Kind.WORD && tokens.get(start).kind() != Token.Kind.QUOTED_NAME) {
                continue;
            }
            while (start >= 2 && tokens.get(start - 1).isSymbol(".")) {
                start -= 2;
            }
            if (start > 0 && tokens.get(start - 1).isWord("not")) {
                continue;
            }
            ranges.add(new TokenRange(context.text(start, i - 1).toLowerCase(Locale.ROOT),
                    tokens.get(i + 1).text(), tokens.get(i + 3).text(), start, i + 3));
        }
        Set<String> reported = new HashSet<>();
        for (TokenRange closing : ranges) {
            for (TokenRange opening : ranges) {
                if (closing != opening && closing.value().equals(opening.value()) && closing.high().equals(opening.low())
                        && !closing.low().equals(opening.low()) && reported.add(opening.value() + "@" + opening.low())) {
                    context.report(INFO, opening.from(), opening.to(), "this range of " + opening.value()
                            + " includes its start " + opening.low() + ", and the range on line "
                            + context.file().lineOf(context.tokens().get(closing.from()).start())
                            + " includes it as its end: a value equal to " + opening.low() + " falls in both."
                            + " Make the ranges half-open: >= the start AND < the end (BETWEEN includes both ends).", null);
                }
            }
        }
    }

    private static boolean literal(Token token) {
        return token.kind() == Token.Kind.NUMBER || token.kind() == Token.Kind.STRING;
    }
}
