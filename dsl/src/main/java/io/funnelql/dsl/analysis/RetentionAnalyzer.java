package io.funnelql.dsl.analysis;

import io.funnelql.dsl.ast.CountByClause;
import io.funnelql.dsl.ast.NullConditionClause;
import io.funnelql.dsl.ast.RetentionClause;
import io.funnelql.dsl.ast.Statement;
import io.funnelql.dsl.ast.WhereClause;
import io.funnelql.dsl.model.CohortKind;
import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.ConditionRetentionQuery;
import io.funnelql.dsl.model.NullConditionPolicy;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.RetentionCondition;
import io.funnelql.dsl.model.RetentionPeriod;
import io.funnelql.dsl.model.RetentionQuery;
import io.funnelql.dsl.model.RetentionReport;
import io.funnelql.dsl.model.ReturnMatch;
import io.funnelql.dsl.model.expression.Expression;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Resolves a retention query in one of its two forms: cohort retention (cohort, return, period,
 * offsets) or ClickHouse's condition list ({@code conditions (...)}).
 */
final class RetentionAnalyzer {
    static final int MAX_CONDITIONS = 32;
    /** The clauses that only cohort retention takes, as their keywords. */
    private static final Set<Class<?>> COHORT_ONLY = Set.of(RetentionClause.Cohort.class, RetentionClause.Return.class,
            RetentionClause.CalendarPeriod.class, RetentionClause.RollingPeriod.class, RetentionClause.TimeZone.class,
            RetentionClause.OffsetList.class, RetentionClause.OffsetRange.class, RetentionClause.Returning.class);

    private final QueryScope scope;
    private final Diagnostics diagnostics;

    RetentionAnalyzer(QueryScope scope) {
        this.scope = scope;
        this.diagnostics = scope.diagnostics;
    }

    Optional<Query> analyze(Statement.RetentionDeclaration declaration) {
        int errorsBefore = diagnostics.count();
        ClauseSet<RetentionClause> clauses = new ClauseSet<>(declaration.clauses(), Set.of(), diagnostics);
        NullConditionPolicy nulls = clauses.first(NullConditionClause.class).map(NullConditionClause::policy)
                .orElse(NullConditionPolicy.SKIP_ROW);
        RetentionReport report = clauses.first(RetentionClause.Report.class).map(RetentionClause.Report::report)
                .orElse(RetentionReport.COHORTS);
        var countBy = scope.countBy(clauses.first(CountByClause.class));
        var filter = scope.filter(clauses.first(WhereClause.class));
        Optional<RetentionClause.Conditions> conditions = clauses.first(RetentionClause.Conditions.class);
        Query query;
        if (conditions.isPresent()) {
            for (RetentionClause clause : declaration.clauses()) {
                if (COHORT_ONLY.contains(clause.getClass())) {
                    diagnostics.error(clause.location(), "'" + clause.keyword() + "' does not apply to a condition-list "
                            + "retention (conditions (...)); remove it or use cohort/return instead of conditions");
                }
            }
            query = new ConditionRetentionQuery(declaration.name().name(), scope.source, countBy, filter,
                    conditions(conditions.get()), nulls, report);
        } else {
            query = cohortRetention(declaration, clauses, countBy, filter, nulls, report);
        }
        return diagnostics.count() > errorsBefore ? Optional.empty() : Optional.of(query);
    }

