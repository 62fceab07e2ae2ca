package io.funnelql.report;

import io.funnelql.cli.FunnelQlCommand;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/reports.md's {@code console} blocks: the command after {@code $} prints exactly the lines below it. */
class ReportDocumentationTest {
    private static final Pattern CONSOLE = Pattern.compile("```console\\n\\$ \\./funnelql (.*)\\n((?:(?!```).*\\n)*)```");

    @Test
    void everyConsoleBlockPrintsWhatItShows() throws IOException {
        String page = Files.readString(Path.of("../../docs/reports.md"));
        Matcher block = CONSOLE.matcher(page);
        int blocks = 0;
        while (block.find()) {
            blocks++;
            // the docs' paths are from the repository's root; tests run in src/
            String[] arguments = Arrays.stream(block.group(1).split(" +"))
                    .map(argument -> argument.startsWith("examples/") ? "../../" + argument : argument)
                    .toArray(String[]::new);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exitCode = FunnelQlCommand.execute(arguments, new PrintWriter(out), new PrintWriter(err));
            assertThat(exitCode).as(err.toString()).isZero();
            assertThat(out.toString()).as(block.group(1)).isEqualTo(block.group(2));
        }
        assertThat(blocks).isPositive();
    }
}
