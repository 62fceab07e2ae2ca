package io.funnelql.report;

import io.funnelql.result.ResultTable;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.funnelql.result.ResultTable.row;
import static org.assertj.core.api.Assertions.assertThat;

class ReportPageTest {
    private static final String SOURCE = """
            source events from table events (key user_id, time occurred_at,
              columns (event_name varchar, platform varchar, duration double));
            """;
    private static final String FUNNEL = SOURCE + """
            funnel f from events within 1 hour from first step
              steps (view: event_name = 'page_view', cart: event_name = 'add_to_cart')
              breakdown by platform attributed to first step
              report steps;
            funnel t from events within 1 hour from first step
              steps (view: event_name = 'page_view', cart: event_name = 'add_to_cart')
              report time to convert;
            """;
    private static final String RETENTION = SOURCE + """
            retention weekly from events cohort first event_name = 'signup' return event_name = 'login'
              period week offsets 1, 2 report cohorts;
            """;
    private static final String SESSIONS = SOURCE + """
            sessions s from events gap 30 minutes report sessions;
            sessions e from events gap 30 minutes report events;
            """;

    private static final String PATHS = SOURCE + """
            paths before_buy from events end at event_name = 'buy' node event_name depth 2;
            """;

    private static int count(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }

    @Test
    void aFunnelGetsOneBarGroupPerBreakdownValueWithConversions() {
        ResultTable result = new ResultTable(List.of("platform", "step", "name", "count", "conversion_from_previous", "conversion_from_first"),
                List.of(row(null, 1L, "view", 4L, null, null), row(null, 2L, "cart", 1L, 25.0, 25.0),
                        row("ios", 1L, "view", 10L, null, null), row("ios", 2L, "cart", 5L, 50.0, 50.0)));
        String page = ReportPages.page(FUNNEL, "f", result, Optional.empty());
        assertThat(count(page, "<rect class=\"bar\"")).isEqualTo(4);
        assertThat(page).contains("<h3>platform is NULL (not attributed)</h3>", "<h3>platform = ios</h3>")
                .contains("data-label=\"2. cart\" data-value=\"5\"", "5  ·  50.0 % of previous  ·  50.0 % of first")
                .contains("<td class=\"null\">NULL</td>");
        // bars scale within their group: each group's first step fills the bar area
        assertThat(count(page, "class=\"bar\" x=\"200\" y=\"\\d+\" width=\"440\"")).isEqualTo(2);
    }

    @Test
    void pathsGetASankeyWithTheAnchorLastBeforeIt() {
        ResultTable result = new ResultTable(List.of("depth", "from_node", "to_node", "keys", "percentage"),
                List.of(row(1L, null, "buy", 1L, 25.0), row(1L, "a", "buy", 3L, 75.0), row(2L, "<b>", "a", 2L, 100.0)));
        String page = ReportPages.page(PATHS, "before_buy", result, Optional.empty());
        // boxes: '<b>' two steps before, 'a' and a path start one step before, 'buy' the anchor
        assertThat(count(page, "<rect class=\"node")).isEqualTo(4);
        assertThat(count(page, "<path class=\"link\"")).isEqualTo(3);
        assertThat(page).contains("data-node=\"path start\" data-keys=\"1\"", "data-node=\"buy\" data-keys=\"4\"",
                        "data-node=\"a\" data-keys=\"3\"", "data-node=\"&lt;b&gt;\" data-keys=\"2\"", ">anchor</text>", ">-2</text>")
                .contains("a → buy: 3 keys (75.0 % of the depth&#39;s keys)")
                .doesNotContain("<b>");
        // the anchor's column is the last: x = 10 + 2 columns of 190
        assertThat(page).containsPattern("data-node=\"buy\" data-keys=\"4\" x=\"390\"");
    }

    @Test
    void thePageLoadsNothingAndRunsNoScript() {
        ResultTable result = new ResultTable(List.of("count", "average_seconds"), List.<List<Object>>of(row(2L, 1200.0)));
        String page = ReportPages.page(FUNNEL, "t", result, Optional.empty());
        assertThat(page).contains("content=\"default-src 'none'; style-src 'unsafe-inline'\"")
                .doesNotContain("<script", "src=", "href=", "@import", "url(");
    }

