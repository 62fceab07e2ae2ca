package io.funnelql.report;

import io.funnelql.dsl.model.ConditionRetentionQuery;
import io.funnelql.dsl.model.FunnelQuery;
import io.funnelql.dsl.model.FunnelReport;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.RetentionQuery;
import io.funnelql.dsl.model.RetentionReport;
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
        Query query = run.query();
        if (query instanceof FunnelQuery funnel && funnel.report() == FunnelReport.STEPS) {
            return FunnelBars.render(run.result());
        }
        if (query instanceof FunnelQuery funnel && funnel.report() == FunnelReport.PER_KEY) {
            return PerKeyBars.furthestSteps(run.result(), funnel.steps().stream().map(step -> step.name().display()).toList());
        }
        if (query instanceof RetentionQuery retention && retention.report() == RetentionReport.COHORTS) {
            return RetentionHeatMap.render(run.result(), Optional.of(retention.period()), run.lastEventTime());
        }
        if (query instanceof RetentionQuery || query instanceof ConditionRetentionQuery) {
            return PerKeyBars.trueCounts(run.result());
        }
        if (query instanceof SessionsQuery sessions) {
            return sessions.report() == SessionsReport.SESSIONS
                    ? SessionHistogram.sessions(run.result())
                    : SessionHistogram.events(run.result(), sessions.source().time().name().value());
        }
        return Optional.empty();
    }

    /** "report steps", "report per key", ...: the report form as written in the language, when the kind has one. */
    static String reportForm(Query query) {
        Enum<?> form = null;
        if (query instanceof FunnelQuery funnel) {
            form = funnel.report();
        } else if (query instanceof RetentionQuery retention) {
            form = retention.report();
        } else if (query instanceof ConditionRetentionQuery conditions) {
            form = conditions.report();
        } else if (query instanceof SessionsQuery sessions) {
            form = sessions.report();
        }
        return form == null ? "" : "report " + form.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
