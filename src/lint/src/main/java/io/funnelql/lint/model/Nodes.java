package io.funnelql.lint.model;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInfixOperator;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlPostfixOperator;
import org.apache.calcite.sql.fun.SqlBetweenOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Small helpers over Calcite's parse tree. */
public final class Nodes {
    private static final Set<String> COUNTING = Set.of("COUNT", "SUM", "AVG");
    /** Date and time functions that add an amount to a value: {@code DATE_ADD(value, amount)}, … */
    private static final Set<String> ADDING = Set.of("DATE_ADD", "DATEADD", "TIMESTAMPADD", "TIMESTAMP_ADD",
            "ADD_MONTHS", "ADD_DAYS", "DATETIME_ADD");
    private static final Set<String> SUBTRACTING = Set.of("DATE_SUB", "TIMESTAMP_SUB", "DATETIME_SUB");
    /** The current date and time, which the parser reads as identifiers. */
    private static final Set<String> NOW = Set.of("CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "LOCALTIME",
            "LOCALTIMESTAMP", "SYSDATE", "SYSTIMESTAMP");
    /** Unit words of DATEADD and DATEDIFF, which the parser reads as columns. */
    private static final Set<String> UNITS = Set.of("SECOND", "MINUTE", "HOUR", "DAY", "WEEK", "MONTH", "QUARTER",
            "YEAR", "DD", "MM", "YY", "HH", "MI", "SS", "WK", "QQ");

    private Nodes() {}

    public static boolean isQuery(SqlNode node) {
        return node != null && node.getKind().belongsTo(SqlKind.QUERY);
    }

    /** The operands of a call or the items of a list (nulls dropped); nothing for a leaf. */
    public static List<SqlNode> children(SqlNode node) {
        List<SqlNode> children = new ArrayList<>();
        if (node instanceof SqlNodeList list) {
            for (SqlNode item : list) {
                if (item != null) {
                    children.add(item);
                }
            }
        } else if (node instanceof SqlCall call) {
            for (SqlNode operand : call.getOperandList()) {
                if (operand != null) {
                    children.add(operand);
                }
            }
        }
        return children;
    }

    /** Visits an expression and its sub-expressions, not entering sub-queries. */
    public static void walkExpression(SqlNode node, Consumer<SqlNode> visitor) {
        if (node == null) {
            return;
        }
        visitor.accept(node);
        if (isQuery(node)) {
            return;
        }
        for (SqlNode child : children(node)) {
            walkExpression(child, visitor);
        }
    }

    /** Every node of a tree, sub-queries included. */
    public static void walkAll(SqlNode node, Consumer<SqlNode> visitor) {
        if (node == null) {
            return;
        }
        visitor.accept(node);
        for (SqlNode child : children(node)) {
            walkAll(child, visitor);
        }
    }

    /** The terms of a conjunction. */
    public static List<SqlNode> conjuncts(SqlNode condition) {
        List<SqlNode> terms = new ArrayList<>();
        addConjuncts(condition, terms);
        return terms;
    }

    private static void addConjuncts(SqlNode condition, List<SqlNode> terms) {
        if (condition == null) {
            return;
        }
        if (condition.getKind() == SqlKind.AND) {
            for (SqlNode operand : children(condition)) {
                addConjuncts(operand, terms);
            }
        } else {
            terms.add(condition);
        }
    }

    /** The upper-case name of a call's operator ({@code COUNT}, {@code ROW_NUMBER}, {@code NULLIF}). */
    public static String name(SqlCall call) {
        return call.getOperator().getName().toUpperCase(Locale.ROOT);
    }

    public static boolean isDistinct(SqlCall call) {
        SqlLiteral quantifier = call.getFunctionQuantifier();
        return quantifier != null && "DISTINCT".equalsIgnoreCase(quantifier.toValue());
    }

