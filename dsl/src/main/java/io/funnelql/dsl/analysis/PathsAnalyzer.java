package io.funnelql.dsl.analysis;

import io.funnelql.dsl.ast.CountByClause;
import io.funnelql.dsl.ast.PathsClause;
import io.funnelql.dsl.ast.Statement;
import io.funnelql.dsl.ast.WhereClause;
import io.funnelql.dsl.diagnostic.SourceLocation;
import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.DataType;
import io.funnelql.dsl.model.NodeRule;
import io.funnelql.dsl.model.PathsQuery;
import io.funnelql.dsl.model.expression.Expression;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Resolves a paths query: its anchor, its limits (depth, gap, window, top) and how events become nodes. */
final class PathsAnalyzer {
    private final QueryScope scope;
    private final Diagnostics diagnostics;

    PathsAnalyzer(QueryScope scope) {
        this.scope = scope;
        this.diagnostics = scope.diagnostics;
    }

    Optional<PathsQuery> analyze(Statement.PathsDeclaration declaration) {
        int errorsBefore = diagnostics.count();
        ClauseSet<PathsClause> clauses = new ClauseSet<>(declaration.clauses(), Set.of(), diagnostics);
        String display = "paths " + declaration.name().name().display();
        var countBy = scope.countBy(clauses.first(CountByClause.class));
        var filter = scope.filter(clauses.first(WhereClause.class));
        Optional<PathsClause.Anchor> anchorClause = clauses.first(PathsClause.Anchor.class);
        if (anchorClause.isEmpty()) {
            diagnostics.error(declaration.location(), display + " has no anchor; add: start at <condition> (the paths after it)"
                    + " or end at <condition> (the paths before it), e.g. start at event_name = 'signup'");
        }
        Optional<Expression> anchor = anchorClause.map(clause -> scope.expressions.condition(clause.condition(),
                "an anchor condition"));
        Optional<Duration> gap = clauses.first(PathsClause.SessionGap.class)
                .flatMap(clause -> Durations.resolve(clause.gap(), "a session gap", diagnostics));
        Optional<Duration> window = clauses.first(PathsClause.Window.class)
                .flatMap(clause -> Durations.resolve(clause.length(), "a path window", diagnostics));
        int depth = clauses.first(PathsClause.Depth.class)
                .map(clause -> bounded(clause.depth(), PathsQuery.MAX_DEPTH, "depth", clause.valueLocation()))
                .orElse(PathsQuery.DEFAULT_DEPTH);
        int top = clauses.first(PathsClause.Top.class)
                .map(clause -> bounded(clause.top(), PathsQuery.MAX_TOP, "top", clause.valueLocation()))
                .orElse(PathsQuery.DEFAULT_TOP);
        Optional<Column> node = node(clauses.first(PathsClause.NodeColumn.class), display, declaration);
        List<NodeRule> cleaning = clauses.first(PathsClause.Clean.class).map(this::rules).orElse(List.of());
        if (diagnostics.count() > errorsBefore || anchor.isEmpty() || node.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PathsQuery(declaration.name().name(), scope.source, countBy, filter,
                anchorClause.get().direction(), anchor.get(), gap, window, depth, node.get(), cleaning,
                clauses.first(PathsClause.Collapse.class).isPresent(), top));
    }

    private int bounded(long value, int most, String what, SourceLocation location) {
        if (value < 1 || value > most) {
            diagnostics.error(location, what + " must be 1 to " + most + ", found " + value);
            return 1;
        }
        return (int) value;
    }

    /** The column whose value names a node: {@code node <column>}, else the source's event name; text either way. */
    private Optional<Column> node(Optional<PathsClause.NodeColumn> clause, String display, Statement.PathsDeclaration declaration) {
        if (clause.isPresent()) {
            Optional<Column> column = scope.column(clause.get().column());
            if (column.isPresent() && column.get().type() != DataType.VARCHAR) {
                diagnostics.error(clause.get().column().location(), "a node column must be a varchar, found "
                        + column.get().name().display() + " " + column.get().type().displayName());
                return Optional.empty();
            }
            return column;
        }
        if (scope.source.eventName().isEmpty()) {
            diagnostics.error(declaration.location(), display + " has no node column: source "
                    + scope.source.name().display() + " declares no event name; add: node <varchar column>,"
                    + " or declare: event name <column> in the source");
            return Optional.empty();
        }
        Column eventName = scope.source.eventName().get();
        if (eventName.type() != DataType.VARCHAR) {
            diagnostics.error(declaration.location(), display + " reads the event name " + eventName.name().display()
                    + " as its nodes, which must be a varchar, found " + eventName.type().displayName()
                    + "; add: node <varchar column>");
            return Optional.empty();
        }
        return Optional.of(eventName);
    }

    private List<NodeRule> rules(PathsClause.Clean clause) {
        return clause.rules().stream()
                .map(rule -> {
                    if (rule.label().isEmpty()) {
                        diagnostics.error(rule.location(), "a node label must not be empty");
                    }
                    return new NodeRule(rule.label(), scope.expressions.condition(rule.condition(), "a clean condition"));
                })
                .toList();
    }
}