    private RetentionQuery cohortRetention(Statement.RetentionDeclaration declaration, ClauseSet<RetentionClause> clauses,
                                           List<Column> countBy, Optional<Expression> filter,
                                           NullConditionPolicy nulls, RetentionReport report) {
        String display = "retention " + declaration.name().name().display();
        Optional<RetentionClause.Cohort> cohort = clauses.first(RetentionClause.Cohort.class);
        Optional<RetentionClause.Return> returned = clauses.first(RetentionClause.Return.class);
        if (cohort.isEmpty()) {
            diagnostics.error(declaration.location(), display + " has no cohort; add: cohort first <condition>"
                    + " (or list conditions (...) for ClickHouse's retention())");
        }
        if (returned.isEmpty()) {
            diagnostics.error(declaration.location(), display + " has no return condition; add: return <condition>");
        }
        Optional<RetentionPeriod> period = period(declaration, clauses, display);
        if (cohort.isPresent() && cohort.get().kind() == CohortKind.RECURRING
                && period.filter(RetentionPeriod.Rolling.class::isInstance).isPresent()) {
            diagnostics.error(cohort.get().location(), "a recurring cohort needs a calendar period (day, week or month); "
                    + "a rolling period is measured from one cohort event per key");
        }
        List<Integer> offsets = offsets(declaration, clauses, display);
        return new RetentionQuery(declaration.name().name(), scope.source, countBy, filter,
                cohort.map(RetentionClause.Cohort::kind).orElse(null),
                cohort.map(c -> scope.expressions.condition(c.condition(), "a cohort condition")).orElse(null),
                returned.map(r -> scope.expressions.condition(r.condition(), "a return condition")).orElse(null),
                period.orElse(null),
                offsets,
                clauses.first(RetentionClause.Returning.class).map(RetentionClause.Returning::match).orElse(ReturnMatch.ON),
                nulls,
                report);
    }

    private Optional<RetentionPeriod> period(Statement.RetentionDeclaration declaration, ClauseSet<RetentionClause> clauses,
                                             String display) {
        Optional<RetentionClause.TimeZone> zoneClause = clauses.first(RetentionClause.TimeZone.class);
        Optional<RetentionClause.CalendarPeriod> calendar = clauses.first(RetentionClause.CalendarPeriod.class);
        Optional<RetentionClause.RollingPeriod> rolling = clauses.first(RetentionClause.RollingPeriod.class);
        if (rolling.isPresent()) {
            zoneClause.ifPresent(zone -> diagnostics.error(zone.location(), "a time zone applies to calendar periods; "
                    + "a rolling period is measured from each key's cohort event"));
            return Durations.resolve(rolling.get().length(), "a rolling period", diagnostics).map(RetentionPeriod.Rolling::new);
        }
        if (calendar.isEmpty()) {
            diagnostics.error(declaration.location(), display + " has no period; add: period day | week | month, "
                    + "or period rolling <duration>");
            return Optional.empty();
        }
        Optional<ZoneId> zone = zoneClause.isEmpty() ? Optional.of(ZoneOffset.UTC) : TimeZones.resolve(zoneClause.get().zone(), zoneClause.get().location(), diagnostics);
        return zone.map(z -> new RetentionPeriod.Calendar(calendar.get().unit(), z));
    }

    private List<Integer> offsets(Statement.RetentionDeclaration declaration, ClauseSet<RetentionClause> clauses,
                                  String display) {
        Optional<RetentionClause.OffsetList> list = clauses.first(RetentionClause.OffsetList.class);
        Optional<RetentionClause.OffsetRange> range = clauses.first(RetentionClause.OffsetRange.class);
        if (range.isPresent()) {
            if (range.get().from() > range.get().to()) {
                diagnostics.error(range.get().location(), "offsets " + range.get().from() + " to " + range.get().to()
                        + " is empty: the first offset must not exceed the last");
            }
            return IntStream.rangeClosed(range.get().from(), range.get().to()).boxed().toList();
        }
        if (list.isEmpty()) {
            diagnostics.error(declaration.location(), display + " has no offsets; add e.g. offsets 1, 2, 4 or offsets 0 to 12");
            return List.of();
        }
        Set<Integer> seen = new TreeSet<>();
        for (int offset : list.get().offsets()) {
            if (!seen.add(offset)) {
                diagnostics.error(list.get().location(), "offset " + offset + " is listed twice");
            }
        }
        return new ArrayList<>(seen);
    }

    private List<RetentionCondition> conditions(RetentionClause.Conditions clause) {
        return scope.conditionList(clause.conditions(), clause.location(), "a condition-list retention",
                "a retention condition", RetentionCondition::new);
    }
}
