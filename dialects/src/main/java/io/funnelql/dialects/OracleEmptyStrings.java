package io.funnelql.dialects;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.util.NlsString;

import java.util.ArrayList;
import java.util.List;

/**
 * Oracle reads {@code ''} as NULL and stores an empty string as NULL, so a table in Oracle holds
 * no empty string, and {@code col = ''} or {@code col <> ''} is never true there, where every other
 * engine answers true or false (docs/dialects.md, "Oracle's empty string"). The Oracle SQL
 * therefore compares with {@code ''} through {@code LENGTH}: {@code col op ''} becomes
 * {@code LENGTH(col) op 0}, which answers on every engine as the comparison does (NULL for a NULL
 * value, else whether the text is empty) and on Oracle as the other engines would over the table
 * Oracle holds. IN lists holding {@code ''} are written as the comparisons they stand for, and
 * {@code LIKE ''} as {@code LENGTH(col) = 0}.
 */
final class OracleEmptyStrings {
    private static final SqlFunction LENGTH = new SqlFunction("LENGTH", SqlKind.OTHER_FUNCTION,
            ReturnTypes.INTEGER_NULLABLE, null, OperandTypes.STRING, SqlFunctionCategory.STRING);
    private static final SqlParserPos POS = SqlParserPos.ZERO;

    private OracleEmptyStrings() {}

    /** Renders the call rewritten when it compares with {@code ''}; false leaves it as it is. */
    static boolean render(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
        SqlNode rewritten = rewrite(call);
        if (rewritten == null) {
            return false;
        }
        rewritten.unparse(writer, leftPrec, rightPrec);
        return true;
    }

    /** The call without {@code ''}, or null when it has none to rewrite. */
    static SqlNode rewrite(SqlCall call) {
        if (call.getOperator() == PortableFunctions.LIKE) {
            // Only the empty text matches the empty pattern.
            return empty(call.operand(1)) ? SqlStdOperatorTable.EQUALS.createCall(POS, length(call.operand(0)), zero()) : null;
        }
        SqlKind kind = call.getKind();
        switch (kind) {
            case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
                SqlNode left = call.operand(0);
                SqlNode right = call.operand(1);
                if (empty(left) && empty(right)) {
                    return call.getOperator().createCall(POS, zero(), zero()); // '' op '' is 0 op 0 on the other engines
                }
                if (empty(right)) {
                    return call.getOperator().createCall(POS, length(left), zero());
                }
                if (empty(left)) {
                    return reversed(kind).createCall(POS, length(right), zero());
                }
                return null;
            }
            case LIKE -> {
                if (call.operandCount() != 2 || !empty(call.operand(1))) {
                    return null;
                }
                // Only the empty text matches the empty pattern.
                boolean negated = call.getOperator() instanceof SqlLikeOperator like && like.isNegated();
                SqlOperator comparison = negated ? SqlStdOperatorTable.GREATER_THAN : SqlStdOperatorTable.EQUALS;
                return comparison.createCall(POS, length(call.operand(0)), zero());
            }
            case IN, NOT_IN -> {
                if (!(call.operand(1) instanceof SqlNodeList list)
                        || !(empty(call.operand(0)) || list.stream().anyMatch(OracleEmptyStrings::empty))) {
                    return null;
                }
                // x IN (a, b) is x = a OR x = b, x NOT IN (a, b) is x <> a AND x <> b: three-valued alike.
                boolean in = kind == SqlKind.IN;
                List<SqlNode> comparisons = new ArrayList<>();
                for (SqlNode item : list) {
                    comparisons.add((in ? SqlStdOperatorTable.EQUALS : SqlStdOperatorTable.NOT_EQUALS)
                            .createCall(POS, call.operand(0), item));
                }
                SqlNode result = comparisons.get(0);
                for (SqlNode next : comparisons.subList(1, comparisons.size())) {
                    result = (in ? SqlStdOperatorTable.OR : SqlStdOperatorTable.AND).createCall(POS, result, next);
                }
                return result;
            }
            default -> {
                return null;
            }
        }
    }

    /** {@code ''}, also as the operand of an order comparison ({@link PortableFunctions#CODE_POINT_ORDER}). */
    static boolean empty(SqlNode node) {
        if (node instanceof SqlCall call && call.getOperator() == PortableFunctions.CODE_POINT_ORDER) {
            return empty(call.operand(0));
        }
        return node instanceof SqlCharStringLiteral literal && literal.getValueAs(NlsString.class).getValue().isEmpty();
    }

    private static SqlNode length(SqlNode text) {
        return LENGTH.createCall(POS, text);
    }

    private static SqlNode zero() {
        return SqlLiteral.createExactNumeric("0", POS);
    }

    /** The operator with its operands swapped: '' < x is x > ''. */
    private static SqlOperator reversed(SqlKind kind) {
        return switch (kind) {
            case LESS_THAN -> SqlStdOperatorTable.GREATER_THAN;
            case LESS_THAN_OR_EQUAL -> SqlStdOperatorTable.GREATER_THAN_OR_EQUAL;
            case GREATER_THAN -> SqlStdOperatorTable.LESS_THAN;
            case GREATER_THAN_OR_EQUAL -> SqlStdOperatorTable.LESS_THAN_OR_EQUAL;
            case NOT_EQUALS -> SqlStdOperatorTable.NOT_EQUALS;
            default -> SqlStdOperatorTable.EQUALS;
        };
    }
}
