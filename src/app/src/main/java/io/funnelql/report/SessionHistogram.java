package io.funnelql.report;

import io.funnelql.result.ResultTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions as histograms. {@code report sessions}: session length and events per session.
 * {@code report events} (a row an event): events per session, counting rows per key and session
 * number, the key being the columns before the event time.
 */
final class SessionHistogram {
    private SessionHistogram() {}

    /** A histogram bucket: values from {@code low} (inclusive) up to {@code high} (exclusive). */
    private record Bucket(String label, double low, double high) {}

    private static final List<Bucket> LENGTHS = List.of(
            new Bucket("under 1 s", 0, 1), new Bucket("under 1 min", 1, 60), new Bucket("1–5 min", 60, 300),
            new Bucket("5–15 min", 300, 900), new Bucket("15–30 min", 900, 1800), new Bucket("30–60 min", 1800, 3600),
            new Bucket("1–2 h", 3600, 7200), new Bucket("2–6 h", 7200, 21600), new Bucket("6 h and more", 21600, Double.MAX_VALUE));
    private static final List<Bucket> EVENT_COUNTS = List.of(
            new Bucket("1 event", 1, 2), new Bucket("2", 2, 3), new Bucket("3", 3, 4), new Bucket("4", 4, 5),
            new Bucket("5", 5, 6), new Bucket("6–10", 6, 11), new Bucket("11–20", 11, 21), new Bucket("21–50", 21, 51),
            new Bucket("more than 50", 51, Double.MAX_VALUE));

    static Optional<String> sessions(ResultTable result) {
        Optional<int[]> found = ResultColumns.find(result, "duration_seconds", "event_count");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<Double> lengths = new ArrayList<>();
        List<Double> eventCounts = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            lengths.add(ResultColumns.number(row.get(found.get()[0])));
            eventCounts.add(ResultColumns.number(row.get(found.get()[1])));
        }
        return Optional.of("<section class=\"chart sessions\">\n<h2>Sessions</h2>\n<p class=\"note\">" + lengths.size()
                + " sessions.</p>\n<h3>Session length</h3>\n" + histogram("session length", LENGTHS, lengths)
                + "<h3>Events per session</h3>\n" + histogram("events per session", EVENT_COUNTS, eventCounts) + "</section>\n");
    }

    static Optional<String> events(ResultTable result, String timeColumn) {
        int session = result.columns().indexOf("session_number");
        int time = result.columns().indexOf(timeColumn);
        if (session < 0 || time < 0) {
            return Optional.empty();
        }
        Map<List<Object>, Integer> perSession = new LinkedHashMap<>();
        for (List<Object> row : result.rows()) {
            List<Object> key = new ArrayList<>(row.subList(0, time));
            key.add(row.get(session));
            perSession.merge(key, 1, Integer::sum);
        }
        List<Double> eventCounts = perSession.values().stream().map(Integer::doubleValue).toList();
        return Optional.of("<section class=\"chart sessions\">\n<h2>Sessions</h2>\n<p class=\"note\">" + result.rows().size()
                + " events in " + perSession.size() + " sessions.</p>\n<h3>Events per session</h3>\n"
                + histogram("events per session", EVENT_COUNTS, eventCounts) + "</section>\n");
    }

    private static String histogram(String description, List<Bucket> buckets, List<Double> values) {
        List<HorizontalBars.Bar> bars = new ArrayList<>();
        for (Bucket bucket : buckets) {
            long count = values.stream().filter(value -> value >= bucket.low() && value < bucket.high()).count();
            String share = values.isEmpty() ? "" : String.format(Locale.ROOT, "  ·  %.1f %%", 100.0 * count / values.size());
            bars.add(new HorizontalBars.Bar(bucket.label(), count, count + share));
        }
        return HorizontalBars.svg(description, bars);
    }
}
