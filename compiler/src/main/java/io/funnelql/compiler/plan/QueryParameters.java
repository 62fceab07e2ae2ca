package io.funnelql.compiler.plan;

import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Parameter;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.tools.RelBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a query's {@code :parameters} reach SQL: a value given at compile time is inlined as a
 * literal (escaped by the dialect); any other becomes a bind placeholder whose index is the
 * parameter's number here. The renderer reads the placeholders' order from the written SQL.
 */
public final class QueryParameters {
    private final Map<Name, Object> inlined;
    private final List<Parameter> referenced = new ArrayList<>();

    public QueryParameters(Map<Name, Object> inlined) {
        this.inlined = Map.copyOf(inlined);
    }

    /** The value given at compile time, which the translator inlines as a literal; empty for a bind placeholder. */
    Optional<Object> inlinedValue(Parameter parameter) {
        return Optional.ofNullable(inlined.get(parameter.name()));
    }

    /** A bind placeholder for a parameter the compiler itself declares (such as a batch bound). */
    public RexNode placeholder(Parameter parameter, RelBuilder builder) {
        int index = referenced.indexOf(parameter);
        if (index < 0) {
            referenced.add(parameter);
            index = referenced.size() - 1;
        }
        return builder.getRexBuilder().makeDynamicParam(
                PlanContext.sqlType(builder.getTypeFactory(), parameter.type()), index);
    }

    /** The parameter a placeholder index stands for. */
    public Parameter parameter(int index) {
        return referenced.get(index);
    }
}