    @Test
    void hostileSpecificationTextValuesAndColumnNamesAreEscaped() {
        String specification = FUNNEL + "-- </pre></style></script><img src=x onerror=alert(1)> & \"quotes\" 'single' 大小\n";
        ResultTable result = new ResultTable(List.of("<b>column</b>", "step", "name", "count", "conversion_from_previous", "conversion_from_first"),
                List.of(row("<script>alert('x')</script>", 1L, "\"><img onerror=alert(2)>", 1L, null, null)));
        String page = ReportPages.page(specification, "f", result, Optional.empty());
        assertThat(page).doesNotContain("<img", "<script", "<b>column")
                .contains("&lt;/pre&gt;&lt;/style&gt;&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot; &#39;single&#39; 大小")
                .contains("&lt;b&gt;column&lt;/b&gt; = &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(count(page, "</pre>")).isEqualTo(2);
    }

    @Test
    void retentionIsAHeatMapWhoseUnobservedCellsAreBlank() {
        ResultTable result = new ResultTable(List.of("cohort", "offset", "cohort_size", "returned", "percentage"),
                List.of(row(LocalDate.of(2024, 11, 4), 1L, 4L, 3L, 75.0), row(LocalDate.of(2024, 11, 4), 2L, 4L, 0L, 0.0),
                        row(LocalDate.of(2024, 11, 11), 1L, 2L, 0L, 0.0), row(LocalDate.of(2024, 11, 11), 2L, 2L, 0L, 0.0)));
        // the last event is on Tuesday of the week 2024-11-18: offsets reaching 2024-11-25 are not observed
        String page = ReportPages.page(RETENTION, "weekly", result, Optional.of(LocalDateTime.of(2024, 11, 19, 12, 0)));
        assertThat(count(page, "<td class=\"cell\" data-share")).isEqualTo(3);
        assertThat(count(page, "<td class=\"cell unobserved\"")).isEqualTo(1);
        assertThat(page).contains("data-share=\"0.7500\"", "75.0 %<small>3 / 4</small>");
        String unknownEnd = ReportPages.page(RETENTION, "weekly", result, Optional.empty());
        assertThat(count(unknownEnd, "<td class=\"cell\" data-share")).isEqualTo(4);
    }

    @Test
    void sessionsGetLengthAndEventCountHistograms() {
        ResultTable sessions = new ResultTable(List.of("user_id", "session_number", "duration_seconds", "event_count"),
                List.of(row("u1", 1L, 0.0, 1L), row("u1", 2L, 600.0, 4L), row("u2", 1L, 7300.0, 60L)));
        String page = ReportPages.page(SESSIONS, "s", sessions, Optional.empty());
        assertThat(page).contains("data-label=\"under 1 s\" data-value=\"1\"", "data-label=\"5–15 min\" data-value=\"1\"",
                "data-label=\"2–6 h\" data-value=\"1\"", "data-label=\"more than 50\" data-value=\"1\"", "data-label=\"4\" data-value=\"1\"");
        ResultTable events = new ResultTable(List.of("user_id", "occurred_at", "event_name", "session_number"),
                List.of(row("u1", LocalDateTime.of(2024, 1, 1, 10, 0), "a", 1L), row("u1", LocalDateTime.of(2024, 1, 1, 10, 5), "b", 1L),
                        row("u1", LocalDateTime.of(2024, 1, 1, 12, 0), "c", 2L), row("u2", LocalDateTime.of(2024, 1, 1, 12, 0), "c", 1L)));
        String eventsPage = ReportPages.page(SESSIONS, "e", events, Optional.empty());
        assertThat(eventsPage).contains("4 events in 3 sessions", "data-label=\"1 event\" data-value=\"2\"", "data-label=\"2\" data-value=\"1\"");
    }

    @Test
    void perKeyFunnelsCountKeysByFurthestStepAndPerKeyRetentionCountsTrueColumns() {
        String funnel = SOURCE + """
                funnel k from events within 1 hour from first step
                  steps (view: event_name = 'page_view', cart: event_name = 'add_to_cart')
                  report per key;
                retention c from events conditions (signed: event_name = 'signup', bought: event_name = 'purchase')
                  report per key;
                """;
        ResultTable perKey = new ResultTable(List.of("user_id", "furthest_step", "furthest_step_name"),
                List.of(row("u1", 0L, null), row("u2", 2L, "cart"), row("u3", 2L, "cart"), row("u4", 1L, "view")));
        assertThat(ReportPages.page(funnel, "k", perKey, Optional.empty())).contains(
                "data-label=\"0. never entered\" data-value=\"1\"", "data-label=\"1. view\" data-value=\"1\"",
                "data-label=\"2. cart\" data-value=\"2\"", "2  ·  50.0 %");
        ResultTable conditions = new ResultTable(List.of("user_id", "signed", "bought"),
                List.of(row("u1", true, false), row("u2", true, true), row("u3", false, null)));
        String page = ReportPages.page(funnel, "c", conditions, Optional.empty());
        assertThat(page).contains("data-label=\"signed\" data-value=\"2\"", "data-label=\"bought\" data-value=\"1\"");
        assertThat(count(page, "<rect class=\"bar\"")).isEqualTo(2);
    }

    @Test
    void aNextNodeReportCountsKeysPerNodeMostFrequentFirst() {
        String sequence = SOURCE + """
                sequence n from events conditions (cart: event_name = 'add_to_cart') report next node event_name from first_match;
                """;
        ResultTable nodes = new ResultTable(List.of("user_id", "next_node"),
                List.of(row("u1", "purchase"), row("u2", "page_view"), row("u3", "purchase"), row("u4", null)));
        String page = ReportPages.page(sequence, "n", nodes, Optional.empty());
        assertThat(page).contains("What came next", "data-label=\"purchase\" data-value=\"2\"",
                "data-label=\"page_view\" data-value=\"1\"", "data-label=\"(none)\" data-value=\"1\"", "2  ·  50.0 %");
        assertThat(page.indexOf("data-label=\"purchase\"")).isLessThan(page.indexOf("data-label=\"(none)\""));
        assertThat(count(page, "<rect class=\"bar\"")).isEqualTo(3);
    }

    @Test
    void anyOtherResultIsATableOnlyCutAfterFiveHundredRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (long i = 0; i < 600; i++) {
            rows.add(row(i, i * 1.5));
        }
        String page = ReportPages.page(FUNNEL, "t", new ResultTable(List.of("count", "average_seconds"), rows), Optional.empty());
        assertThat(page).doesNotContain("<svg", "class=\"heatmap\"").contains("The first 500 of 600 rows");
        assertThat(count(page, "<td class=\"number\">")).isEqualTo(1000);
    }
}
