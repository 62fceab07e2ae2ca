package io.funnelql.report;

import io.funnelql.dsl.model.Name;
import io.funnelql.events.Values;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * A run as one self-contained HTML page: inline CSS and SVG, no script, and a content security
 * policy that forbids loading anything, so the page works offline and cannot call out. Every piece
 * of text on it goes through {@link Html#escape}.
 */
public final class HtmlReport {
    private static final DateTimeFormatter RAN_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final String STYLE = style();

    private HtmlReport() {}

    public static String render(ReportRun run) {
        String name = run.query().kind() + " " + run.query().name().display();
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape("FunnelQL report: " + name)).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>").append(Html.escape(name)).append(" <span class=\"form\">")
                .append(Html.escape(ReportCharts.reportForm(run.query()))).append("</span></h1>\n");
        page.append(facts(run));
        ReportCharts.chart(run).ifPresent(page::append);
        page.append("<section class=\"table\">\n<h2>Result</h2>\n").append(ResultTableHtml.render(run.result())).append("</section>\n");
        page.append("<section class=\"specification\">\n<h2>Specification</h2>\n<p class=\"note\">")
                .append(Html.escape(run.specificationFile().toString())).append("</p>\n<pre>")
                .append(Html.escape(run.specificationText())).append("</pre>\n</section>\n");
        page.append("<section class=\"sql\">\n<h2>SQL</h2>\n<p class=\"note\">").append(Html.escape(run.sql().heading()))
                .append("</p>\n<pre>").append(Html.escape(run.sql().text())).append("</pre>\n</section>\n");
        page.append("<footer>Made by FunnelQL. This page is self-contained: no scripts, nothing loaded from the network.</footer>\n");
        return page.append("</main>\n</body>\n</html>\n").toString();
    }

    private static String facts(ReportRun run) {
        StringBuilder out = new StringBuilder("<dl class=\"facts\">\n");
        fact(out, "engine", run.engineLabel());
        fact(out, "events", run.eventsFile() + " (" + run.eventCount() + (run.eventCount() == 1 ? " row)" : " rows)"));
        run.lastEventTime().ifPresent(last -> fact(out, "last event", Values.format(last)));
        for (Map.Entry<Name, Object> parameter : run.parameters().entrySet()) {
            fact(out, ":" + parameter.getKey().display(), parameter.getValue() == null ? "NULL" : Values.format(parameter.getValue()));
        }
        fact(out, "result", run.result().rows().size() + (run.result().rows().size() == 1 ? " row" : " rows"));
        fact(out, "ran at", RAN_AT.format(run.ranAt()));
        return out.append("</dl>\n").toString();
    }

    private static void fact(StringBuilder out, String term, String description) {
        out.append("<dt>").append(Html.escape(term)).append("</dt><dd>").append(Html.escape(description)).append("</dd>\n");
    }

    /** The style sheet lives in a resource file so it reads (and diffs) as CSS. */
    private static String style() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
