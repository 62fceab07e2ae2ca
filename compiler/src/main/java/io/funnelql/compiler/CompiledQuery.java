package io.funnelql.compiler;

import io.funnelql.compiler.plan.PlanContext;
import io.funnelql.compiler.plan.Stage;
import io.funnelql.compiler.proof.FanOutProof;
import io.funnelql.dialects.TargetDialect;
import io.funnelql.dsl.model.DataType;
import io.funnelql.dsl.model.Parameter;
import io.funnelql.dsl.model.Query;
import org.apache.calcite.rel.RelNode;

import java.util.List;

/**
 * A query compiled for one target: the SQL, the plan it came from (stages and output), the
 * proof that no join multiplies rows, the parameters behind its bind placeholders in order, and
 * the output columns' names and types (for reading results back exactly), and the plan strategy
 * the planner chose with its reason (null when the query kind has only one).
 */
public record CompiledQuery(
        Query query,
        TargetDialect target,
        String sql,
        List<Stage> stages,
        RelNode output,
        FanOutProof proof,
        List<Parameter> bindParameters,
        List<OutputColumn> columns,
        PlanContext.Strategy strategy) {

    public CompiledQuery {
        stages = List.copyOf(stages);
        bindParameters = List.copyOf(bindParameters);
        columns = List.copyOf(columns);
    }

    /** A result column: its name and the language type its values have. */
    public record OutputColumn(String name, DataType type) {}
}
