package io.funnelql.compiler.plan.sequence;

import io.funnelql.compiler.plan.ColumnNames;
import io.funnelql.compiler.plan.EventsStage;
import io.funnelql.compiler.plan.ExpressionColumns;
import io.funnelql.compiler.plan.ExpressionTranslator;
import io.funnelql.compiler.plan.PlanContext;
import io.funnelql.compiler.plan.PlanHelpers;
import io.funnelql.compiler.plan.Stage;
import io.funnelql.dialects.PortableFunctions;
import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.Profile;
import io.funnelql.dsl.model.SequenceCondition;
import io.funnelql.dsl.model.SequenceQuery;
import io.funnelql.dsl.model.SequenceReport;
import io.funnelql.dsl.model.expression.Expression;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBounds;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.funnelql.compiler.plan.PlanHelpers.bigint;
import static io.funnelql.compiler.plan.PlanHelpers.isSet;
import static io.funnelql.compiler.plan.PlanHelpers.number;
import static io.funnelql.compiler.plan.PlanHelpers.when;
import static io.funnelql.compiler.plan.sequence.SequencePlanner.flag;

/**
 * A next or previous node report in one ordered pass: every window of the pass shares one
 * order (time, value, base condition, condition bits), so the engine sorts each key's events
 * once; at each event it says whether the event is the base (its place among the candidates,
 * counted from either end) and reads the chain and the reported value with LEAD or LAG. One
 * GROUP BY per key keeps the value of its base event, NULL for a key without one. No join.
 */
final class NodePlanner {
    private static final String VALUE = "node_value";
    private static final String BASE = "base_condition";
    private static final String RESULT = "node";

    private final PlanContext<SequenceQuery> context;
    private final SequenceReport.Node node;
    private final RelBuilder b;
    private final List<String> keys;

    private NodePlanner(PlanContext<SequenceQuery> context, SequenceReport.Node node, List<String> keys) {
        this.context = context;
        this.node = node;
        this.b = context.builder();
        this.keys = keys;
    }

    static void plan(PlanContext<SequenceQuery> context, ExpressionTranslator translator, SequenceReport.Node node) {
        SequenceQuery query = context.query();
        Map<String, Expression> flags = new LinkedHashMap<>();
        query.conditions().forEach(c -> flags.put(flag(c.index()), c.condition()));
        node.baseCondition().ifPresent(condition -> flags.put(BASE, condition));
        List<Expression> underNullPolicy = new ArrayList<>(query.conditions().stream().map(SequenceCondition::condition).toList());
        node.baseCondition().ifPresent(underNullPolicy::add);
        Map<String, Column> carried = Map.of(VALUE, node.value());
        EventsStage.Events events = EventsStage.build(context, translator,
                new EventsStage.Request(flags, underNullPolicy, query.nullConditions(), carried, false, false, true, false));
        context.strategy("one ordered pass", "each key's events are sorted once (time, value, base condition, condition "
                + "bits); the base event is found by counting candidates from either end, the chain and the value after "
                + "it are read with LEAD or LAG, and one GROUP BY per key keeps the base's value");
        new NodePlanner(context, node, events.keys()).build(events);
    }

    /**
     * Whether the order needs the base condition and the condition bits after the value: not when
     * every condition reads only the value column, since rows with one value then agree on them.
     */
    private boolean conditionsDecideOrder() {
        Set<Column> read = new HashSet<>();
        context.query().conditions().forEach(c -> ExpressionColumns.collect(c.condition(), read));
        node.baseCondition().ifPresent(condition -> ExpressionColumns.collect(condition, read));
        return !read.isEmpty() && !Set.of(node.value()).containsAll(read);
    }

