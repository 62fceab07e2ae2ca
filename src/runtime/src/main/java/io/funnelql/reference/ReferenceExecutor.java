package io.funnelql.reference;

import io.funnelql.dsl.model.ConditionRetentionQuery;
import io.funnelql.dsl.model.FunnelQuery;
import io.funnelql.dsl.model.MetricQuery;
import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.PathsQuery;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.QueryVisitor;
import io.funnelql.dsl.model.RetentionQuery;
import io.funnelql.dsl.model.SequenceQuery;
import io.funnelql.dsl.model.SequenceReport;
import io.funnelql.dsl.model.SessionsQuery;
import io.funnelql.events.EventTable;
import io.funnelql.reference.funnel.FunnelExecutor;
import io.funnelql.reference.metric.MetricExecutor;
import io.funnelql.reference.paths.PathsExecutor;
import io.funnelql.reference.retention.ConditionRetentionExecutor;
import io.funnelql.reference.retention.RetentionExecutor;
import io.funnelql.reference.sequence.NodeExecutor;
import io.funnelql.reference.sequence.SequenceExecutor;
import io.funnelql.reference.sessions.SessionsExecutor;
import io.funnelql.result.ResultTable;

import java.util.Map;

/**
 * The semantic oracle: runs any resolved query over an event table in memory. No engine, no
 * SQL. docs/semantics.md defines what each query means; this is that definition, executed.
 */
public final class ReferenceExecutor {
    private ReferenceExecutor() {}

    /** Runs a query over a whole table. {@code parameters} holds a value (or null) for every declared parameter. */
    public static ResultTable execute(Query query, EventTable table, Map<Name, Object> parameters) {
        QueryExecutor executor = executor(query);
        executor.accumulate(new QueryRows(query, table, parameters));
        return executor.finish();
    }

    /**
     * An executor to feed batches of whole keys, such as the runs of a source ordered by key:
     * memory then holds one batch and the per-key results, never the whole input.
     */
    public static QueryExecutor executor(Query query) {
        return query.accept(new QueryVisitor<QueryExecutor>() {
            @Override
            public QueryExecutor funnel(FunnelQuery funnel) {
                return new FunnelExecutor(funnel);
            }

            @Override
            public QueryExecutor sessions(SessionsQuery sessions) {
                return new SessionsExecutor(sessions);
            }

            @Override
            public QueryExecutor retention(RetentionQuery retention) {
                return new RetentionExecutor(retention);
            }

            @Override
            public QueryExecutor conditionRetention(ConditionRetentionQuery conditions) {
                return new ConditionRetentionExecutor(conditions);
            }

            @Override
            public QueryExecutor metric(MetricQuery metric) {
                return new MetricExecutor(metric);
            }

            @Override
            public QueryExecutor sequence(SequenceQuery sequence) {
                return sequence.report() instanceof SequenceReport.Node node
                        ? new NodeExecutor(sequence, node) : new SequenceExecutor(sequence);
            }

            @Override
            public QueryExecutor paths(PathsQuery paths) {
                return new PathsExecutor(paths);
            }
        });
    }
}
