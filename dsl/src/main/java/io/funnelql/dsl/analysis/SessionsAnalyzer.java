package io.funnelql.dsl.analysis;

import io.funnelql.dsl.ast.CountByClause;
import io.funnelql.dsl.ast.SessionsClause;
import io.funnelql.dsl.ast.Statement;
import io.funnelql.dsl.ast.WhereClause;
import io.funnelql.dsl.model.SessionsQuery;
import io.funnelql.dsl.model.SessionsReport;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Resolves a sessions query: the inactivity gap and the optional maximum session length. */
final class SessionsAnalyzer {
    private final QueryScope scope;
    private final Diagnostics diagnostics;

    SessionsAnalyzer(QueryScope scope) {
        this.scope = scope;
        this.diagnostics = scope.diagnostics;
    }

    Optional<SessionsQuery> analyze(Statement.SessionsDeclaration declaration) {
        int errorsBefore = diagnostics.count();
        ClauseSet<SessionsClause> clauses = new ClauseSet<>(declaration.clauses(), Set.of(), diagnostics);
        Optional<SessionsClause.Gap> gapClause = clauses.first(SessionsClause.Gap.class);
        if (gapClause.isEmpty()) {
            diagnostics.error(declaration.location(), "sessions " + declaration.name().name().display()
                    + " has no gap; add: gap <duration>, e.g. gap 30 minutes");
        }
        Optional<Duration> gap = gapClause.flatMap(clause -> Durations.resolve(clause.gap(), "a session gap", diagnostics));
        Optional<Duration> maxLength = clauses.first(SessionsClause.MaxLength.class)
                .flatMap(clause -> Durations.resolve(clause.length(), "a maximum session length", diagnostics));
        Optional<Duration> lateness = clauses.first(SessionsClause.Lateness.class)
                .flatMap(clause -> Durations.resolve(clause.lateness(), "a lateness", diagnostics));
        SessionsQuery query = new SessionsQuery(
                declaration.name().name(),
                scope.source,
                scope.countBy(clauses.first(CountByClause.class)),
                scope.filter(clauses.first(WhereClause.class)),
                gap.orElse(null),
                maxLength,
                lateness,
                clauses.first(SessionsClause.Report.class).map(SessionsClause.Report::report).orElse(SessionsReport.SESSIONS));
        return diagnostics.count() > errorsBefore ? Optional.empty() : Optional.of(query);
    }
}
