package io.funnelql.lint.model;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.fun.SqlCase;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.sql.SqlIdentifier;

/**
 * What can be proved of an expression's values in one SELECT: never below 1 (a COUNT(*) of a
 * group, a count plus one, the GREATEST of something and 1), never negative (any count), never
 * zero (those, and NULLIF(…, 0)), and whether it holds a time.
 */
public final class Values {
    /** Functions whose result is a time (or a truncated time) when applied to one. */
    private static final Set<String> TIME_FUNCTIONS = Set.of("DATE", "DATE_TRUNC", "TRUNC", "TIME_BUCKET",
            "TO_TIMESTAMP", "TO_DATE", "DATEADD", "DATE_ADD", "TIMESTAMPADD", "ADD_MONTHS", "AT_TIME_ZONE",
            "CONVERT_TIMEZONE", "TIMEZONE", "DATETRUNC", "MIN", "MAX", "LAG", "LEAD", "FIRST_VALUE", "LAST_VALUE");
    private static final Set<String> NOW = Set.of("NOW", "GETDATE", "SYSDATE", "SYSTIMESTAMP", "CURRENT_TIMESTAMP",
            "CURRENT_DATE", "LOCALTIMESTAMP", "TRANSACTION_TIMESTAMP", "STATEMENT_TIMESTAMP", "CLOCK_TIMESTAMP");
    private static final Set<String> TEMPORAL_TYPES = Set.of("DATE", "TIMESTAMP", "TIMESTAMPTZ", "TIME", "DATETIME",
            "TIMESTAMP WITH TIME ZONE", "TIMESTAMP WITHOUT TIME ZONE", "TIMESTAMP_WITH_LOCAL_TIME_ZONE",
            "TIMESTAMP WITH LOCAL TIME ZONE");

    private Values() {}

    private static SqlNode strip(SqlNode node) {
        while (node != null && (Nodes.isCast(node) || node.getKind() == SqlKind.AS)) {
            node = ((SqlCall) node).operand(0);
        }
        return node;
    }

    private static Optional<BigDecimal> number(SqlNode node) {
        if (node instanceof SqlNumericLiteral literal && literal.getValue() instanceof BigDecimal value) {
            return Optional.of(value);
        }
        if (node != null && node.getKind() == SqlKind.MINUS_PREFIX) {
            return number(((SqlCall) node).operand(0)).map(BigDecimal::negate);
        }
        return Optional.empty();
    }

    private static boolean isCountOfRows(SqlCall call) {
        if (!Nodes.name(call).equals("COUNT") || Nodes.isDistinct(call) || call.operandCount() != 1) {
            return false;
        }
        SqlNode operand = call.operand(0);
        return operand.toString().equals("*") || operand instanceof SqlLiteral;
    }

    /** Never below 1 (or NULL). {@code grouped}: the SELECT has a GROUP BY, so each group has a row. */
    public static boolean positive(SqlNode node, SelectBlock block, boolean grouped) {
        node = strip(node);
        if (node == null) {
            return false;
        }
        Optional<BigDecimal> number = number(node);
        if (number.isPresent()) {
            return number.get().compareTo(BigDecimal.ONE) >= 0;
        }
        Optional<ColumnRef> column = block.resolve(node);
        if (column.isPresent()) {
            return column.get().relation().shape().facts().positive().contains(column.get().column());
        }
        if (!(node instanceof SqlBasicCall call)) {
            return false;
        }
        List<SqlNode> operands = Nodes.children(call);
        return switch (node.getKind()) {
            case PLUS -> operands.size() == 2 && ((positive(operands.get(0), block, grouped) && nonNegative(operands.get(1), block))
                    || (positive(operands.get(1), block, grouped) && nonNegative(operands.get(0), block)));
            case TIMES -> operands.stream().allMatch(o -> positive(o, block, grouped));
            case OVER -> positive(operands.get(0), block, true) && !(strip(operands.get(0)) instanceof SqlCall c
                    && Nodes.name(c).equals("COUNT") && !isCountOfRows(c));
            default -> {
                String name = Nodes.name(call);
                if (name.equals("COUNT")) {
                    yield grouped && isCountOfRows(call);
                }
                if (name.equals("SUM") || name.equals("MIN") || name.equals("MAX") || name.equals("AVG")) {
                    // Over no rows these are NULL, never 0; over rows that are each >= 1, >= 1.
                    yield operands.size() == 1 && positive(operands.get(0), block, grouped);
                }
                if (name.equals("GREATEST")) {
                    yield operands.stream().anyMatch(o -> positive(o, block, grouped));
                }
                if (name.equals("COALESCE") || name.equals("NVL") || name.equals("LEAST")) {
                    yield operands.stream().allMatch(o -> positive(o, block, grouped));
                }
                yield false;
            }
        };
    }

