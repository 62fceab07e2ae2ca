package io.funnelql.report;

import io.funnelql.cli.FunnelQlCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports of the examples, rendered by a real headless Chromium: each page must lay out into a
 * picture that is not blank, its DOM must hold the chart (bars, heat-map cells), and the browser
 * must log no console message at all (the page's content security policy logs any attempt to
 * load or run anything). Screenshots stay in target/report-artifacts/ for people to look at.
 */
class ReportRenderingInChromiumTest {
    private static final Path ARTIFACTS = Path.of("target", "report-artifacts");
    private static Chromium chromium;

    @BeforeAll
    static void findChromium() throws IOException {
        chromium = Chromium.find();
        Files.createDirectories(ARTIFACTS);
    }

    @Test
    void aFunnelRunOnDuckDbRendersOneBarPerStepAndBreakdownValue() throws IOException {
        String dom = renderedDom("funnel", "checkout.fql", "checkout", "--engine", "duckdb");
        assertThat(count(dom, "<rect class=\"bar\"")).isEqualTo(12);
        assertThat(count(dom, "<div class=\"group\"")).isEqualTo(4);
        assertThat(dom).contains("data-label=\"3. purchase\" data-value=\"7\"", "The SQL that ran on DuckDB");
    }

    @Test
    void aRetentionRunRendersTheCohortTriangle() throws IOException {
        String dom = renderedDom("retention", "checkout.fql", "weekly");
        // 4 weekly cohorts × offsets 1, 2, 4; the sample's last event is on 2024-11-25, so the weeks from
        // 2024-12-02 on are not observed: 2024-10-28 +4 (2024-11-25) is, 2024-11-04 +4 is not
        assertThat(count(dom, "<td class=\"cell\" data-share")).isEqualTo(8);
        assertThat(count(dom, "<td class=\"cell unobserved\"")).isEqualTo(4);
        assertThat(dom).contains("The equivalent SQL for DuckDB");
    }

    @Test
    void sessionRunsRenderHistograms() throws IOException {
        String sessions = renderedDom("sessions", "sessions.fql", "browsing");
        assertThat(count(sessions, "<rect class=\"bar\"")).isEqualTo(18);
        String events = renderedDom("session-events", "sessions.fql", "browsing_events", "--engine", "h2");
        assertThat(count(events, "<rect class=\"bar\"")).isEqualTo(9);
        assertThat(events).contains("The SQL that ran on H2");
    }

    @Test
    void perKeyResultsRenderAsSummaryBarsAndTheirRows() throws IOException {
        String retention = renderedDom("retention-per-key", "retention.fql", "rolling_days");
        assertThat(count(retention, "<rect class=\"bar\"")).isEqualTo(3);
        assertThat(retention).contains("data-label=\"returned_3\"", "<table class=\"result\">", "<th>returned_3</th>");
        String funnel = renderedDom("funnel-per-key", "streaming.fql", "impression_attempts");
        assertThat(funnel).contains("data-label=\"1. impression\" data-value=\"716\"", "data-label=\"2. play\" data-value=\"288\"")
                .doesNotContain("never entered");
    }

    @Test
    void aPathsRunRendersTheSankey() throws IOException {
        String dom = renderedDom("paths", "paths.fql", "after_login", "--engine", "duckdb");
        // 18 transitions over depths 1 to 4; 17 distinct (column, node) boxes, drop-offs included
        assertThat(count(dom, "<path class=\"link\"")).isEqualTo(18);
        assertThat(count(dom, "<rect class=\"node")).isEqualTo(17);
        assertThat(dom).contains("data-node=\"login\" data-keys=\"120\"", "data-node=\"drop-off\"", ">anchor</text>",
                "The SQL that ran on DuckDB");
    }

    @Test
    void theConsoleCheckSeesAPageThatTriesToLoadSomething(@TempDir Path directory) throws IOException {
        // the control for the check above: the same policy, an image to load and a script to run
        Path page = directory.resolve("loads.html");
        Files.writeString(page, "<!DOCTYPE html><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">"
                + "<img src=\"http://127.0.0.1:9/x.png\"><script>document.title = 'ran'</script>");
        Chromium.Run run = chromium.open(page, List.of("--dump-dom"));
        assertThat(consoleMessages(run.stderr())).hasSize(2);
    }

    /** Runs the example with --report, screenshots the page and returns its DOM as Chromium built it. */
    private static String renderedDom(String name, String specification, String query, String... options) throws IOException {
        Path page = ARTIFACTS.resolve(name + ".html");
        Path screenshot = ARTIFACTS.resolve(name + ".png");
        Files.deleteIfExists(screenshot);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> arguments = new ArrayList<>(List.of("run", "../../examples/" + specification, "--query", query,
                "--events", "../../examples/events.csv", "--format", "csv", "--report", page.toString()));
        arguments.addAll(List.of(options));
        int exitCode = FunnelQlCommand.execute(arguments.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        assertThat(exitCode).as(err.toString()).isZero();

        Chromium.Run shot = chromium.open(page, List.of("--screenshot=" + screenshot.toAbsolutePath(), "--window-size=1200,1600"));
        assertThat(shot.exitCode()).as(shot.stderr()).isZero();
        assertThat(consoleMessages(shot.stderr())).as(name).isEmpty();
        assertNotBlank(screenshot);

        Chromium.Run dump = chromium.open(page, List.of("--dump-dom"));
        assertThat(dump.exitCode()).as(dump.stderr()).isZero();
        assertThat(consoleMessages(dump.stderr())).as(name).isEmpty();
        assertThat(dump.stdout()).contains("<h1>", "<section class=\"specification\">", "<section class=\"sql\">", "</footer>");
        return dump.stdout();
    }

    /** A page that failed to lay out is one colour; a report has text, bars and tables in many. */
    private static void assertNotBlank(Path screenshot) throws IOException {
        assertThat(screenshot).exists();
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        int background = image.getRGB(image.getWidth() - 1, image.getHeight() - 1);
        Set<Integer> colours = new HashSet<>();
        long differing = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                colours.add(rgb);
                differing += rgb == background ? 0 : 1;
            }
        }
        assertThat(colours.size()).as(screenshot + ": colours").isGreaterThan(20);
        assertThat(differing).as(screenshot + ": pixels not background").isGreaterThan(image.getWidth() * image.getHeight() / 40);
    }

    private static List<String> consoleMessages(String stderr) {
        return stderr.lines().filter(line -> line.contains(":CONSOLE")).toList();
    }

    private static int count(String text, String literal) {
        Matcher matcher = Pattern.compile(Pattern.quote(literal)).matcher(text);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }
}
