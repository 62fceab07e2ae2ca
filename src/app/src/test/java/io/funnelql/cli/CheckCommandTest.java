package io.funnelql.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CheckCommandTest {
    @Test
    void acceptsTheExamplesWithOneSummaryLineEach() {
        CommandLineRun run = CommandLineRun.of("check", "../../examples/checkout.fql", "../../examples/streaming.fql");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out().lines()).containsExactly(
                "../../examples/checkout.fql: ok, 1 source, 1 parameter, 3 queries "
                        + "(funnel checkout, sessions visits, retention weekly)",
                "../../examples/streaming.fql: ok, 1 source, 0 parameters, 2 queries "
                        + "(funnel impression_to_play, funnel impression_attempts)");
    }

    @Test
    void rejectsABrokenSpecWithFileLineColumnAndCaret(@TempDir Path directory) throws IOException {
        Path broken = directory.resolve("broken.fql");
        Files.writeString(broken, """
                source events from table app.events (key user_id, time occurred_at, columns (event_name varchar));
                funnel f from evnts within 1 hour from first step steps (a: event_name = 'x');
                funnel g from events within 1 hour from first step steps (a: event_nme = 'x');
                """);
        CommandLineRun run = CommandLineRun.of("check", broken.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(broken + ":2:15: error: unknown source evnts; did you mean 'events'?\n"
                + "    funnel f from evnts within 1 hour from first step steps (a: event_name = 'x');\n"
                + "                  ^\n"
                + broken + ":3:62: error: unknown column event_nme in source events; did you mean 'event_name'?\n"
                + "    funnel g from events within 1 hour from first step steps (a: event_nme = 'x');\n"
                + "                                                                 ^\n"
                + broken + ": 2 errors\n");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void checksEveryFileEvenAfterAFailure(@TempDir Path directory) throws IOException {
        Path broken = directory.resolve("broken.fql");
        Files.writeString(broken, "param p;\n");
        CommandLineRun run = CommandLineRun.of("check", broken.toString(), "../../examples/retention.fql");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith(broken + ":1:8: error: mismatched input ';'. Expecting: 'bigint'");
        assertThat(run.out()).startsWith("../../examples/retention.fql: ok");
    }

    @Test
    void aMissingFileIsInvalidInput() {
        CommandLineRun run = CommandLineRun.of("check", "no/such/file.fql");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("funnelql: no/such/file.fql: no such file\n");
    }
}