    /** Never negative (or NULL): counts, sums of such, non-negative numbers. */
    public static boolean nonNegative(SqlNode node, SelectBlock block) {
        node = strip(node);
        if (node == null) {
            return false;
        }
        Optional<BigDecimal> number = number(node);
        if (number.isPresent()) {
            return number.get().signum() >= 0;
        }
        if (positive(node, block, false)) {
            return true;
        }
        if (!(node instanceof SqlBasicCall call)) {
            return false;
        }
        List<SqlNode> operands = Nodes.children(call);
        return switch (node.getKind()) {
            case PLUS, TIMES -> operands.stream().allMatch(o -> nonNegative(o, block));
            case OVER -> nonNegative(operands.get(0), block);
            default -> {
                String name = Nodes.name(call);
                yield name.equals("COUNT") || ((name.equals("SUM") || name.equals("MIN") || name.equals("MAX"))
                        && operands.size() == 1 && nonNegative(operands.get(0), block))
                        || (name.equals("GREATEST") && operands.stream().anyMatch(o -> nonNegative(o, block)));
            }
        };
    }

    /** Never zero (NULL allowed): positive, or NULLIF(…, 0), or a CASE (whose branches the author chose). */
    public static boolean nonZero(SqlNode node, SelectBlock block, boolean grouped) {
        SqlNode top = strip(node);
        if (top == null) {
            return false;
        }
        if (top instanceof SqlCase || positive(top, block, grouped)) {
            return true;
        }
        if (top instanceof SqlBasicCall call) {
            String name = Nodes.name(call);
            if (name.equals("NULLIF")) {
                return true;
            }
            if (name.equals("COALESCE") || name.equals("NVL")) {
                return Nodes.children(call).stream().allMatch(o -> nonZero(o, block, grouped));
            }
            if (top.getKind() == SqlKind.TIMES) {
                return Nodes.children(call).stream().allMatch(o -> nonZero(o, block, grouped));
            }
        }
        return false;
    }

    /** Whether an expression holds a time: a temporal column, a time function of one, now(), a cast to a time type. */
    public static boolean temporal(SqlNode node, SelectBlock block) {
        if (node == null) {
            return false;
        }
        if (node.getKind() == SqlKind.AS) {
            return temporal(((SqlCall) node).operand(0), block);
        }
        Optional<ColumnRef> column = block.resolve(node);
        if (column.isPresent()) {
            return column.get().relation().shape().temporal(column.get().column()).orElse(false);
        }
        if (node instanceof SqlLiteral literal) {
            String type = literal.getTypeName().getName();
            return type.startsWith("DATE") || type.startsWith("TIME");
        }
        if (node instanceof SqlIdentifier id && id.names.size() == 1
                && NOW.contains(id.names.get(0).toUpperCase(Locale.ROOT))) {
            return true;
        }
        if (!(node instanceof SqlBasicCall call)) {
            return false;
        }
        if (Nodes.isCast(node)) {
            String type = call.operand(1).toString().toUpperCase(Locale.ROOT).replace("`", "");
            return TEMPORAL_TYPES.contains(type) || type.startsWith("TIMESTAMP");
        }
        if (Nodes.shift(node).isPresent()) {
            return temporal(Nodes.shift(node).get().base(), block);
        }
        String name = Nodes.name(call);
        if (NOW.contains(name)) {
            return true;
        }
        if (node.getKind() == SqlKind.OVER) {
            return temporal(call.operand(0), block);
        }
        if (TIME_FUNCTIONS.contains(name)) {
            return name.equals("TO_TIMESTAMP") || name.equals("TO_DATE") || name.equals("DATE")
                    || Nodes.children(call).stream().anyMatch(o -> temporal(o, block));
        }
        return false;
    }

    /** Whether an expression truncates a time to a period: DATE(ts), ts::date, date_trunc('day', ts), TRUNC(ts). */
    public static boolean period(SqlNode node, SelectBlock block) {
        if (node instanceof SqlBasicCall call) {
            if (Nodes.isCast(node)) {
                return call.operand(1).toString().toUpperCase(Locale.ROOT).replace("`", "").equals("DATE")
                        && !Nodes.columns(call.operand(0)).isEmpty();
            }
            String name = Nodes.name(call);
            return Set.of("DATE", "DATE_TRUNC", "TRUNC", "TIME_BUCKET", "DATETRUNC").contains(name)
                    && !Nodes.columns(call).isEmpty();
        }
        return temporal(node, block) && block.resolve(node).isPresent();
    }
}
