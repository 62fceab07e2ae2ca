package io.funnelql.lint;

import io.funnelql.dialects.TargetDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The .funnelql-lint file: found upwards, a [lint] section and per-path overrides. */
class LintConfigTest {
    private static final String CONFIG = """
            # the warehouse's lint settings
            [lint]
            dialect = postgres
            tenant_column = account_id
            schema = schema.fql
            exclude_rules = FQL004, FQL010

            [lint:reports/oracle/**]
            dialect = oracle
            rules = FQL001 FQL003 FQL009

            ; dbt's compiled models have no tenant
            [lint:target/compiled/**]
            exclude_rules = FQL003
            """;

    @Test
    void theFileIsFoundFromAFolderUpwardsAndEachPathGetsItsSettings(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve(LintConfig.FILE_NAME), CONFIG);
        Path deep = Files.createDirectories(root.resolve("reports/oracle/finance"));
        LintConfig config = LintConfig.find(deep);
        assertThat(config.file()).contains(root.resolve(LintConfig.FILE_NAME));

        LintConfig.Effective top = config.settingsFor(root.resolve("funnel.sql"));
        assertThat(top.dialect()).contains(TargetDialect.POSTGRES);
        assertThat(top.tenantColumn()).contains("account_id");
        assertThat(top.schema()).contains(root.toAbsolutePath().normalize().resolve("schema.fql"));
        assertThat(top.runs("FQL001")).isTrue();
        assertThat(top.runs("FQL004")).isFalse();

        LintConfig.Effective oracle = config.settingsFor(deep.resolve("q.sql"));
        assertThat(oracle.dialect()).contains(TargetDialect.ORACLE);
        assertThat(oracle.rules()).contains(Set.of("FQL001", "FQL003", "FQL009"));
        assertThat(oracle.runs("FQL009")).isTrue();
        assertThat(oracle.runs("FQL008")).isFalse();

        LintConfig.Effective dbt = config.settingsFor(root.resolve("target/compiled/analytics/models/fct.sql"));
        assertThat(dbt.runs("FQL003")).isFalse();
        assertThat(dbt.runs("FQL004")).isTrue(); // the override replaces exclude_rules
    }

    @Test
    void withoutAFileNothingIsSet(@TempDir Path root) {
        LintConfig.Effective none = LintConfig.find(root).settingsFor(root.resolve("q.sql"));
        assertThat(none.dialect()).isEmpty();
        assertThat(none.tenantColumn()).isEqualTo(Optional.empty());
        assertThat(none.runs("FQL001")).isTrue();
    }

    @Test
    void mistakesSayWhere(@TempDir Path root) throws IOException {
        Path file = root.resolve(LintConfig.FILE_NAME);
        Files.writeString(file, "[lint]\ndialet = oracle\n");
        assertThatThrownBy(() -> LintConfig.read(file)).hasMessageContaining(":2: unknown key 'dialet'");
        Files.writeString(file, "[sqlfluff]\n");
        assertThatThrownBy(() -> LintConfig.read(file)).hasMessageContaining(":1: expected [lint] or [lint:GLOB]");
        Files.writeString(file, "[lint]\ndialect = mysql\n");
        assertThatThrownBy(() -> LintConfig.read(file).settingsFor(root.resolve("q.sql")))
                .hasMessageContaining("dialect expected one of postgres, duckdb, oracle but was 'mysql'");
    }
}
