package io.funnelql.bench;

import io.funnelql.engine.Engine;
import io.funnelql.engine.Engines;
import io.funnelql.engine.QueryTimeoutException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A query past its budget is cancelled on the engine itself, quickly, and the engine stays usable. */
class BenchTimeoutTest {
    private static final Duration BUDGET = Duration.ofMillis(500);

    @Test
    void duckDbStopsAnEndlessJoin() {
        try (Engine duckdb = Engines.open("duckdb")) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> duckdb.query(
                    "SELECT COUNT(*) AS n FROM range(1000000000) a, range(1000000000) b WHERE a.range + b.range < 0",
                    List.of(), BUDGET))
                    .isInstanceOf(QueryTimeoutException.class)
                    .hasMessageContaining("cancelled after 500 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            // The connection answers at once: the cancelled query no longer occupies it.
            assertThat(duckdb.query("SELECT 42 AS answer", List.of(), BUDGET).rows()).containsExactly(List.of(42L));
        }
    }

    @Test
    void postgresStopsAnEndlessJoinOnTheServer() {
        try (Engine postgres = Engines.open("postgres")) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> postgres.query(
                    "SELECT COUNT(*) AS n FROM generate_series(1, 100000) a, generate_series(1, 100000) b"
                            + " WHERE a + b < 0 AND 'bench-timeout-probe' <> ''",
                    List.of(), BUDGET))
                    .isInstanceOf(QueryTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            // The server runs nothing of it any more (the probe text finds the query in any backend).
            assertThat(postgres.query("SELECT COUNT(*) AS running FROM pg_stat_activity WHERE state = 'active'"
                    + " AND query LIKE '%bench-timeout-probe%' AND pid <> pg_backend_pid()").rows())
                    .containsExactly(List.of(0L));
        }
    }
}
