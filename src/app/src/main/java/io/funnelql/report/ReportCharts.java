package io.funnelql.report;

import io.funnelql.dsl.model.ConditionRetentionQuery;
import io.funnelql.dsl.model.FunnelQuery;
import io.funnelql.dsl.model.MetricQuery;
import io.funnelql.dsl.model.PathDirection;
import io.funnelql.dsl.model.PathsQuery;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.QueryVisitor;
import io.funnelql.dsl.model.RetentionQuery;
import io.funnelql.dsl.model.RetentionReport;
import io.funnelql.dsl.model.SequenceQuery;
import io.funnelql.dsl.model.SequenceReport;
import io.funnelql.dsl.model.SessionsQuery;
import io.funnelql.dsl.model.SessionsReport;

import java.util.Locale;
import java.util.Optional;

/**
 * Which chart a query's result gets. Results with no chart of their own (time to convert, query
 * kinds added later) get none: the page still shows them as a table.
 */
final class ReportCharts {
    private ReportCharts() {}

    static Optional<String> chart(ReportRun run) {
        return run.query().accept(new QueryVisitor<Optional<String>>() {
            @Override
            public Optional<String> funnel(FunnelQuery funnel) {
                return switch (funnel.report()) {
                    case STEPS -> FunnelBars.render(run.result());
                    case PER_KEY -> PerKeyBars.furthestSteps(run.result(),
                            funnel.steps().stream().map(step -> step.name().display()).toList());
                    default -> Optional.empty();
                };
            }

            @Override
            public Optional<String> sessions(SessionsQuery sessions) {
                return sessions.report() == SessionsReport.SESSIONS
                        ? SessionHistogram.sessions(run.result())
                        : SessionHistogram.events(run.result(), sessions.source().time().name().value());
            }

            @Override
            public Optional<String> retention(RetentionQuery retention) {
                return retention.report() == RetentionReport.COHORTS
                        ? RetentionHeatMap.render(run.result(), Optional.of(retention.period()), run.lastEventTime())
                        : PerKeyBars.trueCounts(run.result());
            }

            @Override
            public Optional<String> conditionRetention(ConditionRetentionQuery conditions) {
                return PerKeyBars.trueCounts(run.result());
            }

            @Override
            public Optional<String> metric(MetricQuery metric) {
                return Optional.empty();
            }

            @Override
            public Optional<String> sequence(SequenceQuery sequence) {
                if (sequence.report() instanceof SequenceReport.Node node) {
                    return PerKeyBars.valueCounts(run.result(), node.column(),
                            node.direction() == SequenceReport.Direction.FORWARD ? "What came next" : "What came before");
                }
                return sequence.report() instanceof SequenceReport.PerKey ? PerKeyBars.trueCounts(run.result()) : Optional.empty();
            }

            @Override
            public Optional<String> paths(PathsQuery paths) {
                return PathsSankey.render(run.result(), paths.direction() == PathDirection.BEFORE_ANCHOR);
            }
        });
    }

    /** "report steps", "report per key", ...: the report form as written in the language, when the kind has one. */
    static String reportForm(Query query) {
        Optional<String> form = query.accept(new QueryVisitor<>() {
            @Override
            public Optional<String> funnel(FunnelQuery funnel) {
                return Optional.of(written(funnel.report()));
            }

            @Override
            public Optional<String> sessions(SessionsQuery sessions) {
                return Optional.of(written(sessions.report()));
            }

            @Override
            public Optional<String> retention(RetentionQuery retention) {
                return Optional.of(written(retention.report()));
            }

            @Override
            public Optional<String> conditionRetention(ConditionRetentionQuery conditions) {
                return Optional.of(written(conditions.report()));
            }

            @Override
            public Optional<String> metric(MetricQuery metric) {
                return Optional.empty();
            }

            @Override
            public Optional<String> sequence(SequenceQuery sequence) {
                return Optional.of(sequence.report().written());
            }

            @Override
            public Optional<String> paths(PathsQuery paths) {
                return Optional.empty(); // one report form, written or not
            }
        });
        return form.map(value -> "report " + value).orElse("");
    }

    private static String written(Enum<?> report) {
        return report.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
