package io.funnelql.compiler.plan;

import io.funnelql.dialects.PortableFunctions;
import io.funnelql.dsl.model.DataType;
import io.funnelql.dsl.model.Micros;
import io.funnelql.dsl.model.expression.ArithmeticOperator;
import io.funnelql.dsl.model.expression.ComparisonOperator;
import io.funnelql.dsl.model.expression.Expression;
import io.funnelql.dsl.model.expression.LogicalOperator;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A language expression as a Calcite expression over the source table on top of the builder.
 * Semantics match the reference evaluator: three-valued logic, division always in double with
 * x/0 NULL, LIKE without an escape character, strings ordered by code point.
 */
public final class ExpressionTranslator {
    private final PlanContext<?> context;
    private final QueryParameters parameters;

    public ExpressionTranslator(PlanContext<?> context, QueryParameters parameters) {
        this.context = context;
        this.parameters = parameters;
    }

    public RexNode translate(Expression expression) {
        RelBuilder b = context.builder();
        if (expression instanceof Expression.ColumnReference reference) {
            return b.field(context.databaseName(reference.column()));
        }
        if (expression instanceof Expression.Literal literal) {
            return literal(literal.value(), literal.type());
        }
        if (expression instanceof Expression.ParameterReference reference) {
            return parameters.inlinedValue(reference.parameter())
                    .map(value -> literal(value, reference.parameter().type()))
                    .orElseGet(() -> parameters.placeholder(reference.parameter(), b));
        }
        if (expression instanceof Expression.Comparison comparison) {
            return comparison(comparison.operator(), comparison.left(), comparison.right());
        }
        if (expression instanceof Expression.Between between) {
            RexNode both = b.and(comparison(ComparisonOperator.GREATER_THAN_OR_EQUAL, between.value(), between.lower()),
                    comparison(ComparisonOperator.LESS_THAN_OR_EQUAL, between.value(), between.upper()));
            return between.negated() ? b.not(both) : both;
        }
        if (expression instanceof Expression.InList in) {
            List<RexNode> equals = in.candidates().stream()
                    .map(candidate -> comparison(ComparisonOperator.EQUAL, in.value(), candidate)).toList();
            RexNode any = equals.size() == 1 ? equals.get(0) : b.or(equals);
            return in.negated() ? b.not(any) : any;
        }
        if (expression instanceof Expression.IsNull isNull) {
            RexNode value = translate(isNull.value());
            return isNull.negated() ? b.isNotNull(value) : b.isNull(value);
        }
        if (expression instanceof Expression.Like like) {
            RexNode matches = b.call(PortableFunctions.LIKE, translate(like.value()), translate(like.pattern()));
            return like.negated() ? b.not(matches) : matches;
        }
        if (expression instanceof Expression.Not not) {
            return b.not(translate(not.operand()));
        }
        if (expression instanceof Expression.Logical logical) {
            RexNode left = translate(logical.left());
            RexNode right = translate(logical.right());
            return logical.operator() == LogicalOperator.AND ? b.and(left, right) : b.or(left, right);
        }
        if (expression instanceof Expression.Negation negation) {
            return b.call(SqlStdOperatorTable.UNARY_MINUS, translate(negation.operand()));
        }
        return arithmetic((Expression.Arithmetic) expression);
    }

    private RexNode arithmetic(Expression.Arithmetic arithmetic) {
        RelBuilder b = context.builder();
        if (arithmetic.type() == DataType.TIMESTAMP) {
            return micros(arithmetic);
        }
        RexNode left = translate(arithmetic.left());
        RexNode right = translate(arithmetic.right());
        return switch (arithmetic.operator()) {
            case ADD -> b.call(SqlStdOperatorTable.PLUS, left, right);
            case SUBTRACT -> b.call(SqlStdOperatorTable.MINUS, left, right);
            case MULTIPLY -> b.call(SqlStdOperatorTable.MULTIPLY, left, right);
            // Always in double; NULLIF turns x/0 into NULL as the reference does.
            case DIVIDE -> b.call(SqlStdOperatorTable.DIVIDE, toDouble(left),
                    b.call(SqlStdOperatorTable.NULLIF, toDouble(right), b.literal(BigDecimal.ZERO)));
        };
    }

    private RexNode toDouble(RexNode value) {
        RelDataTypeFactory types = context.builder().getTypeFactory();
        return context.builder().getRexBuilder().makeCast(types.createTypeWithNullability(
                types.createSqlType(SqlTypeName.DOUBLE), true), value);
    }

