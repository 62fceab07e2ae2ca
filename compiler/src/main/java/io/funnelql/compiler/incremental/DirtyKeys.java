package io.funnelql.compiler.incremental;

import io.funnelql.compiler.plan.ColumnNames;
import io.funnelql.compiler.plan.PlanContext;
import io.funnelql.compiler.plan.PlanHelpers;
import io.funnelql.compiler.plan.QueryParameters;
import io.funnelql.compiler.plan.Stage;
import io.funnelql.compiler.proof.FanOutProof;
import io.funnelql.compiler.render.SqlRenderer;
import io.funnelql.dialects.PortableFunctions;
import io.funnelql.dialects.TargetDialect;
import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.DataType;
import io.funnelql.dsl.model.Micros;
import io.funnelql.dsl.model.Parameter;
import io.funnelql.dsl.model.SessionsQuery;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.funnelql.compiler.plan.PlanHelpers.number;

/**
 * The SELECT that fills the dirty-keys table, as a plan like every query: the keys with events in
 * [:batch_start - lateness, :batch_end) and the earliest such time, the first stored session
 * ending at most one gap before it (its start is where the key is recomputed), and the number of
 * stored sessions before that point. Times are compared in epoch microseconds, as in queries.
 */
final class DirtyKeys {
    private static final String FIRST_NEW = "first_new_time";
    private static final String FIRST_NEW_MICROS = "first_new_micros";
    private static final String REOPENED = "reopened_start";

    private DirtyKeys() {}

    record Rendered(String sql, List<Parameter> binds) {}

