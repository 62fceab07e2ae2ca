package io.funnelql.lint.model;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/** Small helpers over Calcite's parse tree. */
public final class Nodes {
    private static final Set<String> COUNTING = Set.of("COUNT", "SUM", "AVG");

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

    public static boolean isColumn(SqlNode node) {
        return node instanceof SqlIdentifier identifier && !identifier.isStar();
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

    /** The region a node covers, its sub-nodes included. */
    public static SqlParserPos span(SqlNode node) {
        List<SqlParserPos> positions = new ArrayList<>();
        walkAll(node, n -> {
            SqlParserPos pos = n.getParserPosition();
            if (pos != null && pos.getLineNum() > 0) {
                positions.add(pos);
            }
        });
        if (positions.isEmpty()) {
            return node.getParserPosition();
        }
        return SqlParserPos.sum(positions);
    }

    /** A normalized text of an expression, for comparing two expressions. */
    public static String text(SqlNode node) {
        return node.toString().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
