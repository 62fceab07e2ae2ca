package io.funnelql.dialects;

import io.funnelql.dsl.model.DataType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-database facts beyond rendering: names, column types, DDL forms, notes. */
class TargetCapabilitiesTest {
    @Test
    void unquotedNamesFoldAsEachEngineFoldsThem() {
        assertThat(TargetDialect.POSTGRES.quotedIdentifier("Events", false)).isEqualTo("\"events\"");
        assertThat(TargetDialect.DUCKDB.quotedIdentifier("Events", false)).isEqualTo("\"events\"");
        assertThat(TargetDialect.ORACLE.quotedIdentifier("Events", false)).isEqualTo("\"EVENTS\"");
        assertThat(TargetDialect.H2.quotedIdentifier("Events", true)).isEqualTo("\"Events\"");
        assertThat(TargetDialect.POSTGRES.quotedIdentifier("a\"b", true)).isEqualTo("\"a\"\"b\"");
    }

    @Test
    void columnTypesFollowEachEngine() {
        assertThat(TargetDialect.POSTGRES.columnType(DataType.TIMESTAMP)).isEqualTo("timestamp(6) without time zone");
        assertThat(TargetDialect.DUCKDB.columnType(DataType.TIMESTAMP)).isEqualTo("TIMESTAMP");
        assertThat(TargetDialect.ORACLE.columnType(DataType.BOOLEAN)).isEqualTo("NUMBER(1)");
        assertThat(TargetDialect.H2.columnType(DataType.VARCHAR)).isEqualTo("CHARACTER VARYING");
    }

    @Test
    void materializedViewsTakeEachEnginesForm() {
        MaterializedViews.Names names = new MaterializedViews.Names("\"daily\"", "daily", "\"daily_key\"", "\"cohort\"");
        assertThat(TargetDialect.POSTGRES.materializedView(names, "SELECT 1").create()).containsExactly(
                "CREATE MATERIALIZED VIEW \"daily\" AS\nSELECT 1\nWITH NO DATA",
                "CREATE UNIQUE INDEX \"daily_key\" ON \"daily\" (\"cohort\")");
        assertThat(TargetDialect.POSTGRES.materializedView(names, "SELECT 1").refresh())
                .containsExactly("REFRESH MATERIALIZED VIEW CONCURRENTLY \"daily\"");
        assertThat(TargetDialect.DUCKDB.materializedView(names, "SELECT 1").refresh())
                .containsExactly("CREATE OR REPLACE TABLE \"daily\" AS\nSELECT 1");
        assertThat(TargetDialect.ORACLE.materializedView(
                new MaterializedViews.Names("\"it's\"", "it's", "\"k\"", "\"c\""), "SELECT 1 FROM DUAL").refresh())
                .containsExactly("BEGIN DBMS_MVIEW.REFRESH('\"it''s\"', 'C'); END;");
        assertThat(TargetDialect.H2.materializedView(names, "SELECT 1").refresh())
                .containsExactly("DELETE FROM \"daily\"", "INSERT INTO \"daily\"\nSELECT 1");
    }

    @Test
    void recursionAndTestingNotes() {
        assertThat(TargetDialect.ORACLE.recursiveWith()).isEqualTo("WITH ");
        assertThat(TargetDialect.POSTGRES.recursiveWith()).isEqualTo("WITH RECURSIVE ");
        assertThat(TargetDialect.ORACLE.testedOnNote()).contains("tested on H2's Oracle mode, not on a real Oracle");
        assertThat(TargetDialect.DUCKDB.testedOnNote()).isEmpty();
        assertThat(TargetDialect.DUCKDB.sharesRepeatedScans()).isTrue();
        assertThat(TargetDialect.POSTGRES.sharesRepeatedScans()).isFalse();
    }
}
