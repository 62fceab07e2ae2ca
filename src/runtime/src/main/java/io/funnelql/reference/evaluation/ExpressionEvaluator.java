package io.funnelql.reference.evaluation;

import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.DataType;
import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.expression.ArithmeticOperator;
import io.funnelql.dsl.model.expression.ComparisonOperator;
import io.funnelql.dsl.model.expression.Expression;
import io.funnelql.dsl.model.expression.LogicalOperator;
import io.funnelql.events.EventTable;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Compiles a typed expression into a {@link RowFunction} over an event table, with SQL's
 * three-valued logic: comparisons with NULL are NULL, {@code false and null} is false,
 * {@code true or null} is true. Division by zero is NULL (documented in docs/semantics.md).
 */
public final class ExpressionEvaluator {
    private final Function<Column, RowFunction> columns;
    private final Map<Name, Object> parameters;

    /** Expressions over a table's rows: a column reference reads the row's value, boxed as it is read. */
    public ExpressionEvaluator(EventTable table, Map<Name, Object> parameters) {
        this(column -> table.values(table.columnIndex(column))::value, parameters);
    }

    /** Expressions over whatever {@code columns} reads for a column reference (one probe value, say). */
    public ExpressionEvaluator(Function<Column, RowFunction> columns, Map<Name, Object> parameters) {
        this.columns = columns;
        this.parameters = parameters;
    }

    public RowFunction compile(Expression expression) {
        if (expression instanceof Expression.ColumnReference reference) {
            return columns.apply(reference.column());
        }
        if (expression instanceof Expression.Literal literal) {
            Object value = literal.value();
            return row -> value;
        }
        if (expression instanceof Expression.ParameterReference reference) {
            Object value = parameters.get(reference.parameter().name());
            return row -> value;
        }
        if (expression instanceof Expression.Comparison comparison) {
            return comparison(comparison.operator(), compile(comparison.left()), compile(comparison.right()));
        }
        if (expression instanceof Expression.Between between) {
            RowFunction low = comparison(ComparisonOperator.GREATER_THAN_OR_EQUAL, compile(between.value()), compile(between.lower()));
            RowFunction high = comparison(ComparisonOperator.LESS_THAN_OR_EQUAL, compile(between.value()), compile(between.upper()));
            RowFunction both = logical(LogicalOperator.AND, low, high);
            return between.negated() ? not(both) : both;
        }
        if (expression instanceof Expression.InList in) {
            RowFunction value = compile(in.value());
            List<RowFunction> candidates = in.candidates().stream().map(this::compile).toList();
            RowFunction any = row -> in(value.value(row), candidates, row);
            return in.negated() ? not(any) : any;
        }
        if (expression instanceof Expression.IsNull isNull) {
            RowFunction value = compile(isNull.value());
            boolean negated = isNull.negated();
            return row -> (value.value(row) == null) != negated;
        }
        if (expression instanceof Expression.Like like) {
            RowFunction value = compile(like.value());
            RowFunction pattern = compile(like.pattern());
            if (like.pattern() instanceof Expression.Literal literal && literal.value() instanceof String constant) {
                Pattern compiled = likeRegex(constant); // the usual case: compile once, not per row
                RowFunction constantMatches = row -> {
                    Object text = value.value(row);
                    return text == null ? null : compiled.matcher((String) text).matches();
                };
                return like.negated() ? not(constantMatches) : constantMatches;
            }
            RowFunction matches = row -> {
                Object text = value.value(row);
                Object likePattern = pattern.value(row);
                return text == null || likePattern == null ? null : likeRegex((String) likePattern).matcher((String) text).matches();
            };
            return like.negated() ? not(matches) : matches;
        }
        if (expression instanceof Expression.Not notExpression) {
            return not(compile(notExpression.operand()));
        }
        if (expression instanceof Expression.Logical logical) {
            return logical(logical.operator(), compile(logical.left()), compile(logical.right()));
        }
        if (expression instanceof Expression.Negation negation) {
            RowFunction operand = compile(negation.operand());
            return row -> negate(operand.value(row));
        }
        Expression.Arithmetic arithmetic = (Expression.Arithmetic) expression;
        RowFunction left = compile(arithmetic.left());
        RowFunction right = compile(arithmetic.right());
        return row -> arithmetic(arithmetic.operator(), arithmetic.type(), left.value(row), right.value(row));
    }