    private void build(EventsStage.Events events) {
        SequenceQuery query = context.query();
        context.scan(events.stage());
        List<RexNode> partition = new ArrayList<>(keys.stream().map(b::field).toList());
        boolean skipsNullValues = query.profile() == Profile.CLICKHOUSE;
        if (skipsNullValues) {
            // ClickHouse skips a row whose value is NULL: those rows get an order of their own and never report.
            partition.add(PlanHelpers.flag(b, b.isNull(b.field(VALUE))));
        }
        List<RexNode> order = new ArrayList<>();
        order.add(b.field(EventsStage.TIME));
        order.add(b.nullsFirst(b.call(PortableFunctions.CODE_POINT_ORDER, b.field(VALUE))));
        if (conditionsDecideOrder()) {
            if (node.baseCondition().isPresent()) {
                order.add(b.field(BASE));
            }
            // duckdb-behavioral breaks ties by the condition bits as a number: condition 1 is bit 0.
            RexNode bits = null;
            for (SequenceCondition condition : query.conditions()) {
                RexNode bit = b.call(SqlStdOperatorTable.MULTIPLY, b.field(flag(condition.index())),
                        number(b, 1L << (condition.index() - 1)));
                bits = bits == null ? bit : b.call(SqlStdOperatorTable.PLUS, bits, bit);
            }
            order.add(bigint(b, bits));
        }
        // Rows equal on the whole order agree on everything the report reads: their order cannot change it.
        RexNode baseHolds = node.baseCondition().isPresent() ? isSet(b, b.field(BASE)) : b.literal(true);
        RexNode isBase = switch (node.base()) {
            case HEAD -> b.and(b.equals(count(partition, order, true, b.literal(true)), number(b, 1)), baseHolds);
            case TAIL -> b.and(b.equals(count(partition, order, false, b.literal(true)), number(b, 1)), baseHolds);
            case FIRST_MATCH, LAST_MATCH -> {
                RexNode candidate = b.and(isSet(b, b.field(flag(1))), baseHolds);
                yield b.and(candidate, b.equals(count(partition, order, node.base() == SequenceReport.Base.FIRST_MATCH,
                        candidate), number(b, 1)));
            }
        };
        boolean forward = node.direction() == SequenceReport.Direction.FORWARD;
        List<RexNode> chain = new ArrayList<>();
        chain.add(isBase);
        for (SequenceCondition condition : query.conditions()) {
            int offset = condition.index() - 1;
            RexNode holds = offset == 0 ? b.field(flag(condition.index()))
                    : shifted(partition, order, b.field(flag(condition.index())), offset, forward);
            chain.add(isSet(b, holds));
        }
        RexNode reported = shifted(partition, order, b.field(VALUE), query.conditions().size(), forward);
        RexNode value = when(b, skipsNullValues ? b.and(b.isNotNull(b.field(VALUE)), b.and(chain)) : b.and(chain), reported);
        List<RexNode> fields = new ArrayList<>(keys.stream().map(b::field).toList());
        fields.add(value);
        List<String> names = new ArrayList<>(keys);
        names.add(RESULT);
        b.project(fields, names, true);
        Stage ordered = context.addStage(ColumnNames.stageName(query, "node_events"),
                "each event in the report's order; at the base event where the chain holds, the value it leads to",
                List.of());
        context.scan(ordered);
        b.aggregate(b.groupKey(keys.stream().map(b::field).toList()), b.max(b.field(RESULT)).as(RESULT));
        List<RexNode> output = new ArrayList<>();
        List<String> outputNames = new ArrayList<>();
        PlanHelpers.addReportKeys(b, query, keys, output, outputNames);
        output.add(b.field(RESULT));
        outputNames.add(node.column());
        b.project(output, outputNames, true);
    }

    /**
     * How many rows satisfying {@code counted} lie from the key's first row up to this one
     * ({@code fromStart}), or from this one to the last: 1 on a counted row makes it the first or
     * the last such row.
     */
    private RexNode count(List<RexNode> partition, List<RexNode> order, boolean fromStart, RexNode counted) {
        RexNode one = PlanHelpers.flag(b, counted);
        RelBuilder.OverCall over = b.sum(one).over().partitionBy(partition).orderBy(order);
        return fromStart ? over.rowsBetween(RexWindowBounds.UNBOUNDED_PRECEDING, RexWindowBounds.CURRENT_ROW).toRex()
                : over.rowsBetween(RexWindowBounds.CURRENT_ROW, RexWindowBounds.UNBOUNDED_FOLLOWING).toRex();
    }

    private RexNode shifted(List<RexNode> partition, List<RexNode> order, RexNode value, int offset, boolean forward) {
        return b.aggregateCall(forward ? SqlStdOperatorTable.LEAD : SqlStdOperatorTable.LAG, value, b.literal(offset))
                .over().partitionBy(partition).orderBy(order).toRex();
    }
}
