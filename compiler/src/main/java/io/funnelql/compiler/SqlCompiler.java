package io.funnelql.compiler;

import io.funnelql.compiler.plan.ExpressionTranslator;
import io.funnelql.compiler.plan.PlanContext;
import io.funnelql.compiler.plan.QueryParameters;
import io.funnelql.compiler.plan.Stage;
import io.funnelql.compiler.plan.UsedStages;
import io.funnelql.compiler.plan.funnel.FunnelPlanner;
import io.funnelql.compiler.plan.metric.MetricPlanner;
import io.funnelql.compiler.plan.paths.PathsPlanner;
import io.funnelql.compiler.plan.retention.ConditionRetentionPlanner;
import io.funnelql.compiler.plan.retention.RetentionPlanner;
import io.funnelql.compiler.plan.sequence.SequencePlanner;
import io.funnelql.compiler.plan.sessions.SessionsPlanner;
import io.funnelql.compiler.proof.FanOutProof;
import io.funnelql.compiler.render.SqlRenderer;
import io.funnelql.dialects.TargetDialect;
import io.funnelql.dsl.model.ConditionRetentionQuery;
import io.funnelql.dsl.model.DataType;
import io.funnelql.dsl.model.FunnelQuery;
import io.funnelql.dsl.model.MetricQuery;
import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Parameter;
import io.funnelql.dsl.model.PathsQuery;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.QueryVisitor;
import io.funnelql.dsl.model.RetentionQuery;
import io.funnelql.dsl.model.SequenceQuery;
import io.funnelql.dsl.model.SessionsQuery;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataTypeField;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The compiler's entry point: resolved query → staged Calcite plan → fan-out proof → SQL for
 * one target. Stages are named in docs/architecture.md.
 */
public final class SqlCompiler {
    private SqlCompiler() {}

    /** Compiles with bind placeholders for every parameter without a value in {@code inlined}. */
    public static CompiledQuery compile(Query query, TargetDialect target, Map<Name, Object> inlined) {
        return query.accept(new QueryVisitor<>() {
            @Override
            public CompiledQuery funnel(FunnelQuery funnel) {
                return SqlCompiler.compile(funnel, target, inlined, FunnelPlanner::plan);
            }

            @Override
            public CompiledQuery sessions(SessionsQuery sessions) {
                return SqlCompiler.compile(sessions, target, inlined, SessionsPlanner::plan);
            }

            @Override
            public CompiledQuery retention(RetentionQuery retention) {
                return SqlCompiler.compile(retention, target, inlined, RetentionPlanner::plan);
            }

            @Override
            public CompiledQuery conditionRetention(ConditionRetentionQuery conditions) {
                return SqlCompiler.compile(conditions, target, inlined, ConditionRetentionPlanner::plan);
            }

            @Override
            public CompiledQuery metric(MetricQuery metric) {
                return SqlCompiler.compile(metric, target, inlined, MetricPlanner::plan);
            }

            @Override
            public CompiledQuery sequence(SequenceQuery sequence) {
                return SqlCompiler.compile(sequence, target, inlined, SequencePlanner::plan);
            }

            @Override
            public CompiledQuery paths(PathsQuery paths) {
                return SqlCompiler.compile(paths, target, inlined, PathsPlanner::plan);
            }
        });
    }

    /** The sessions of an incremental batch: {@code query}'s source is the batch's events with the increment's two columns. */
    public static CompiledQuery compileIncrement(SessionsQuery query, TargetDialect target,
            Map<Name, Object> inlined, SessionsPlanner.Increment increment) {
        return compile(query, target, inlined,
                (context, translator) -> SessionsPlanner.plan(context, translator, Optional.of(increment)));
    }

    /** Stages 4 to 6 for one query kind: its planner gets a context typed by the kind. */
    private static <Q extends Query> CompiledQuery compile(Q query, TargetDialect target, Map<Name, Object> inlined,
            BiConsumer<PlanContext<Q>, ExpressionTranslator> planner) {
        PlanContext<Q> context = new PlanContext<>(query, target);
        QueryParameters parameters = new QueryParameters(inlined);
        ExpressionTranslator translator = new ExpressionTranslator(context, parameters);
        planner.accept(context, translator);
        RelNode output = context.builder().build();
        List<Stage> stages = UsedStages.of(context.stages(), output);
        FanOutProof proof = FanOutProof.check(stages, output);
        SqlRenderer.Rendered rendered = new SqlRenderer(target).render(stages, output);
        List<Parameter> binds = rendered.placeholders().stream().map(parameters::parameter).toList();
        List<CompiledQuery.OutputColumn> columns = output.getRowType().getFieldList().stream()
                .map(SqlCompiler::outputColumn).toList();
        return new CompiledQuery(query, target, rendered.sql(), stages, output, proof, binds, columns, context.strategy());
    }

    private static CompiledQuery.OutputColumn outputColumn(RelDataTypeField field) {
        DataType type = switch (field.getType().getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> DataType.BIGINT;
            case DECIMAL -> field.getType().getScale() == 0 ? DataType.BIGINT : DataType.DOUBLE;
            case FLOAT, REAL, DOUBLE -> DataType.DOUBLE;
            case BOOLEAN -> DataType.BOOLEAN;
            case TIMESTAMP -> DataType.TIMESTAMP;
            case DATE -> DataType.DATE;
            default -> DataType.VARCHAR;
        };
        return new CompiledQuery.OutputColumn(field.getName(), type);
    }
}
