package io.funnelql.lint.rules;

import io.funnelql.lint.model.Nodes;
import io.funnelql.lint.model.RelationUse;
import io.funnelql.lint.model.SelectBlock;
import io.funnelql.lint.report.RuleInfo;
import io.funnelql.lint.report.Severity;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.util.NlsString;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * FQL007: a cast or function applied to a column in a join equality ({@code DATE(p.ts) = DATE(i.ts)},
 * {@code CAST(a.user_id AS TEXT) = b.user_id}) or in a range comparison ({@code ts::timestamp BETWEEN …},
 * {@code TRUNC(ts) >= DATE '…'}) whose other side is not a raw column. The engine computes the
 * function for every row and cannot use an index, the sort order or the partitioning of the column.
 * Comparing a raw column with a transformed constant or a transformed column of the other relation
 * ({@code p.ts >= CAST(i.ts AS DATE)}) is the remedy and is not reported; a shift by a constant
 * ({@code ts + INTERVAL '1' DAY}, DATE_ADD) is arithmetic, not a function.
 */
public final class NonSargableJoinKey implements Rule {
    static final RuleInfo INFO = new RuleInfo("FQL007", "non-sargable-join-key", Severity.WARNING,
            "A cast or function on a column in a join or range condition: no index, sort order or partition of the column serves it.");

