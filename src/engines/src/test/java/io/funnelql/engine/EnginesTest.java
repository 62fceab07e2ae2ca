package io.funnelql.engine;

import io.funnelql.dialects.TargetDialect;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnginesTest {
    @Test
    void sparkWithoutItsModuleNamesTheModule() {
        assertThatThrownBy(() -> Engines.open("spark"))
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith("spark: the engine's module funnelql-spark (src/spark) is not on the class path");
    }

    @Test
    void anUnknownNameListsTheValidOnes() {
        assertThatThrownBy(() -> Engines.open("oracle"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown engine 'oracle'; valid engines: h2, oracle-h2, duckdb, postgres, spark");
    }

    @Test
    void oracleIsOnlyH2InOracleMode() {
        try (Engine engine = Engines.open("oracle-h2")) {
            assertThat(engine.name()).isEqualTo("oracle-h2");
            assertThat(engine.dialect()).isEqualTo(TargetDialect.ORACLE);
            assertThat(engine.label()).isEqualTo("H2 in Oracle mode (not a real Oracle)");
        }
    }

    @Test
    void namesDialectsAndLabels() {
        try (Engine h2 = Engines.open("h2"); Engine duckdb = Engines.open("duckdb")) {
            assertThat(h2.dialect()).isEqualTo(TargetDialect.H2);
            assertThat(h2.label()).startsWith("H2 2.");
            assertThat(duckdb.dialect()).isEqualTo(TargetDialect.DUCKDB);
            assertThat(duckdb.label()).startsWith("DuckDB ");
        }
    }

    @Test
    void sessionsRunInUtc() {
        try (Engine duckdb = Engines.open("duckdb"); Engine postgres = Engines.open("postgres")) {
            assertThat(duckdb.query("SELECT current_setting('TimeZone') AS \"tz\"").rows()).containsExactly(List.of("UTC"));
            assertThat(postgres.query("SELECT current_setting('TimeZone') AS \"tz\"").rows()).containsExactly(List.of("UTC"));
            assertThat(postgres.dialect()).isEqualTo(TargetDialect.POSTGRES);
            assertThat(postgres.label()).startsWith("PostgreSQL ");
        }
    }
}
