package io.funnelql.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/inputs.md's {@code console} blocks: the command after {@code $} prints exactly the lines below it. */
class InputsDocumentationTest {
    private static final Pattern CONSOLE = Pattern.compile("```console\\n\\$ \\./funnelql (.*)\\n((?:(?!```).*\\n)*)```");

    @Test
    void everyConsoleBlockPrintsWhatItShows() throws IOException {
        Matcher block = CONSOLE.matcher(Files.readString(Path.of("../../docs/inputs.md")));
        int blocks = 0;
        while (block.find()) {
            blocks++;
            // the docs' paths are from the repository's root; tests run in src/app
            String[] arguments = Arrays.stream(block.group(1).split(" +"))
                    .map(argument -> argument.startsWith("examples/") ? "../../" + argument : argument)
                    .toArray(String[]::new);
            CommandLineRun run = CommandLineRun.of(arguments);
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).as(block.group(1)).isEqualTo(block.group(2));
        }
        assertThat(blocks).isEqualTo(2);
    }
}
