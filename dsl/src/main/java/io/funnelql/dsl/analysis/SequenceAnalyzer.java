package io.funnelql.dsl.analysis;

import io.funnelql.dsl.ast.CountByClause;
import io.funnelql.dsl.ast.NullConditionClause;
import io.funnelql.dsl.ast.SequenceClause;
import io.funnelql.dsl.ast.Statement;
import io.funnelql.dsl.ast.WhereClause;
import io.funnelql.dsl.model.Profile;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.SequenceCondition;
import io.funnelql.dsl.model.SequencePattern;
import io.funnelql.dsl.model.SequenceQuery;
import io.funnelql.dsl.model.SequenceReport;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Resolves a sequence query: its conditions, its profile and its pattern. */
final class SequenceAnalyzer {
    private final QueryScope scope;
    private final Diagnostics diagnostics;

    SequenceAnalyzer(QueryScope scope) {
        this.scope = scope;
        this.diagnostics = scope.diagnostics;
    }

    Optional<Query> analyze(Statement.SequenceDeclaration declaration) {
        int errorsBefore = diagnostics.count();
        ClauseSet<SequenceClause> clauses = new ClauseSet<>(declaration.clauses(), Set.of(), diagnostics);
        String display = "sequence " + declaration.name().name().display();
        Profile profile = clauses.first(SequenceClause.ProfileClause.class)
                .flatMap(clause -> FunnelAnalyzer.profile(clause.profile(), diagnostics)).orElse(Profile.CLICKHOUSE);
        var countBy = scope.countBy(clauses.first(CountByClause.class));
        var filter = scope.filter(clauses.first(WhereClause.class));
        List<SequenceCondition> conditions = clauses.first(SequenceClause.Conditions.class).map(this::conditions).orElseGet(() -> {
            diagnostics.error(declaration.location(), display + " has no conditions; add: conditions (name: condition, ...)");
            return List.of();
        });
        Optional<SequenceClause.Pattern> patternClause = clauses.first(SequenceClause.Pattern.class);
        if (patternClause.isEmpty()) {
            diagnostics.error(declaration.location(), display + " has no pattern; add e.g. pattern '(?1).*(?2)'");
        }
        Optional<SequencePattern> pattern = patternClause.flatMap(clause ->
                new PatternParser(clause, conditions, profile, diagnostics).parse());
        if (diagnostics.count() > errorsBefore || pattern.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SequenceQuery(declaration.name().name(), scope.source, countBy, filter, profile, conditions,
                clauses.first(NullConditionClause.class).map(NullConditionClause::policy).orElse(profile.defaultNullConditions()),
                pattern.get(),
                clauses.first(SequenceClause.Report.class).map(SequenceClause.Report::report).orElse(SequenceReport.PER_KEY)));
    }

    private List<SequenceCondition> conditions(SequenceClause.Conditions clause) {
        return scope.conditionList(clause.conditions(), clause.location(), "a sequence", "a sequence condition",
                SequenceCondition::new);
    }
}
