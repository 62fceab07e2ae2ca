package io.funnelql.dsl.analysis;

import io.funnelql.dsl.ast.CountByClause;
import io.funnelql.dsl.ast.FunnelClause;
import io.funnelql.dsl.ast.Identifier;
import io.funnelql.dsl.ast.NamedCondition;
import io.funnelql.dsl.ast.NullConditionClause;
import io.funnelql.dsl.ast.Statement;
import io.funnelql.dsl.ast.WhereClause;
import io.funnelql.dsl.model.Attribution;
import io.funnelql.dsl.model.Breakdown;
import io.funnelql.dsl.model.EntryPolicy;
import io.funnelql.dsl.model.Exclusion;
import io.funnelql.dsl.model.FunnelMode;
import io.funnelql.dsl.model.FunnelQuery;
import io.funnelql.dsl.model.FunnelReport;
import io.funnelql.dsl.model.FunnelWindow;
import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Profile;
import io.funnelql.dsl.model.Step;
import io.funnelql.dsl.model.TiePolicy;
import io.funnelql.dsl.model.WindowBound;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Resolves a funnel: steps, window, entry policy, modes and profile, exclusions and breakdown. */
final class FunnelAnalyzer {
    static final int MAX_STEPS = 32;

    private final QueryScope scope;
    private final Diagnostics diagnostics;

    FunnelAnalyzer(QueryScope scope) {
        this.scope = scope;
        this.diagnostics = scope.diagnostics;
    }

    Optional<FunnelQuery> analyze(Statement.FunnelDeclaration declaration) {
        int errorsBefore = diagnostics.count();
        ClauseSet<FunnelClause> clauses = new ClauseSet<>(declaration.clauses(), Set.of("exclude"), diagnostics);
        String display = "funnel " + declaration.name().name().display();

        Profile profile = clauses.first(FunnelClause.ProfileClause.class).flatMap(this::profile).orElse(Profile.CLICKHOUSE);
        List<Step> steps = steps(clauses.first(FunnelClause.Steps.class), declaration, display);
        Optional<FunnelWindow> window = window(clauses.first(FunnelClause.Window.class), declaration, display);
        EntryPolicy entry = clauses.first(FunnelClause.Entry.class).map(FunnelClause.Entry::policy).orElse(EntryPolicy.LATEST);
        Set<FunnelMode> modes = modes(clauses.first(FunnelClause.Mode.class), profile);
        TiePolicy ties = ties(clauses.first(FunnelClause.Ties.class), modes);
        List<Exclusion> exclusions = exclusions(clauses.all(FunnelClause.Exclude.class), steps);
        Optional<Breakdown> breakdown = clauses.first(FunnelClause.Breakdown.class).flatMap(clause -> breakdown(clause, steps));

        FunnelQuery query = new FunnelQuery(
                declaration.name().name(),
                scope.source,
                scope.countBy(clauses.first(CountByClause.class)),
                scope.filter(clauses.first(WhereClause.class)),
                window.orElse(null),
                entry,
                modes,
                profile,
                ties,
                clauses.first(NullConditionClause.class).map(NullConditionClause::policy).orElse(profile.defaultNullConditions()),
                steps,
                exclusions,
                breakdown,
                clauses.first(FunnelClause.Report.class).map(FunnelClause.Report::report).orElse(FunnelReport.STEPS));
        return diagnostics.count() > errorsBefore ? Optional.empty() : Optional.of(query);
    }

    private Optional<Profile> profile(FunnelClause.ProfileClause clause) {
        return profile(clause.profile(), diagnostics);
    }

    /** The profile a {@code profile} clause names (funnels and sequences), or an error listing the valid ones. */
    static Optional<Profile> profile(Identifier name, Diagnostics diagnostics) {
        String written = name.name().value();
        Optional<Profile> profile = Arrays.stream(Profile.values()).filter(p -> p.keyword().equals(written)).findFirst();
        if (profile.isEmpty()) {
            List<String> valid = Arrays.stream(Profile.values()).map(Profile::keyword).toList();
            diagnostics.error(name.location(), Suggestions.sentence("unknown profile '" + written + "'", written, valid)
                    + " Valid profiles: " + String.join(", ", valid));
        }
        return profile;
    }

    private List<Step> steps(Optional<FunnelClause.Steps> clause, Statement.FunnelDeclaration declaration, String display) {
        if (clause.isEmpty()) {
            diagnostics.error(declaration.location(), display + " has no steps; add: steps (name: condition, ...)");
            return List.of();
        }
        List<NamedCondition> written = clause.get().steps();
        if (written.size() > MAX_STEPS) {
            diagnostics.error(written.get(MAX_STEPS).location(), "a funnel has at most " + MAX_STEPS + " steps, found "
                    + written.size());
        }
        Map<Name, NamedCondition> seen = new HashMap<>();
        List<Step> steps = new ArrayList<>();
        for (NamedCondition step : written) {
            NamedCondition earlier = seen.putIfAbsent(step.name().name(), step);
            if (earlier != null) {
                diagnostics.error(step.name().location(), "duplicate step " + step.name().name().display()
                        + " (first at line " + earlier.location() + ")");
            }
            steps.add(new Step(steps.size() + 1, step.name().name(),
                    scope.expressions.condition(step.condition(), "a step condition")));
        }
        return steps;
    }