    /** COUNT, SUM or AVG, which a multiplied row changes (MIN and MAX it does not). */
    public static boolean isCountingAggregate(SqlNode node) {
        return node instanceof SqlCall call && !(node instanceof SqlNodeList) && COUNTING.contains(name(call))
                && call.getKind() != SqlKind.OVER;
    }

    /** The counting aggregates of an expression, those inside an OVER included or not. */
    public static List<SqlCall> countingAggregates(SqlNode expression, boolean includeWindowed) {
        List<SqlCall> found = new ArrayList<>();
        collectAggregates(expression, includeWindowed, found);
        return found;
    }

    private static void collectAggregates(SqlNode node, boolean includeWindowed, List<SqlCall> found) {
        if (node == null || isQuery(node)) {
            return;
        }
        if (node.getKind() == SqlKind.OVER && !includeWindowed) {
            return;
        }
        if (isCountingAggregate(node)) {
            found.add((SqlCall) node);
            return;
        }
        for (SqlNode child : children(node)) {
            collectAggregates(child, includeWindowed, found);
        }
    }

    /** Strips AS and FILTER wrappers. */
    public static SqlNode unalias(SqlNode node) {
        if (node != null && node.getKind() == SqlKind.AS) {
            return ((SqlCall) node).operand(0);
        }
        return node;
    }

    public static boolean isCast(SqlNode node) {
        return node != null && node.getKind() == SqlKind.CAST;
    }

    /** An identifier that names a column: not {@code *}, not CURRENT_DATE, SYSDATE and the like. */
    public static boolean isColumn(SqlNode node) {
        return node instanceof SqlIdentifier identifier && !identifier.isStar()
                && !(identifier.names.size() == 1 && NOW.contains(identifier.names.get(0).toUpperCase(Locale.ROOT)));
    }

    /** The column identifiers of an expression, outside sub-queries. */
    public static List<SqlIdentifier> columns(SqlNode expression) {
        List<SqlIdentifier> found = new ArrayList<>();
        walkExpression(expression, node -> {
            if (isColumn(node)) {
                found.add((SqlIdentifier) node);
            }
        });
        return found;
    }

    public static String lastName(SqlIdentifier identifier) {
        return identifier.names.get(identifier.names.size() - 1).toLowerCase(Locale.ROOT);
    }

    /**
     * The region a node covers, its sub-nodes included. An infix operator's region is its operands':
     * Babel places a {@code ::} cast, and every operator applied to one, where the expression list
     * began ({@code WHERE ts::date >= …} at WHERE).
     */
    public static SqlParserPos span(SqlNode node) {
        List<SqlParserPos> positions = new ArrayList<>();
        addSpan(node, positions);
        if (positions.isEmpty()) {
            return node.getParserPosition();
        }
        return SqlParserPos.sum(positions);
    }

    private static void addSpan(SqlNode node, List<SqlParserPos> positions) {
        if (node == null) {
            return;
        }
        List<SqlNode> children = children(node);
        boolean infix = node instanceof SqlCall call && !(node instanceof SqlNodeList) && !children.isEmpty()
                && (call.getOperator() instanceof SqlBinaryOperator || call.getOperator() instanceof SqlInfixOperator
                        || call.getOperator() instanceof SqlPostfixOperator);
        SqlParserPos pos = node.getParserPosition();
        if (!infix && pos != null && pos.getLineNum() > 0) {
            positions.add(pos);
        }
        for (SqlNode child : children) {
            addSpan(child, positions);
        }
    }

    /**
     * One ordering that a condition states: {@code greater >= smaller} ({@code inclusive}) or
     * {@code greater > smaller}, and the condition term that states it.
     */
    public record Comparison(SqlNode greater, SqlNode smaller, boolean inclusive, SqlNode term) {}

