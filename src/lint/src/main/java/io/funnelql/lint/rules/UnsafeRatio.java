package io.funnelql.lint.rules;

import io.funnelql.dialects.TargetDialect;
import io.funnelql.lint.model.Nodes;
import io.funnelql.lint.model.SelectBlock;
import io.funnelql.lint.model.Values;
import io.funnelql.lint.parse.Token;
import io.funnelql.lint.report.RuleInfo;
import io.funnelql.lint.report.Severity;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.fun.SqlCase;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * FQL009: a division by a count that may be zero (PostgreSQL and Oracle fail on a zero count,
 * DuckDB returns NULL silently), or, in PostgreSQL, a division of two integer counts, which
 * truncates a conversion rate to 0. A denominator that cannot be zero needs no guard
 * ({@link Values#nonZero}): COUNT(*) in a grouped SELECT, a count plus one, GREATEST(…, 1), a sum of
 * counts each at least 1, NULLIF(…, 0), a CASE; a cast to a non-integer type does not truncate.
 */
public final class UnsafeRatio implements Rule {
    static final RuleInfo INFO = new RuleInfo("FQL009", "unsafe-ratio", Severity.WARNING,
            "A division of counts without NULLIF(…, 0), or an integer division that truncates a rate.");

    private static final Set<String> GUARDS = Set.of("NULLIF", "GREATEST", "COALESCE", "NVL");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext context) {
        for (SelectBlock block : context.blocks()) {
            boolean grouped = block.select().getGroup() != null && block.select().getGroup().size() > 0;
            Nodes.walkExpression(block.select().getSelectList(), node -> check(context, block, node, grouped));
            Nodes.walkExpression(block.select().getHaving(), node -> check(context, block, node, grouped));
        }
    }

    private static void check(LintContext context, SelectBlock block, SqlNode node, boolean grouped) {
        if (node.getKind() != SqlKind.DIVIDE) {
            return;
        }
        SqlCall division = (SqlCall) node;
        SqlNode numerator = division.operand(0);
        SqlNode denominator = division.operand(1);
        if (!containsCount(denominator)) {
            return;
        }
        if (!Values.nonZero(denominator, block, grouped)) {
            context.report(INFO, denominator, "division by a count without NULLIF(…, 0): "
                    + (context.settings().dialect() == TargetDialect.DUCKDB
                            ? "DuckDB returns NULL for a zero count without a word"
                            : "a zero count fails the whole query (division by zero)")
                    + ". Write NULLIF(" + context.excerpt(denominator) + ", 0).",
                    "NULLIF(" + context.excerpt(denominator) + ", 0)");
            return;
        }
        if (context.settings().dialect() == TargetDialect.POSTGRES && integer(numerator) && integer(denominator)) {
            context.report(INFO, node, "both sides of this division are integer counts, so PostgreSQL truncates the"
                    + " ratio (2 / 3 is 0). Multiply by 100.0 or cast one side to numeric first.",
                    "CAST(" + context.excerpt(numerator) + " AS NUMERIC) / " + context.excerpt(denominator));
        }
    }

    private static boolean containsCount(SqlNode node) {
        return Nodes.countingAggregates(node, false).stream().anyMatch(c -> !Nodes.name(c).equals("AVG"));
    }

    /** Without casts and parentheses. */
    private static SqlNode strip(SqlNode node) {
        while (Nodes.isCast(node)) {
            node = ((SqlCall) node).operand(0);
        }
        return node;
    }

    /** Whether an expression is an integer count: COUNT, SUM of integer CASE, products and sums of such. */
    private static boolean integer(SqlNode node) {
        if (node == null) {
            return false;
        }
        if (Nodes.isCast(node)) {
            String type = ((SqlCall) node).operand(1).toString().toUpperCase(Locale.ROOT);
            return type.contains("INT");
        }
        if (node instanceof SqlNumericLiteral literal) {
            return literal.isExact() && literal.getScale() != null && literal.getScale() == 0;
        }
        if (node instanceof SqlCase sqlCase) {
            return Nodes.children(sqlCase.getThenOperands()).stream().allMatch(UnsafeRatio::integerOrNull)
                    && integerOrNull(sqlCase.getElseOperand());
        }
        if (!(node instanceof SqlBasicCall call)) {
            return false;
        }
        String name = Nodes.name(call);
        return switch (node.getKind()) {
            case TIMES, PLUS, MINUS -> Nodes.children(node).stream().allMatch(UnsafeRatio::integer);
            default -> name.equals("COUNT") || (name.equals("SUM") && integer(call.operand(0)))
                    || (GUARDS.contains(name) && integer(call.operand(0)));
        };
    }

    private static boolean integerOrNull(SqlNode node) {
        return node == null || (node instanceof SqlLiteral literal && literal.getValue() == null) || integer(node);
    }

    /** Without a parse tree: {@code / COUNT(…)} as the whole denominator, and no GROUP BY to make COUNT(*) positive. */
    @Override
    public void checkTokens(TokenContext context) {
        List<Token> tokens = context.tokens();
        boolean grouped = false;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            grouped |= tokens.get(i).isWord("group") && tokens.get(i + 1).isWord("by");
        }
        for (int i = 0; i + 3 < tokens.size(); i++) {
            if (!tokens.get(i).isSymbol("/") || !tokens.get(i + 1).isWord("count") || !tokens.get(i + 2).isSymbol("(")) {
                continue;
            }
            int close = context.closing(i + 2);
            if (close < 0) {
                continue;
            }
            Token after = close + 1 < tokens.size() ? tokens.get(close + 1) : null;
            if (after != null && (after.isSymbol("+") || after.isSymbol("*") || after.isSymbol("::") || after.isSymbol("-")
                    || after.isWord("filter") || after.isWord("over"))) {
                continue; // a longer denominator: without the tree, say nothing
            }
            boolean rows = close == i + 4 && (tokens.get(i + 3).isSymbol("*") || tokens.get(i + 3).kind() == Token.Kind.NUMBER);
            if (rows && grouped) {
                continue;
            }
            String denominator = context.text(i + 1, close);
            context.report(INFO, i + 1, close, "division by a count without NULLIF(…, 0): "
                    + (context.settings().dialect() == TargetDialect.DUCKDB
                            ? "DuckDB returns NULL for a zero count without a word"
                            : "a zero count fails the whole query (division by zero)")
                    + ". Write NULLIF(" + denominator + ", 0).", "NULLIF(" + denominator + ", 0)");
        }
    }
}
