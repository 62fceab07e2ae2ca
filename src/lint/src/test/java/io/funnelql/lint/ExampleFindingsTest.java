package io.funnelql.lint;

import io.funnelql.dialects.TargetDialect;
import io.funnelql.lint.parse.SqlFile;
import io.funnelql.lint.report.LintReport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written queries of examples/lint/ and the findings each must produce, pinned. */
class ExampleFindingsTest {
    private static final Path EXAMPLES = Path.of("../../examples/lint");

    private static List<String> findings(String file) throws IOException {
        return findings(file, Optional.empty());
    }

    private static List<String> findings(String file, Optional<String> tenantColumn) throws IOException {
        Path path = EXAMPLES.resolve(file);
        LintReport report = new Linter(new LintSettings(TargetDialect.POSTGRES, List.of(), tenantColumn))
                .lint(List.of(SqlFile.of(file, Files.readString(path))));
        return LintFixture.located(report);
    }

    @Test
    void theFanOutFunnelIsMultipliedAtBothJoins() throws IOException {
        assertThat(findings("impression_funnel_fanout.sql"))
                .containsExactly("FQL001@9:6", "FQL001@12:6");
    }

    @Test
    void itsCorrectedTwinIsClean() throws IOException {
        // Inside the CTEs the joins multiply rows, but MIN is immune and GROUP BY reduces them again.
        assertThat(findings("impression_funnel_fixed.sql")).isEmpty();
    }

    @Test
    void theWeeklyRetentionViewLacksTheAccountGuard() throws IOException {
        // Without the guard the cohort is not unique on user_id alone either, so COUNT(*) is multiplied.
        assertThat(findings("weekly_retention_no_guard.sql", Optional.of("account_id")))
                .containsExactly("FQL001@19:6", "FQL003@19:6");
        assertThat(findings("weekly_retention_no_guard.sql")).containsExactly("FQL001@19:6");
    }

    @Test
    void theSelfJoinChainHidesItsFanOutBehindCountDistinct() throws IOException {
        assertThat(findings("three_step_chain_distinct.sql"))
                .containsExactly("FQL002@3:8", "FQL005@10:6", "FQL005@14:6");
    }

    @Test
    void theSessionizationNumbersTiesNondeterministically() throws IOException {
        assertThat(findings("sessionization_row_number.sql")).containsExactly("FQL008@5:63", "FQL008@6:59");
    }

    @Test
    void theRetentionPivotJoinsTheEventsOncePerWeek() throws IOException {
        // The cohort is unique per user, so only the second and third joins multiply rows (FQL002).
        assertThat(findings("weekly_retention_pivot.sql"))
                .containsExactly("FQL002@11:8", "FQL010@17:6", "FQL007@18:6", "FQL007@21:6", "FQL007@24:6");
    }

    @Test
    void theCheckoutFunnelChainsItsWindows() throws IOException {
        assertThat(findings("checkout_chained_windows.sql")).containsExactly("FQL004@17:8");
    }

    @Test
    void theTimeToPurchaseBucketsShareTheirEnds() throws IOException {
        assertThat(findings("time_to_purchase_buckets.sql")).containsExactly("FQL006@18:31", "FQL006@19:31");
    }
}