    /**
     * The orderings a condition term states: one for {@code <}, {@code <=}, {@code >}, {@code >=},
     * two for {@code v BETWEEN low AND high} ({@code v >= low}, {@code high >= v}); none for
     * anything else, NOT BETWEEN and BETWEEN SYMMETRIC included.
     */
    public static List<Comparison> comparisons(SqlNode term) {
        if (!(term instanceof SqlCall call) || term instanceof SqlNodeList) {
            return List.of();
        }
        return switch (term.getKind()) {
            case GREATER_THAN -> List.of(new Comparison(call.operand(0), call.operand(1), false, term));
            case GREATER_THAN_OR_EQUAL -> List.of(new Comparison(call.operand(0), call.operand(1), true, term));
            case LESS_THAN -> List.of(new Comparison(call.operand(1), call.operand(0), false, term));
            case LESS_THAN_OR_EQUAL -> List.of(new Comparison(call.operand(1), call.operand(0), true, term));
            case BETWEEN -> call.getOperator() instanceof SqlBetweenOperator between && !between.isNegated()
                    && between.flag == SqlBetweenOperator.Flag.ASYMMETRIC
                    ? List.of(new Comparison(call.operand(0), call.operand(1), true, term),
                            new Comparison(call.operand(2), call.operand(0), true, term))
                    : List.of();
            default -> List.of();
        };
    }

    /**
     * An expression read as {@code base ± amount}, where the amount holds no column: {@code c.week + 1},
     * {@code ts - INTERVAL '7' DAY}, {@code DATE_ADD(ts, INTERVAL 1 WEEK)}, {@code DATEADD(day, 7, ts)},
     * {@code ADD_MONTHS(month, 1)}. {@code sign} is +1 or -1.
     */
    public record Shift(SqlNode base, SqlNode amount, int sign) {}

    /** The expression as a shift of a base that holds columns, when it is one. */
    public static Optional<Shift> shift(SqlNode node) {
        if (!(node instanceof SqlBasicCall call)) {
            return Optional.empty();
        }
        List<SqlNode> operands = children(call);
        if ((node.getKind() == SqlKind.PLUS || node.getKind() == SqlKind.MINUS) && operands.size() == 2) {
            int sign = node.getKind() == SqlKind.PLUS ? 1 : -1;
            if (isConstant(operands.get(1)) && !isConstant(operands.get(0))) {
                return Optional.of(new Shift(operands.get(0), operands.get(1), sign));
            }
            if (sign == 1 && isConstant(operands.get(0)) && !isConstant(operands.get(1))) {
                return Optional.of(new Shift(operands.get(1), operands.get(0), 1));
            }
            return Optional.empty();
        }
        String name = name(call);
        if (ADDING.contains(name) || SUBTRACTING.contains(name)) {
            List<SqlNode> bases = operands.stream().filter(o -> !isUnit(o) && !isConstant(o)).toList();
            List<SqlNode> amounts = operands.stream().filter(o -> !isUnit(o) && isConstant(o)).toList();
            if (bases.size() == 1 && amounts.size() == 1) {
                return Optional.of(new Shift(bases.get(0), amounts.get(0), ADDING.contains(name) ? 1 : -1));
            }
        }
        return Optional.empty();
    }

    /** An expression without columns or sub-queries: literals, parameters, intervals, functions of them. */
    public static boolean isConstant(SqlNode node) {
        boolean[] variable = {false};
        walkExpression(node, n -> {
            if (isColumn(n) || isQuery(n)) {
                variable[0] = true;
            }
        });
        return !variable[0];
    }

    /** A unit argument ({@code day} in {@code DATEADD(day, 7, ts)}, which may read as a column). */
    public static boolean isUnit(SqlNode node) {
        return node.getKind() == SqlKind.INTERVAL_QUALIFIER
                || (node instanceof SqlLiteral literal && literal.getTypeName() == SqlTypeName.SYMBOL)
                || (node instanceof SqlIdentifier id && id.names.size() == 1
                        && UNITS.contains(id.names.get(0).toUpperCase(Locale.ROOT)));
    }

    /** A normalized text of an expression, for comparing two expressions. */
    public static String text(SqlNode node) {
        return node.toString().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