    /**
     * Timestamp and interval arithmetic is done in integer microseconds since 1970, as windows
     * are: interval types and their literals are spelled differently by every engine, integers are
     * not. Intervals are microseconds already ({@link #literal}); a timestamp operand goes through
     * {@code EPOCH_MICROS}.
     */
    private RexNode micros(Expression expression) {
        RelBuilder b = context.builder();
        if (expression instanceof Expression.Arithmetic arithmetic && arithmetic.type() == DataType.TIMESTAMP) {
            boolean intervalFirst = arithmetic.left().type() == DataType.INTERVAL;
            RexNode time = micros(intervalFirst ? arithmetic.right() : arithmetic.left());
            RexNode interval = translate(intervalFirst ? arithmetic.left() : arithmetic.right());
            return b.call(arithmetic.operator() == ArithmeticOperator.SUBTRACT ? SqlStdOperatorTable.MINUS
                    : SqlStdOperatorTable.PLUS, time, interval);
        }
        if (expression.type() == DataType.INTERVAL) {
            return translate(expression);
        }
        return b.call(PortableFunctions.EPOCH_MICROS, comparable(translate(expression), expression.type(), DataType.TIMESTAMP));
    }

    private static boolean inMicros(Expression expression) {
        return expression.type() == DataType.INTERVAL
                || expression instanceof Expression.Arithmetic arithmetic && arithmetic.type() == DataType.TIMESTAMP;
    }

    private RexNode comparison(ComparisonOperator operator, Expression leftExpression, Expression rightExpression) {
        RelBuilder b = context.builder();
        boolean micros = inMicros(leftExpression) || inMicros(rightExpression);
        RexNode left = micros ? micros(leftExpression)
                : comparable(translate(leftExpression), leftExpression.type(), rightExpression.type());
        RexNode right = micros ? micros(rightExpression)
                : comparable(translate(rightExpression), rightExpression.type(), leftExpression.type());
        boolean ordering = operator != ComparisonOperator.EQUAL && operator != ComparisonOperator.NOT_EQUAL;
        if (ordering && leftExpression.type() == DataType.VARCHAR) {
            left = b.call(PortableFunctions.CODE_POINT_ORDER, left);
            right = b.call(PortableFunctions.CODE_POINT_ORDER, right);
        }
        SqlOperator sqlOperator = switch (operator) {
            case EQUAL -> SqlStdOperatorTable.EQUALS;
            case NOT_EQUAL -> SqlStdOperatorTable.NOT_EQUALS;
            case LESS_THAN -> SqlStdOperatorTable.LESS_THAN;
            case LESS_THAN_OR_EQUAL -> SqlStdOperatorTable.LESS_THAN_OR_EQUAL;
            case GREATER_THAN -> SqlStdOperatorTable.GREATER_THAN;
            case GREATER_THAN_OR_EQUAL -> SqlStdOperatorTable.GREATER_THAN_OR_EQUAL;
        };
        return b.call(sqlOperator, left, right);
    }

    /** A date compared with a timestamp is midnight of that date, as in the reference. */
    private RexNode comparable(RexNode value, DataType type, DataType other) {
        if (type == DataType.DATE && other == DataType.TIMESTAMP) {
            RelDataTypeFactory types = context.builder().getTypeFactory();
            return context.builder().getRexBuilder().makeCast(types.createTypeWithNullability(
                    types.createSqlType(SqlTypeName.TIMESTAMP, 6), true), value);
        }
        return value;
    }

    /** A constant of a language type; strings become VARCHAR literals, escaped by the dialect when rendered. */
    public RexNode literal(Object value, DataType type) {
        RexBuilder rex = context.builder().getRexBuilder();
        RelDataTypeFactory types = context.builder().getTypeFactory();
        if (value == null) {
            DataType nullType = type == DataType.NULL ? DataType.VARCHAR : type;
            return rex.makeNullLiteral(PlanContext.sqlType(types, nullType));
        }
        return switch (type) {
            case VARCHAR -> context.literalText((String) value);
            case BIGINT -> rex.makeExactLiteral(BigDecimal.valueOf((Long) value), types.createSqlType(SqlTypeName.BIGINT));
            case DOUBLE -> rex.makeApproxLiteral(new BigDecimal(Double.toString((Double) value)));
            case BOOLEAN -> rex.makeLiteral((Boolean) value);
            case TIMESTAMP -> rex.makeTimestampLiteral(timestamp((LocalDateTime) value), 6);
            case DATE -> rex.makeDateLiteral(DateString.fromDaysSinceEpoch((int) ((LocalDate) value).toEpochDay()));
            case INTERVAL -> rex.makeExactLiteral(BigDecimal.valueOf(Micros.exact((Duration) value)),
                    types.createSqlType(SqlTypeName.BIGINT));
            case NULL -> throw new IllegalStateException("a non-null constant of type NULL");
        };
    }

    private static TimestampString timestamp(LocalDateTime value) {
        return new TimestampString(value.getYear(), value.getMonthValue(), value.getDayOfMonth(),
                value.getHour(), value.getMinute(), value.getSecond()).withNanos(value.getNano());
    }
}