    /** Functions that truncate a time to a day, week, month…: a range on the raw column replaces them. */
    private static final Set<String> TRUNCATING = Set.of("DATE", "TRUNC", "DATE_TRUNC", "DATETRUNC", "TIME_BUCKET");
    /** Truncation units (DATE_TRUNC's and Oracle TRUNC's) and the interval one unit spans. */
    private static final Map<String, String> UNIT_INTERVALS = Map.ofEntries(
            Map.entry("minute", "INTERVAL '1' MINUTE"), Map.entry("mi", "INTERVAL '1' MINUTE"),
            Map.entry("hour", "INTERVAL '1' HOUR"), Map.entry("hh", "INTERVAL '1' HOUR"),
            Map.entry("hh24", "INTERVAL '1' HOUR"), Map.entry("week", "INTERVAL '7' DAY"),
            Map.entry("iw", "INTERVAL '7' DAY"), Map.entry("ww", "INTERVAL '7' DAY"),
            Map.entry("month", "INTERVAL '1' MONTH"), Map.entry("mm", "INTERVAL '1' MONTH"),
            Map.entry("mon", "INTERVAL '1' MONTH"), Map.entry("quarter", "INTERVAL '3' MONTH"),
            Map.entry("q", "INTERVAL '3' MONTH"), Map.entry("year", "INTERVAL '1' YEAR"),
            Map.entry("yyyy", "INTERVAL '1' YEAR"), Map.entry("yy", "INTERVAL '1' YEAR"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** A cast or function call that holds a column, and the columns it holds. */
    private record Wrapped(SqlCall call, List<SqlIdentifier> columns) {}

    @Override
    public void check(LintContext context) {
        for (SelectBlock block : context.blocks()) {
            for (SqlNode term : block.conditionTerms()) {
                List<Wrapped> wrapped = new ArrayList<>();
                boolean range = false;
                if (term.getKind() == SqlKind.EQUALS && isJoin((SqlCall) term, block)) {
                    for (SqlNode side : Nodes.children(term)) {
                        wrapped.addAll(wrapped(side));
                    }
                } else {
                    for (Nodes.Comparison comparison : Nodes.comparisons(term)) {
                        range = true;
                        if (!isRaw(comparison.smaller())) {
                            addNew(wrapped, wrapped(comparison.greater()));
                        }
                        if (!isRaw(comparison.greater())) {
                            addNew(wrapped, wrapped(comparison.smaller()));
                        }
                    }
                }
                if (!wrapped.isEmpty()) {
                    String[] fix = {null};
                    String message = message(context, term, wrapped, range, fix);
                    context.report(INFO, term, message, fix[0]);
                }
            }
        }
    }

    private static void addNew(List<Wrapped> into, List<Wrapped> found) {
        for (Wrapped w : found) {
            if (into.stream().noneMatch(x -> x.call() == w.call())) {
                into.add(w);
            }
        }
    }

    /** An equality whose two sides hold columns that are not all of one relation. */
    private static boolean isJoin(SqlCall equality, SelectBlock block) {
        SqlNode left = equality.operand(0);
        SqlNode right = equality.operand(1);
        if (Nodes.columns(left).isEmpty() || Nodes.columns(right).isEmpty()) {
            return false;
        }
        Optional<RelationUse> a = block.relationOf(left);
        Optional<RelationUse> b = block.relationOf(right);
        return !(a.isPresent() && b.isPresent() && a.get() == b.get());
    }

    /** A plain column, or a plain column shifted by a constant. */
    private static boolean isRaw(SqlNode node) {
        if (Nodes.isColumn(node)) {
            return true;
        }
        return Nodes.shift(node).map(shift -> isRaw(shift.base())).orElse(false);
    }

    /** The outermost casts and functions of an expression that hold a column. */
    private static List<Wrapped> wrapped(SqlNode expression) {
        List<Wrapped> found = new ArrayList<>();
        collect(expression, found);
        return found;
    }

    private static void collect(SqlNode node, List<Wrapped> found) {
        if (node == null || Nodes.isQuery(node) || node.getKind() == SqlKind.CASE || node.getKind() == SqlKind.OVER
                || node.getKind() == SqlKind.FILTER) {
            return;
        }
        if (node instanceof SqlBasicCall call && isFunction(call) && Nodes.shift(call).isEmpty()) {
            List<SqlIdentifier> columns = Nodes.columns(call).stream().filter(c -> !Nodes.isUnit(c)).toList();
            if (!columns.isEmpty()) {
                found.add(new Wrapped(call, columns));
            }
            return;
        }
        for (SqlNode child : Nodes.children(node)) {
            collect(child, found);
        }
    }

    private static boolean isFunction(SqlBasicCall call) {
        return call.getKind() == SqlKind.CAST || (call.getOperator() instanceof SqlFunction
                && !call.getKind().belongsTo(SqlKind.AGGREGATE) && !Nodes.isCountingAggregate(call));
    }

    private static String message(LintContext context, SqlNode term, List<Wrapped> wrapped, boolean range, String[] fix) {
        Set<String> columns = new LinkedHashSet<>();
        List<String> calls = new ArrayList<>();
        for (Wrapped w : wrapped) {
            w.columns().forEach(c -> columns.add(String.join(".", c.names).toLowerCase(Locale.ROOT)));
            calls.add(context.excerpt(w.call()));
        }
        String column = columns.iterator().next();
        SqlCall first = wrapped.get(0).call();
        boolean cast = first.getKind() == SqlKind.CAST;
        boolean truncating = cast ? isTemporalCast(first) : TRUNCATING.contains(Nodes.name(first));
        StringBuilder message = new StringBuilder(String.join(" and ", calls))
                .append(calls.size() == 1 ? " wraps " : " wrap ").append(String.join(" and ", columns))
                .append(" in this ").append(range ? "range" : "join")
                .append(" condition: it is computed for every row, and no index, sort order or partitioning of ")
                .append(column).append(" can serve the condition. ");
        List<SqlNode> operands = Nodes.children(term);
        if (truncating && !range) {
            SqlNode other = contains(operands.get(0), first) ? operands.get(1) : operands.get(0);
            String start = context.excerpt(other);
            fix[0] = column + " >= " + start + " AND " + column + " < " + start + " + " + unit(first);
            message.append("Compare the raw column with a range computed from the other side instead: ").append(fix[0])
                    .append(".");
        } else if (truncating && term.getKind() == SqlKind.BETWEEN && contains(operands.get(0), first)) {
            fix[0] = column + " >= " + context.excerpt(operands.get(1)) + " AND " + column + " < "
                    + context.excerpt(operands.get(2)) + " + " + unit(first);
            message.append("Compare the raw column with the bounds instead: ").append(fix[0]).append(".");
        } else if (truncating) {
            message.append("Compare the raw column with the bound instead (").append(column)
                    .append(" >= the bound for a lower bound, ").append(column)
                    .append(" < the bound + ").append(unit(first)).append(" for an upper one).");
        } else if (cast && !range) {
            message.append("The keys have different types: give both the same type where they are produced (in the"
                    + " table, or once in a CTE), so that the join compares ").append(column).append(" as stored.");
        } else if (!range) {
            message.append("Compute the transformed key once (a column, or a CTE) and join on it, so that the join"
                    + " compares raw columns.");
        } else {
            message.append("Compare the raw ").append(column)
                    .append(" with the other side transformed instead (cast the constant, not the column).");
        }
        return message.toString();
    }

    private static boolean contains(SqlNode tree, SqlNode node) {
        boolean[] found = {false};
        Nodes.walkExpression(tree, n -> found[0] |= n == node);
        return found[0];
    }

    /** A cast to DATE, which truncates a timestamp to its day. */
    private static boolean isTemporalCast(SqlCall cast) {
        return cast.operand(1).toString().toUpperCase(Locale.ROOT).replace("`", "").equals("DATE");
    }

    /** The interval one unit of a truncation spans: DATE_TRUNC('week', …) a week, DATE(…) a day. */
    private static String unit(SqlCall truncation) {
        for (SqlNode operand : Nodes.children(truncation)) {
            if (operand instanceof SqlLiteral literal && literal.getValue() instanceof NlsString text) {
                String unit = UNIT_INTERVALS.get(text.getValue().toLowerCase(Locale.ROOT));
                if (unit != null) {
                    return unit;
                }
            }
            if (operand instanceof SqlIntervalLiteral interval) {
                return interval.toString();
            }
        }
        return "INTERVAL '1' DAY";
    }
}
