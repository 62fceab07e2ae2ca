package io.funnelql.dsl.analysis;

import io.funnelql.dsl.ast.CountByClause;
import io.funnelql.dsl.ast.Identifier;
import io.funnelql.dsl.ast.NamedCondition;
import io.funnelql.dsl.ast.WhereClause;
import io.funnelql.dsl.diagnostic.SourceLocation;
import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Source;
import io.funnelql.dsl.model.expression.Expression;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What every query kind resolves the same way: its source, counting key and filter. */
final class QueryScope {
    final Source source;
    final ExpressionAnalyzer expressions;
    final Diagnostics diagnostics;

    QueryScope(Source source, ExpressionAnalyzer expressions, Diagnostics diagnostics) {
        this.source = source;
        this.expressions = expressions;
        this.diagnostics = diagnostics;
    }

    /** The counting key: the columns of {@code count by}, or the source's key. */
    List<Column> countBy(Optional<CountByClause> clause) {
        if (clause.isEmpty()) {
            return List.of(source.key());
        }
        List<Column> columns = new ArrayList<>();
        Set<Name> seen = new HashSet<>();
        for (Identifier identifier : clause.get().columns()) {
            Optional<Column> column = column(identifier);
            if (column.isEmpty()) {
                continue;
            }
            if (source.tenant().filter(column.get()::equals).isPresent()) {
                diagnostics.error(identifier.location(), column.get().name().display()
                        + " is the source's tenant column and is always part of the key; list only the other key columns");
            } else if (!seen.add(column.get().name())) {
                diagnostics.error(identifier.location(), "column " + column.get().name().display() + " is listed twice");
            } else {
                columns.add(column.get());
            }
        }
        return columns;
    }

    Optional<Expression> filter(Optional<WhereClause> clause) {
        return clause.map(where -> expressions.condition(where.condition(), "a where condition"));
    }

    Optional<Column> column(Identifier identifier) {
        Optional<Column> column = source.column(identifier.name());
        if (column.isEmpty()) {
            diagnostics.error(identifier.location(), ExpressionAnalyzer.unknownColumnMessage(source, identifier));
        }
        return column;
    }

    /** Makes the resolved form of one condition of a list: its 1-based index, its name and its expression. */
    interface ConditionFactory<T> {
        T make(int index, Name name, Expression condition);
    }

    /**
     * A list of named conditions (condition-list retention, sequences): 2 to {@link
     * RetentionAnalyzer#MAX_CONDITIONS}, names unique, each a boolean condition ({@code what} names
     * it in messages).
     */
    <T> List<T> conditionList(List<NamedCondition> written, SourceLocation location, String kind, String what,
            ConditionFactory<T> factory) {
        return conditionList(written, 2, location, kind, what, factory);
    }

    /** {@link #conditionList}, with at least {@code minimum} conditions. */
    <T> List<T> conditionList(List<NamedCondition> written, int minimum, SourceLocation location, String kind, String what,
            ConditionFactory<T> factory) {
        if (written.size() < minimum || written.size() > RetentionAnalyzer.MAX_CONDITIONS) {
            diagnostics.error(location, kind + " takes " + minimum + " to " + RetentionAnalyzer.MAX_CONDITIONS
                    + " conditions, found " + written.size());
        }
        Set<Name> seen = new HashSet<>();
        List<T> conditions = new ArrayList<>();
        for (NamedCondition condition : written) {
            if (!seen.add(condition.name().name())) {
                diagnostics.error(condition.name().location(), "duplicate condition " + condition.name().name().display());
            }
            conditions.add(factory.make(conditions.size() + 1, condition.name().name(),
                    expressions.condition(condition.condition(), what)));
        }
        return conditions;
    }
}
