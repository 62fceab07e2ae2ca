package io.funnelql.compiler.plan;

import io.funnelql.dialects.PortableFunctions;
import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.DataType;
import io.funnelql.dsl.model.NullConditionPolicy;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.expression.Expression;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The first stage of every plan: the source's rows that pass the query's filter (and the NULL
 * policy), each with its key, its time as epoch microseconds, its position in the key's event
 * order (time, then every column, NULLs first, strings by code point: the reference's order)
 * and one 0/1 flag per condition. Conditions are evaluated here once, never in a join.
 */
public final class EventsStage {
    public static final String TIME = "event_time";
    public static final String MICROS = "event_micros";
    public static final String ORDER = "event_order";

    private EventsStage() {}

    /** What the stage computes: named 0/1 flags, conditions whose NULL drops the row, columns carried along. */
    public record Request(
            Map<String, Expression> flags,
            List<Expression> conditionsUnderNullPolicy,
            NullConditionPolicy nullPolicy,
            Map<String, Column> carried,
            boolean ordered) {}

    /** The built stage and the names its key columns got. */
    public record Events(Stage stage, List<String> keys) {}

    public static Events build(PlanContext context, ExpressionTranslator translator, Request request) {
        Query query = context.query();
        RelBuilder b = context.builder();
        context.scanSource();
        List<RexNode> filters = new ArrayList<>();
        filters.add(b.isNotNull(b.field(context.databaseName(query.source().time()))));
        for (Column column : query.partitionKey()) {
            filters.add(b.isNotNull(b.field(context.databaseName(column))));
        }
        query.filter().ifPresent(filter -> filters.add(translator.translate(filter)));
        if (request.nullPolicy() == NullConditionPolicy.SKIP_ROW) {
            for (Expression condition : request.conditionsUnderNullPolicy()) {
                // "c OR NOT c" holds exactly when c is not NULL, and is valid in every dialect's WHERE.
                RexNode value = translator.translate(condition);
                filters.add(b.or(value, b.not(value)));
            }
        }
        b.filter(filters);

        List<RexNode> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<RexNode> keyFields = new ArrayList<>();
        for (Column column : query.partitionKey()) {
            String alias = ColumnNames.keyAlias(column);
            keys.add(alias);
            keyFields.add(b.field(context.databaseName(column)));
            fields.add(b.field(context.databaseName(column)));
            names.add(alias);
        }
        RexNode time = b.field(context.databaseName(query.source().time()));
        fields.add(time);
        names.add(TIME);
        fields.add(b.call(PortableFunctions.EPOCH_MICROS, time));
        names.add(MICROS);
        if (request.ordered()) {
            fields.add(b.aggregateCall(SqlStdOperatorTable.ROW_NUMBER).over()
                    .partitionBy(keyFields)
                    .orderBy(eventOrder(context))
                    .rowsUnbounded()
                    .toRex());
            names.add(ORDER);
        }
        for (Map.Entry<String, Expression> flag : request.flags().entrySet()) {
            fields.add(b.call(SqlStdOperatorTable.CASE, translator.translate(flag.getValue()),
                    b.literal(BigDecimal.ONE), b.literal(BigDecimal.ZERO)));
            names.add(flag.getKey());
        }
        for (Map.Entry<String, Column> carried : request.carried().entrySet()) {
            fields.add(b.field(context.databaseName(carried.getValue())));
            names.add(carried.getKey());
        }
        b.project(fields, names, true);
        List<Stage.DeclaredKey> declared = new ArrayList<>();
        if (request.ordered()) {
            List<String> orderKey = new ArrayList<>(keys);
            orderKey.add(ORDER);
            declared.add(new Stage.DeclaredKey(orderKey, "ROW_NUMBER() numbers each key's events 1, 2, 3, ..."));
        }
        Stage stage = context.addStage(ColumnNames.stageName(query, "events"),
                "the query's events with key, time, order and condition flags", declared);
        return new Events(stage, keys);
    }

    /** Time, then every source column, NULLs first, strings by code point. */
    private static List<RexNode> eventOrder(PlanContext context) {
        RelBuilder b = context.builder();
        List<RexNode> order = new ArrayList<>();
        order.add(b.field(context.databaseName(context.query().source().time())));
        for (Column column : context.query().source().columns()) {
            if (column.equals(context.query().source().time()) || context.query().partitionKey().contains(column)) {
                continue; // already ordered by, or constant within the key
            }
            RexNode field = b.field(context.databaseName(column));
            if (column.type() == DataType.VARCHAR) {
                field = b.call(PortableFunctions.CODE_POINT_ORDER, field);
            }
            order.add(b.nullsFirst(field));
        }
        return order;
    }
}
