package io.funnelql.golden.differential;

import io.funnelql.dsl.model.ConditionRetentionQuery;
import io.funnelql.dsl.model.FunnelMode;
import io.funnelql.dsl.model.FunnelQuery;
import io.funnelql.dsl.model.MetricQuery;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.RetentionPeriod;
import io.funnelql.dsl.model.RetentionQuery;
import io.funnelql.dsl.model.SessionsQuery;
import io.funnelql.result.ResultFormatter;
import io.funnelql.result.ResultTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A failing (spec, dataset) pair written as a golden case folder (docs/test-kit.md, "Adding a
 * case"), file by file, followed by what went wrong: the engine, its SQL and the row diff.
 */
final class GoldenCaseText {
    private static final String RULE = "-".repeat(72);

    private GoldenCaseText() {}

    /** What one engine did wrong: its label, the SQL it ran (null if none compiled) and the problem (diff rows or error). */
    record Disagreement(String engine, String engineLabel, String sql, String problem) {}

    static String of(GeneratedSpec spec, Query query, String eventsCsv, ResultTable reference, Disagreement disagreement) {
        String folder = "golden/cases/" + folderName(query, disagreement.engine()) + "/";
        StringBuilder text = new StringBuilder();
        text.append("The reference and ").append(disagreement.engine()).append(" disagree. As a golden case")
                .append(" (check expected.csv by hand against docs/semantics.md before committing it;")
                .append(" then run GoldenCasesTest with -Dgolden.update=true to write the SQL snapshots):\n\n");
        file(text, folder + "spec.fql", "-- Found by DifferentialTest: " + disagreement.engine()
                + " disagrees with the reference. TODO: say what this case checks.\n" + spec.text());
        file(text, folder + "events.csv", eventsCsv);
        file(text, folder + "expected.csv", reference == null ? "(the reference failed)\n" : ResultFormatter.csv(reference));
        file(text, folder + "skip (only while the engine is wrong)", disagreement.engine()
                + ": known disagreement — TODO: what goes wrong\n");
        text.append("Engine: ").append(disagreement.engineLabel()).append('\n');
        text.append("Problem:\n  ").append(disagreement.problem().replace("\n", "\n  ")).append('\n');
        text.append("SQL:\n").append(disagreement.sql() == null ? "(none)" : disagreement.sql()).append('\n');
        return text.toString();
    }

    private static void file(StringBuilder text, String name, String content) {
        text.append(name).append('\n').append(RULE).append('\n').append(content);
        if (!content.endsWith("\n")) {
            text.append('\n');
        }
        text.append(RULE).append("\n\n");
    }

    /** A name in the corpus's style: the query kind, its main knobs, the engine. */
    static String folderName(Query query, String engine) {
        List<String> parts = new ArrayList<>(List.of("differential", query.kind()));
        if (query instanceof FunnelQuery funnel) {
            parts.add("entry-" + word(funnel.entry().name()));
            parts.add(word(funnel.profile().name()));
            funnel.modes().stream().map(FunnelMode::name).sorted().map(GoldenCaseText::word).forEach(parts::add);
            parts.add(word(funnel.report().name()));
        } else if (query instanceof SessionsQuery sessions) {
            parts.add(word(sessions.report().name()));
        } else if (query instanceof RetentionQuery retention) {
            parts.add(retention.period() instanceof RetentionPeriod.Calendar calendar
                    ? word(calendar.unit().name()) : "rolling");
            parts.add(word(retention.returnMatch().name()));
            parts.add(word(retention.report().name()));
        } else if (query instanceof ConditionRetentionQuery conditions) {
            parts.add("conditions");
            parts.add(word(conditions.report().name()));
        } else if (query instanceof MetricQuery metric) {
            parts.add(word(metric.unit().name()));
        }
        parts.add(engine);
        return String.join("-", parts);
    }

    private static String word(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
