package io.funnelql.compiler.plan.sequence;

import io.funnelql.compiler.plan.ColumnNames;
import io.funnelql.compiler.plan.EventsStage;
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
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.funnelql.compiler.plan.PlanHelpers.bigint;
import static io.funnelql.compiler.plan.PlanHelpers.isSet;
import static io.funnelql.compiler.plan.PlanHelpers.number;
import static io.funnelql.compiler.plan.PlanHelpers.when;

/**
 * A next or previous node report: each key's events numbered in the report's order (time,
 * value, base condition, condition bits); at every event, whether it is the base
 * (a window MIN or MAX for first_match and last_match) and whether the conditions hold at the
 * consecutive events from it (LEAD or LAG), with the value the chain leads to. No join: the
 * keys without a base are a UNION ALL branch grouped with the one base row per key.
 */
final class NodePlanner {
    private static final String VALUE = "node_value";
    private static final String BASE = "base_condition";
    private static final String NUMBER = "event_number";
    private static final String STORED = "stored_events";
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

    private static String flag(int condition) {
        return "condition_" + condition;
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
        context.strategy("consecutive events", "each key's events are numbered in the report's order; the base event is "
                + "found with a window MIN or MAX and the chain is read at the events next to it with LEAD or LAG");
        new NodePlanner(context, node, events.keys()).build(events);
    }

    private void build(EventsStage.Events events) {
        Stage numbered = numbered(events);
        Stage bases = bases(numbered);
        report(events, bases);
    }

    private List<RexNode> partition() {
        return keys.stream().<RexNode>map(b::field).toList();
    }

    /** The events that can be nodes, numbered in the report's order, with their count per key. */
    private Stage numbered(EventsStage.Events events) {
        SequenceQuery query = context.query();
        context.scan(events.stage());
        if (query.profile() == Profile.CLICKHOUSE) {
            b.filter(b.isNotNull(b.field(VALUE))); // ClickHouse skips a row whose value is NULL
        }
        List<RexNode> order = new ArrayList<>();
        order.add(b.field(EventsStage.TIME));
        order.add(b.nullsFirst(b.call(PortableFunctions.CODE_POINT_ORDER, b.field(VALUE))));
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
        // Rows equal on all of these agree on everything the plan reads: their order cannot change the result.
        List<RexNode> fields = new ArrayList<>(partition());
        List<String> names = new ArrayList<>(keys);
        fields.add(b.aggregateCall(SqlStdOperatorTable.ROW_NUMBER).over().partitionBy(partition()).orderBy(order)
                .rowsUnbounded().toRex());
        names.add(NUMBER);
        if (node.base() == SequenceReport.Base.TAIL) {
            // An ORDER BY with a whole-partition frame: Oracle rejects a frame without ORDER BY (ORA-30485).
            fields.add(b.count().over().partitionBy(partition()).orderBy(b.field(EventsStage.TIME)).rowsUnbounded().toRex());
            names.add(STORED);
        }
        fields.add(b.field(VALUE));
        names.add(VALUE);
        if (node.baseCondition().isPresent()) {
            fields.add(b.field(BASE));
            names.add(BASE);
        }
        for (SequenceCondition condition : query.conditions()) {
            fields.add(b.field(flag(condition.index())));
            names.add(flag(condition.index()));
        }
        b.project(fields, names, true);
        List<String> declared = new ArrayList<>(keys);
        declared.add(NUMBER);
        return context.addStage(ColumnNames.stageName(query, "node_events"),
                "each key's events in the report's order (time, value, base condition, condition bits)",
                List.of(new Stage.DeclaredKey(declared, "ROW_NUMBER() numbers each key's events 1, 2, 3, ...")));
    }

    private RexNode baseHolds() {
        return node.baseCondition().isPresent() ? isSet(b, b.field(BASE)) : b.literal(true);
    }

    /** Per key, its base event (when it has one and the chain holds from it), with the reported value. */
    private Stage bases(Stage numbered) {
        SequenceQuery query = context.query();
        context.scan(numbered);
        RexNode isBase = switch (node.base()) {
            case HEAD -> b.and(b.equals(b.field(NUMBER), number(b, 1)), baseHolds());
            case TAIL -> b.and(b.equals(b.field(NUMBER), b.field(STORED)), baseHolds());
            case FIRST_MATCH, LAST_MATCH -> {
                RexNode candidate = when(b, b.and(isSet(b, b.field(flag(1))), baseHolds()), b.field(NUMBER));
                RelBuilder.AggCall extreme = node.base() == SequenceReport.Base.FIRST_MATCH ? b.min(candidate) : b.max(candidate);
                yield b.equals(b.field(NUMBER), extreme.over().partitionBy(partition()).orderBy(b.field(NUMBER))
                        .rowsUnbounded().toRex());
            }
        };
        boolean forward = node.direction() == SequenceReport.Direction.FORWARD;
        List<RexNode> chain = new ArrayList<>();
        chain.add(isBase);
        for (SequenceCondition condition : query.conditions()) {
            int offset = condition.index() - 1;
            RexNode holds = offset == 0 ? b.field(flag(condition.index())) : shifted(b.field(flag(condition.index())), offset, forward);
            chain.add(isSet(b, holds));
        }
        List<RexNode> fields = new ArrayList<>(partition());
        List<String> names = new ArrayList<>(keys);
        fields.add(PlanHelpers.flag(b, b.and(chain)));
        names.add("chain_holds");
        fields.add(shifted(b.field(VALUE), query.conditions().size(), forward));
        names.add(RESULT);
        b.project(fields, names, true);
        b.filter(isSet(b, b.field("chain_holds")));
        List<RexNode> kept = new ArrayList<>(partition());
        kept.add(b.field(RESULT));
        List<String> keptNames = new ArrayList<>(keys);
        keptNames.add(RESULT);
        b.project(kept, keptNames, true);
        return context.addStage(ColumnNames.stageName(query, "node_bases"),
                "per key, its base event where the chain holds from it, and the value it leads to", List.of());
    }

    private RexNode shifted(RexNode value, int offset, boolean forward) {
        return b.aggregateCall(forward ? SqlStdOperatorTable.LEAD : SqlStdOperatorTable.LAG, value, b.literal(offset))
                .over().partitionBy(partition()).orderBy(b.field(NUMBER)).toRex();
    }

    /** Every key of the events, with the value of its base row when it has one. */
    private void report(EventsStage.Events events, Stage bases) {
        SequenceQuery query = context.query();
        context.scan(bases);
        context.scan(events.stage());
        List<RexNode> keyFields = new ArrayList<>(partition());
        keyFields.add(PlanHelpers.untypedNull(b));
        List<String> names = new ArrayList<>(keys);
        names.add(RESULT);
        b.project(keyFields, names, true);
        b.union(true, 2);
        b.aggregate(b.groupKey(partition()), b.max(b.field(RESULT)).as(RESULT));
        List<RexNode> fields = new ArrayList<>();
        List<String> output = new ArrayList<>();
        PlanHelpers.addReportKeys(b, query, keys, fields, output);
        fields.add(b.field(RESULT));
        output.add(node.column());
        b.project(fields, output, true);
    }
}
