package io.funnelql.dsl.analysis;

import io.funnelql.dsl.ast.Identifier;
import io.funnelql.dsl.ast.MetricClause;
import io.funnelql.dsl.ast.Statement;
import io.funnelql.dsl.ast.WhereClause;
import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.MetricQuery;
import io.funnelql.dsl.model.PeriodUnit;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Resolves a metric query: its calendar period and time zone, and the numeric columns it sums. */
final class MetricAnalyzer {
    private final QueryScope scope;
    private final Diagnostics diagnostics;

    MetricAnalyzer(QueryScope scope) {
        this.scope = scope;
        this.diagnostics = scope.diagnostics;
    }

    Optional<MetricQuery> analyze(Statement.MetricDeclaration declaration) {
        int errorsBefore = diagnostics.count();
        ClauseSet<MetricClause> clauses = new ClauseSet<>(declaration.clauses(), Set.of(), diagnostics);
        Optional<MetricClause.Period> period = clauses.first(MetricClause.Period.class);
        if (period.isEmpty()) {
            diagnostics.error(declaration.location(), "metric " + declaration.name().name().display()
                    + " has no period; add: per day | week | month");
        }
        Optional<ZoneId> zone = clauses.first(MetricClause.TimeZone.class)
                .map(clause -> TimeZones.resolve(clause.zone(), clause.location(), diagnostics))
                .orElse(Optional.of(ZoneOffset.UTC));
        List<Column> sums = new ArrayList<>();
        for (Identifier identifier : clauses.first(MetricClause.Sum.class).map(MetricClause.Sum::columns).orElse(List.of())) {
            scope.column(identifier).ifPresent(column -> {
                if (!column.type().isNumeric()) {
                    diagnostics.error(identifier.location(), "sum needs a numeric column; " + column.name().display()
                            + " is " + column.type().displayName());
                } else if (sums.contains(column)) {
                    diagnostics.error(identifier.location(), "column " + column.name().display() + " is summed twice");
                } else {
                    sums.add(column);
                }
            });
        }
        if (diagnostics.count() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new MetricQuery(declaration.name().name(), scope.source,
                scope.filter(clauses.first(WhereClause.class)), period.map(MetricClause.Period::unit).orElse(PeriodUnit.DAY),
                zone.orElseThrow(), sums));
    }
}
