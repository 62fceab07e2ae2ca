package io.funnelql.compiler.plan;

import io.funnelql.dialects.PortableFunctions;
import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.DataType;
import io.funnelql.dsl.model.NullConditionPolicy;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.expression.Expression;
import org.apache.calcite.plan.Strong;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /**
     * What the stage computes: named 0/1 flags, conditions whose NULL drops the row, columns
     * carried along, whether rows get an event order, and whether only rows that set some flag
     * are kept (a plan that never reads the others: they cost a scan, a sort and memory), and
     * whether the order may stop at the last column the flags and carried columns read ({@link
     * #eventOrder}), and whether each row carries its epoch microseconds.
     */
    public record Request(
            Map<String, Expression> flags,
            List<Expression> conditionsUnderNullPolicy,
            NullConditionPolicy nullPolicy,
            Map<String, Column> carried,
            boolean ordered,
            boolean flaggedRowsOnly,
            boolean orderByReadColumns,
            boolean micros) {

        public Request(Map<String, Expression> flags, List<Expression> conditionsUnderNullPolicy,
                NullConditionPolicy nullPolicy, Map<String, Column> carried, boolean ordered) {
            this(flags, conditionsUnderNullPolicy, nullPolicy, carried, ordered, false, false);
        }

        public Request(Map<String, Expression> flags, List<Expression> conditionsUnderNullPolicy,
                NullConditionPolicy nullPolicy, Map<String, Column> carried, boolean ordered, boolean flaggedRowsOnly,
                boolean orderByReadColumns) {
            this(flags, conditionsUnderNullPolicy, nullPolicy, carried, ordered, flaggedRowsOnly, orderByReadColumns, true);
        }

        /** The same request without each row's epoch microseconds: its reader compares timestamps. */
        public Request withoutMicros() {
            return new Request(flags, conditionsUnderNullPolicy, nullPolicy, carried, ordered, flaggedRowsOnly,
                    orderByReadColumns, false);
        }
    }

    /** The built stage and the names its key columns got. */
    public record Events(Stage stage, List<String> keys) {}

    public static Events build(PlanContext<?> context, ExpressionTranslator translator, Request request) {
        Query query = context.query();
        RelBuilder b = context.builder();
        context.scanSource();
        List<RexNode> filters = sourceFilters(context, translator, request);
        if (request.flaggedRowsOnly() && !request.flags().isEmpty()) {
            // A NULL condition is no match, as a flag's CASE reads it.
            List<RexNode> any = request.flags().values().stream().map(translator::translate).toList();
            filters.add(any.size() == 1 ? any.get(0) : b.or(any));
        }
        b.filter(filters);

        List<RexNode> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        addKeys(context, fields, names);
        List<String> keys = List.copyOf(names);
        List<RexNode> keyFields = List.copyOf(fields);
        RexNode time = b.field(context.databaseName(query.source().time()));
        fields.add(time);
        names.add(TIME);
        if (request.micros()) {
            fields.add(b.call(PortableFunctions.EPOCH_MICROS, time));
            names.add(MICROS);
        }
        if (request.ordered()) {
            fields.add(b.aggregateCall(SqlStdOperatorTable.ROW_NUMBER).over()
                    .partitionBy(keyFields)
                    .orderBy(eventOrder(context, request))
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

    /**
     * Pushes onto the builder one condition's rows read straight from the source: the stage's
     * filters (NULL policy included), key names, microseconds and time (last), no event order and no flags. A
     * step that needs no event order reads its rows this way, so the engine sees the condition
     * itself in the scan: PostgreSQL estimates {@code event_name = 'purchase'} from the column's
     * statistics, while a 0/1 flag compared with 1 defeats its estimate (it planned 19 rows for
     * 190,000 and sorted them on disk).
     */
    public static void pushConditionRows(PlanContext<?> context, ExpressionTranslator translator, Request request,
            Expression condition) {
        pushConditionRows(context, translator, request, condition, false);
    }

    /**
     * {@link #pushConditionRows}, leaving out the checks that can never fail on a row the reader
     * keeps: a column's {@code IS NOT NULL} where the condition is NULL whenever that column is,
     * and, when {@code readerRejectsNullKeyAndTime} (the reader joins on the key and compares the
     * time), the key's and the time's.
     */
    public static void pushConditionRows(PlanContext<?> context, ExpressionTranslator translator, Request request,
            Expression condition, boolean readerRejectsNullKeyAndTime) {
        RelBuilder b = context.builder();
        Query query = context.query();
        context.scanSource();
        RexNode conditionValue = translator.translate(condition);
        Set<Integer> keyAndTime = new HashSet<>();
        if (readerRejectsNullKeyAndTime) {
            keyAndTime.add(b.field(context.databaseName(query.source().time())).getIndex());
            query.partitionKey().forEach(column -> keyAndTime.add(b.field(context.databaseName(column)).getIndex()));
        }
        List<RexNode> filters = new ArrayList<>();
        for (RexNode filter : sourceFilters(context, translator, request)) {
            boolean implied = filter.getKind() == SqlKind.IS_NOT_NULL
                    && ((RexCall) filter).getOperands().get(0) instanceof RexInputRef column
                    && (keyAndTime.contains(column.getIndex())
                            || Strong.isNull(conditionValue, ImmutableBitSet.of(column.getIndex())));
            if (!implied) {
                filters.add(filter);
            }
        }
        filters.add(conditionValue);
        b.filter(filters);
        List<RexNode> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        addKeys(context, fields, names);
        RexNode time = b.field(context.databaseName(query.source().time()));
        fields.add(b.call(PortableFunctions.EPOCH_MICROS, time));
        names.add(MICROS);
        fields.add(time); // a reader that aggregates only one of the two gets the other pruned by RelBuilder
        names.add(TIME);
        b.project(fields, names, true);
    }

    /** The names the key columns get in every stage ({@link ColumnNames#keyAlias}), in key order. */
    public static List<String> keyNames(PlanContext<?> context) {
        return context.query().partitionKey().stream().map(ColumnNames::keyAlias).toList();
    }

    /** The key columns under the names every later stage joins on ({@link ColumnNames#keyAlias}). */
    private static void addKeys(PlanContext<?> context, List<RexNode> fields, List<String> names) {
        RelBuilder b = context.builder();
        for (Column column : context.query().partitionKey()) {
            fields.add(b.field(context.databaseName(column)));
            names.add(ColumnNames.keyAlias(column));
        }
    }

    /** The source rows every stage reads: a time and a key, the query's filter, the NULL policy. */
    private static List<RexNode> sourceFilters(PlanContext<?> context, ExpressionTranslator translator, Request request) {
        Query query = context.query();
        RelBuilder b = context.builder();
        List<RexNode> filters = new ArrayList<>();
        filters.add(b.isNotNull(b.field(context.databaseName(query.source().time()))));
        for (Column column : query.partitionKey()) {
            filters.add(b.isNotNull(b.field(context.databaseName(column))));
        }
        query.filter().ifPresent(filter -> filters.add(translator.translate(filter)));
        if (request.nullPolicy() == NullConditionPolicy.SKIP_ROW) {
            filters.addAll(notNullConditions(context, translator, request.conditionsUnderNullPolicy()));
        }
        return filters;
    }

    /**
     * The rows the NULL policy keeps: {@code column IS NOT NULL} once per column for a condition
     * that is NULL exactly when a column it reads is ({@link NullChecks}), nothing for one that
     * cannot be NULL, and {@code c OR NOT c} (which holds exactly when c is not NULL, and is valid
     * in every dialect's WHERE) for any other.
     */
    private static List<RexNode> notNullConditions(PlanContext<?> context, ExpressionTranslator translator,
            List<Expression> conditions) {
        RelBuilder b = context.builder();
        Set<Column> columns = new LinkedHashSet<>();
        List<RexNode> general = new ArrayList<>();
        for (Expression condition : conditions) {
            Optional<Set<Column>> strict = NullChecks.nullExactlyWhenNull(condition);
            if (strict.isPresent()) {
                columns.addAll(strict.get());
            } else {
                RexNode value = translator.translate(condition);
                general.add(b.or(value, b.not(value)));
            }
        }
        List<RexNode> filters = new ArrayList<>();
        for (Column column : columns) {
            if (!column.equals(context.query().source().time()) && !context.query().partitionKey().contains(column)) {
                filters.add(b.isNotNull(b.field(context.databaseName(column)))); // time and key are checked already
            }
        }
        filters.addAll(general);
        return filters;
    }

    /**
     * Time, then every source column, NULLs first, strings by code point: the reference's order.
     * With {@code orderByReadColumns}, the columns after the last one a flag or a carried column
     * reads are left out ({@link #tieBreakColumns}).
     */
    private static List<RexNode> eventOrder(PlanContext<?> context, Request request) {
        RelBuilder b = context.builder();
        Set<Column> read = new HashSet<>(request.carried().values());
        request.flags().values().forEach(flag -> ExpressionColumns.collect(flag, read));
        List<Column> columns = tieBreakColumns(context, read, request.orderByReadColumns());
        return orderKeys(b, b.field(context.databaseName(context.query().source().time())),
                columns.stream().<RexNode>map(column -> b.field(context.databaseName(column))).toList(), columns);
    }

    /**
     * The source columns that order events of one key with the same time, in the reference's
     * order (every column but time and key). With {@code upToLastRead}, the columns after the
     * last one in {@code read} are left out: rows that agree on time and on every column up to it
     * agree on everything the plan reads, so no plan can tell them apart, and their relative
     * order cannot change a result; rows that differ there are ordered as the reference orders them.
     */
    public static List<Column> tieBreakColumns(PlanContext<?> context, Set<Column> read, boolean upToLastRead) {
        List<Column> columns = new ArrayList<>();
        for (Column column : context.query().source().columns()) {
            if (column.equals(context.query().source().time()) || context.query().partitionKey().contains(column)) {
                continue; // already ordered by, or constant within the key
            }
            columns.add(column);
        }
        if (!upToLastRead) {
            return columns;
        }
        int last = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (read.contains(columns.get(i))) {
                last = i;
            }
        }
        return List.copyOf(columns.subList(0, last + 1));
    }

    /** Sort keys of the event order: the time, then each tie-break column NULLs first, strings by code point. */
    public static List<RexNode> orderKeys(RelBuilder b, RexNode time, List<RexNode> tieBreaks, List<Column> columns) {
        List<RexNode> order = new ArrayList<>();
        order.add(time);
        for (int i = 0; i < columns.size(); i++) {
            RexNode field = tieBreaks.get(i);
            if (columns.get(i).type() == DataType.VARCHAR) {
                field = b.call(PortableFunctions.CODE_POINT_ORDER, field);
            }
            order.add(b.nullsFirst(field));
        }
        return order;
    }
}