    /** A condition as true, false or null (unknown). */
    public static Boolean truth(Object value) {
        return (Boolean) value;
    }

    private static RowFunction comparison(ComparisonOperator operator, RowFunction left, RowFunction right) {
        return row -> {
            Object a = left.value(row);
            Object b = right.value(row);
            if (a == null || b == null) {
                return null;
            }
            int order = SqlValues.compare(a, b);
            return switch (operator) {
                case EQUAL -> order == 0;
                case NOT_EQUAL -> order != 0;
                case LESS_THAN -> order < 0;
                case LESS_THAN_OR_EQUAL -> order <= 0;
                case GREATER_THAN -> order > 0;
                case GREATER_THAN_OR_EQUAL -> order >= 0;
            };
        };
    }

    private static Boolean in(Object value, List<RowFunction> candidates, int row) {
        if (value == null) {
            return null;
        }
        boolean sawNull = false;
        for (RowFunction candidate : candidates) {
            Object other = candidate.value(row);
            if (other == null) {
                sawNull = true;
            } else if (SqlValues.compare(value, other) == 0) {
                return true;
            }
        }
        return sawNull ? null : false;
    }

    private static RowFunction not(RowFunction operand) {
        return row -> {
            Boolean value = truth(operand.value(row));
            return value == null ? null : !value;
        };
    }

    private static RowFunction logical(LogicalOperator operator, RowFunction left, RowFunction right) {
        if (operator == LogicalOperator.AND) {
            return row -> {
                Boolean a = truth(left.value(row));
                if (Boolean.FALSE.equals(a)) {
                    return false;
                }
                Boolean b = truth(right.value(row));
                if (Boolean.FALSE.equals(b)) {
                    return false;
                }
                return a == null || b == null ? null : true;
            };
        }
        return row -> {
            Boolean a = truth(left.value(row));
            if (Boolean.TRUE.equals(a)) {
                return true;
            }
            Boolean b = truth(right.value(row));
            if (Boolean.TRUE.equals(b)) {
                return true;
            }
            return a == null || b == null ? null : false;
        };
    }

    private static Object negate(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Long number) {
            return Math.negateExact(number);
        }
        if (value instanceof Double number) {
            return -number;
        }
        return ((Duration) value).negated();
    }

    private static Object arithmetic(ArithmeticOperator operator, DataType type, Object left, Object right) {
        if (left == null || right == null) {
            return null;
        }
        try {
            if (type == DataType.BIGINT) {
                long a = (Long) left;
                long b = (Long) right;
                return switch (operator) {
                    case ADD -> Math.addExact(a, b);
                    case SUBTRACT -> Math.subtractExact(a, b);
                    case MULTIPLY -> Math.multiplyExact(a, b);
                    case DIVIDE -> throw new IllegalStateException("division is always double");
                };
            }
            if (type == DataType.DOUBLE) {
                double a = ((Number) left).doubleValue();
                double b = ((Number) right).doubleValue();
                return switch (operator) {
                    case ADD -> a + b;
                    case SUBTRACT -> a - b;
                    case MULTIPLY -> a * b;
                    case DIVIDE -> b == 0 ? null : a / b;
                };
            }
            if (type == DataType.INTERVAL) {
                Duration a = (Duration) left;
                Duration b = (Duration) right;
                return operator == ArithmeticOperator.ADD ? a.plus(b) : a.minus(b);
            }
            // timestamp +/- interval, or interval + timestamp
            LocalDateTime timestamp = left instanceof Duration ? asTimestamp(right) : asTimestamp(left);
            Duration interval = left instanceof Duration ? (Duration) left : (Duration) right;
            return operator == ArithmeticOperator.SUBTRACT ? timestamp.minus(interval) : timestamp.plus(interval);
        } catch (ArithmeticException e) {
            throw new EvaluationException("integer overflow: " + left + " " + operator.symbol() + " " + right);
        }
    }

    private static LocalDateTime asTimestamp(Object value) {
        return value instanceof LocalDate date ? date.atStartOfDay() : (LocalDateTime) value;
    }

    /** SQL LIKE: % any run, _ any one character, everything else literal; no escape character. */
    static Pattern likeRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '%' || c == '_') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '%' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
