package io.funnelql.dsl.analysis;

import io.funnelql.dsl.ast.CountByClause;
import io.funnelql.dsl.ast.NullConditionClause;
import io.funnelql.dsl.ast.SequenceClause;
import io.funnelql.dsl.ast.Statement;
import io.funnelql.dsl.ast.WhereClause;
import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.DataType;
import io.funnelql.dsl.model.PatternElement;
import io.funnelql.dsl.model.Profile;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.SequenceCondition;
import io.funnelql.dsl.model.SequencePattern;
import io.funnelql.dsl.model.SequenceQuery;
import io.funnelql.dsl.model.SequenceReport;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Resolves a sequence query: its conditions, its profile, its pattern and its report. */
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
        Optional<SequenceClause.NodeReport> nodeReport = clauses.first(SequenceClause.NodeReport.class);
        List<SequenceCondition> conditions = clauses.first(SequenceClause.Conditions.class)
                .map(clause -> conditions(clause, nodeReport.isPresent() ? 1 : 2)).orElseGet(() -> {
                    diagnostics.error(declaration.location(), display + " has no conditions; add: conditions (name: condition, ...)");
                    return List.of();
                });
        Optional<SequenceClause.Pattern> patternClause = clauses.first(SequenceClause.Pattern.class);
        Optional<SequencePattern> pattern;
        if (nodeReport.isPresent()) {
            // The chain of a node report is its conditions in order, at consecutive events: no pattern.
            patternClause.ifPresent(clause -> diagnostics.error(clause.location(), "a next or previous node report chains "
                    + "its conditions in order at consecutive events and takes no pattern; remove the pattern, or report "
                    + "per key, summary or events"));
            pattern = Optional.of(new SequencePattern("", List.of()));
        } else {
            if (patternClause.isEmpty()) {
                diagnostics.error(declaration.location(), display + " has no pattern; add e.g. pattern '(?1).*(?2)'");
            }
            pattern = patternClause.flatMap(clause -> new PatternParser(clause, conditions, profile, diagnostics).parse());
        }
        SequenceReport report = nodeReport.map(node -> nodeReport(node, profile))
                .orElseGet(() -> clauses.first(SequenceClause.Report.class).map(SequenceClause.Report::report)
                        .orElse(new SequenceReport.PerKey()));
        if (report instanceof SequenceReport.MatchedEvents && pattern.isPresent()
                && pattern.get().elements().stream().noneMatch(PatternElement.ConditionEvent.class::isInstance)) {
            diagnostics.error(patternClause.get().location(), "report events lists the events the pattern's (?N) take, "
                    + "and this pattern has none: every key would have no rows; add a (?N) or report per key");
        }
        if (diagnostics.count() > errorsBefore || pattern.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SequenceQuery(declaration.name().name(), scope.source, countBy, filter, profile, conditions,
                clauses.first(NullConditionClause.class).map(NullConditionClause::policy).orElse(profile.defaultNullConditions()),
                pattern.get(), report));
    }

    private List<SequenceCondition> conditions(SequenceClause.Conditions clause, int minimum) {
        return scope.conditionList(clause.conditions(), minimum, clause.location(), "a sequence", "a sequence condition",
                SequenceCondition::new);
    }

    /** Resolves the value column and the base; ClickHouse's refusals hold under its profile. */
    private SequenceReport nodeReport(SequenceClause.NodeReport clause, Profile profile) {
        Optional<Column> value = scope.column(clause.value());
        value.filter(column -> column.type() != DataType.VARCHAR).ifPresent(column -> diagnostics.error(
                clause.value().location(), "the node's value column must be a varchar (ClickHouse's sequenceNextNode "
                        + "returns a String); " + column.name().display() + " is " + column.type().displayName()));
        String written = clause.base().name().value();
        List<String> bases = Arrays.stream(SequenceReport.Base.values()).map(SequenceReport.Base::keyword).toList();
        Optional<SequenceReport.Base> base = Arrays.stream(SequenceReport.Base.values())
                .filter(candidate -> candidate.keyword().equals(written)).findFirst();
        if (base.isEmpty()) {
            diagnostics.error(clause.base().location(), Suggestions.sentence("unknown base '" + written + "'", written, bases)
                    + " Valid bases: " + String.join(", ", bases));
        }
        SequenceReport.Direction direction = clause.direction();
        boolean refused = base.filter(b -> b == (direction == SequenceReport.Direction.FORWARD
                ? SequenceReport.Base.TAIL : SequenceReport.Base.HEAD)).isPresent();
        if (refused && profile == Profile.CLICKHOUSE) {
            String word = direction == SequenceReport.Direction.FORWARD ? "next" : "previous";
            diagnostics.error(clause.base().location(), "a " + word + " node from " + written + " is refused by ClickHouse "
                    + "(sequenceNextNode: 'Invalid argument combination'); profile duckdb_behavioral allows it");
        }
        var baseCondition = clause.baseCondition().map(condition -> scope.expressions.condition(condition, "a base condition"));
        return new SequenceReport.Node(direction, base.orElse(SequenceReport.Base.FIRST_MATCH),
                value.orElse(null), baseCondition);
    }
}