    static Rendered render(SessionsQuery query, TargetDialect target, String sessionTable) {
        PlanContext<SessionsQuery> context = new PlanContext<>(query, target);
        List<Column> keys = query.partitionKey();
        List<String> keyNames = keys.stream().map(column -> column.name().value()).toList();
        context.registerTable(sessionTable, types -> sessionTableRow(types, keys, keyNames));
        RelBuilder b = context.builder();
        QueryParameters parameters = new QueryParameters(Map.of());
        long lateness = micros(query.lateness().orElse(Duration.ZERO));
        long gap = micros(query.gap());

        context.scanSource();
        RexNode time = b.field(context.databaseName(query.source().time()));
        List<RexNode> filters = new ArrayList<>();
        filters.add(b.isNotNull(time));
        keys.forEach(key -> filters.add(b.isNotNull(b.field(context.databaseName(key)))));
        filters.add(b.greaterThanOrEqual(b.call(PortableFunctions.EPOCH_MICROS, time), b.call(SqlStdOperatorTable.MINUS,
                b.call(PortableFunctions.EPOCH_MICROS, parameters.placeholder(IncrementalSessions.BATCH_START, b)), number(b, lateness))));
        filters.add(b.lessThan(time, parameters.placeholder(IncrementalSessions.BATCH_END, b)));
        b.filter(filters);
        List<RexNode> fields = new ArrayList<>();
        for (Column key : keys) {
            fields.add(b.field(context.databaseName(key)));
        }
        fields.add(time);
        fields.add(b.call(PortableFunctions.EPOCH_MICROS, time));
        List<String> names = new ArrayList<>(keyNames);
        names.add(FIRST_NEW);
        names.add(FIRST_NEW_MICROS);
        b.project(fields, names, true);
        b.aggregate(b.groupKey(keyNames.stream().map(b::field).toList()),
                b.min(b.field(FIRST_NEW)).as(FIRST_NEW), b.min(b.field(FIRST_NEW_MICROS)).as(FIRST_NEW_MICROS));
        Stage touched = context.addStage(ColumnNames.stageName(query, "touched_keys"),
                "each key with events in the batch's range, and the earliest of them", List.of());

        // The first stored session that ends at most one gap before the key's earliest new event.
        context.scan(touched);
        context.scanTable(sessionTable);
        List<RexNode> on = new ArrayList<>(PlanHelpers.keysEqual(b, keyNames));
        on.add(b.greaterThanOrEqual(b.call(PortableFunctions.EPOCH_MICROS, b.field(2, 1, "session_end")),
                b.call(SqlStdOperatorTable.MINUS, b.field(2, 0, FIRST_NEW_MICROS), number(b, gap))));
        b.join(JoinRelType.LEFT, on);
        int width = keys.size() + 2;
        List<RexNode> group = new ArrayList<>();
        for (int i = 0; i < keys.size() + 1; i++) {
            group.add(b.field(i));
        }
        b.aggregate(b.groupKey(group), b.min(b.field(width + keys.size())).as(REOPENED));
        fields = new ArrayList<>();
        for (String key : keyNames) {
            fields.add(b.field(key));
        }
        fields.add(b.call(SqlStdOperatorTable.CASE,
                b.and(b.isNotNull(b.field(REOPENED)), b.lessThan(b.field(REOPENED), b.field(FIRST_NEW))),
                b.field(REOPENED), b.field(FIRST_NEW)));
        names = new ArrayList<>(keyNames);
        names.add(IncrementalSessions.RESTART);
        b.project(fields, names, true);
        Stage restarts = context.addStage(ColumnNames.stageName(query, "restart_points"),
                "each touched key's restart: the start of the first session a new event can change, else that event",
                List.of(new Stage.DeclaredKey(keyNames, "one row per touched key: grouped by the key and its earliest new time")));

        // Sessions before the restart keep their numbers; the recomputed ones continue from them.
        context.scan(restarts);
        context.scanTable(sessionTable);
        on = new ArrayList<>(PlanHelpers.keysEqual(b, keyNames));
        on.add(b.lessThan(b.field(2, 1, "session_start"), b.field(2, 0, IncrementalSessions.RESTART)));
        b.join(JoinRelType.LEFT, on);
        group = new ArrayList<>();
        for (int i = 0; i < keys.size() + 1; i++) {
            group.add(b.field(i));
        }
        b.aggregate(b.groupKey(group), b.count(false, IncrementalSessions.NUMBER_OFFSET, b.field(keys.size() + 1 + keys.size())));
        fields = new ArrayList<>();
        for (String key : keyNames) {
            fields.add(b.field(key));
        }
        fields.add(b.field(IncrementalSessions.RESTART));
        fields.add(parameters.placeholder(IncrementalSessions.BATCH_END, b));
        fields.add(PlanHelpers.bigint(b, b.field(IncrementalSessions.NUMBER_OFFSET)));
        names = new ArrayList<>(keyNames);
        names.add(IncrementalSessions.RESTART);
        names.add(IncrementalSessions.BATCH_END_COLUMN);
        names.add(IncrementalSessions.NUMBER_OFFSET);
        b.project(fields, names, true);
        RelNode output = b.build();
        FanOutProof.check(context.stages(), output);
        SqlRenderer.Rendered rendered = new SqlRenderer(target).render(context.stages(), output);
        return new Rendered(rendered.sql(), rendered.placeholders().stream().map(parameters::parameter).toList());
    }

    /** The session table's columns this statement reads: the key, session_start, session_end (in that order). */
    private static RelDataType sessionTableRow(RelDataTypeFactory types, List<Column> keys,
            List<String> keyNames) {
        RelDataTypeFactory.Builder row = types.builder();
        for (int i = 0; i < keys.size(); i++) {
            row.add(keyNames.get(i), types.createTypeWithNullability(PlanContext.sqlType(types, keys.get(i).type()), true));
        }
        row.add("session_start", types.createTypeWithNullability(PlanContext.sqlType(types, DataType.TIMESTAMP), true));
        row.add("session_end", types.createTypeWithNullability(PlanContext.sqlType(types, DataType.TIMESTAMP), true));
        return row.build();
    }

    private static long micros(Duration duration) {
        return Micros.of(duration);
    }
}