    private Optional<FunnelWindow> window(Optional<FunnelClause.Window> clause, Statement.FunnelDeclaration declaration,
                                          String display) {
        if (clause.isEmpty()) {
            diagnostics.error(declaration.location(), display + " has no window; add: within <duration> from first step");
            return Optional.empty();
        }
        FunnelClause.Window window = clause.get();
        Optional<Duration> length = Durations.resolve(window.length(), "a funnel window", true, diagnostics);
        if (length.isPresent() && length.get().isZero() && window.bound().orElse(WindowBound.INCLUSIVE) == WindowBound.EXCLUSIVE) {
            diagnostics.error(window.length().location(), "an exclusive funnel window of " + window.length()
                    + " admits no step after the first (a step must come less than 0 after it); write"
                    + " 'within 0 seconds' (inclusive: steps at the same time convert) or a positive window");
            return Optional.empty();
        }
        return length.map(value -> new FunnelWindow(value, window.anchor(), window.bound().orElse(WindowBound.INCLUSIVE)));
    }

    private Set<FunnelMode> modes(Optional<FunnelClause.Mode> clause, Profile profile) {
        Set<FunnelMode> modes = EnumSet.noneOf(FunnelMode.class);
        if (clause.isEmpty()) {
            return modes;
        }
        for (Identifier written : clause.get().modes()) {
            Optional<FunnelMode> mode = FunnelMode.fromKeyword(written.text());
            if (mode.isEmpty()) {
                diagnostics.error(written.location(), Suggestions.sentence("unknown mode '" + written.text() + "'",
                                written.text(), FunnelMode.spellings())
                        + " Valid modes: strict_deduplication (alias strict), strict_order, strict_increase, strict_once, "
                        + "allow_reentry, timestamp_dedup");
            } else if (!modes.add(mode.get())) {
                diagnostics.error(written.location(), "mode " + mode.get().keyword() + " is listed twice");
            }
        }
        FunnelClause.Mode location = clause.get();
        if (profile == Profile.CLICKHOUSE && modes.contains(FunnelMode.TIMESTAMP_DEDUP)) {
            diagnostics.error(location.location(), "mode timestamp_dedup exists only in the duckdb_behavioral profile; "
                    + "ClickHouse's windowFunnel has no such option");
        }
        if (profile == Profile.CLICKHOUSE && modes.contains(FunnelMode.ALLOW_REENTRY) && !modes.contains(FunnelMode.STRICT_ORDER)) {
            diagnostics.error(location.location(), "mode allow_reentry needs strict_order in the clickhouse profile "
                    + "(windowFunnel rejects it alone); add strict_order or use profile duckdb_behavioral");
        }
        return modes;
    }

    private TiePolicy ties(Optional<FunnelClause.Ties> clause, Set<FunnelMode> modes) {
        boolean strictIncrease = modes.contains(FunnelMode.STRICT_INCREASE);
        if (clause.isPresent() && clause.get().policy() == TiePolicy.ALLOWED && strictIncrease) {
            diagnostics.error(clause.get().location(), "'ties allowed' contradicts mode strict_increase, "
                    + "which needs each step strictly after the previous one; remove one of them");
        }
        return clause.map(FunnelClause.Ties::policy).orElse(strictIncrease ? TiePolicy.FORBIDDEN : TiePolicy.ALLOWED);
    }

    private List<Exclusion> exclusions(List<FunnelClause.Exclude> clauses, List<Step> steps) {
        List<Exclusion> exclusions = new ArrayList<>();
        Map<Name, FunnelClause.Exclude> seen = new HashMap<>();
        for (FunnelClause.Exclude clause : clauses) {
            Identifier name = clause.exclusion().name();
            if (seen.putIfAbsent(name.name(), clause) != null) {
                diagnostics.error(name.location(), "duplicate exclusion " + name.name().display());
            } else if (steps.stream().anyMatch(step -> step.name().equals(name.name()))) {
                diagnostics.error(name.location(), "exclusion " + name.name().display() + " has the name of a step");
            }
            var condition = scope.expressions.condition(clause.exclusion().condition(), "an exclusion condition");
            if (steps.size() < 2) {
                diagnostics.error(clause.location(), "an exclusion needs a funnel of at least two steps to lie between");
                continue;
            }
            Optional<Step> after = clause.after().isPresent() ? step(clause.after().get(), steps) : Optional.of(steps.get(0));
            Optional<Step> before = clause.before().isPresent() ? step(clause.before().get(), steps)
                    : Optional.of(steps.get(steps.size() - 1));
            if (after.isEmpty() || before.isEmpty()) {
                continue;
            }
            if (after.get().index() >= before.get().index()) {
                diagnostics.error(clause.after().orElse(name).location(), "exclusion " + name.name().display()
                        + " must lie between an earlier and a later step: " + after.get().name().display() + " is step "
                        + after.get().index() + " and " + before.get().name().display() + " is step " + before.get().index());
                continue;
            }
            exclusions.add(new Exclusion(name.name(), condition, after.get(), before.get()));
        }
        return exclusions;
    }

    private Optional<Breakdown> breakdown(FunnelClause.Breakdown clause, List<Step> steps) {
        FunnelClause.AttributionNode written = clause.attribution();
        Optional<Attribution> attribution;
        if (written instanceof FunnelClause.AttributionNode.NamedStep named) {
            attribution = step(named.step(), steps).map(Attribution.NamedStep::new);
        } else if (written instanceof FunnelClause.AttributionNode.LastStep) {
            attribution = Optional.of(new Attribution.LastStep());
        } else {
            attribution = Optional.of(new Attribution.FirstStep());
        }
        return scope.column(clause.column()).flatMap(column -> attribution.map(a -> new Breakdown(column, a)));
    }

    private Optional<Step> step(Identifier name, List<Step> steps) {
        Optional<Step> step = steps.stream().filter(s -> s.name().equals(name.name())).findFirst();
        if (step.isEmpty()) {
            diagnostics.error(name.location(), "unknown step " + name.name().display()
                    + Suggestions.didYouMean(name.text(), steps.stream().map(s -> s.name().display()).toList()));
        }
        return step;
    }
}
