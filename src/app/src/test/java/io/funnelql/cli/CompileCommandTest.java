package io.funnelql.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** compile, explain and verify as a user types them. */
class CompileCommandTest {
    @Test
    void compilePrintsAHeaderNamingTheBindPlaceholders() {
        CommandLineRun run = CommandLineRun.of("compile", "../../examples/checkout.fql", "--query", "checkout", "--dialect", "postgres");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("-- FunnelQL: funnel checkout for PostgreSQL\n-- bind 1: :period_start (timestamp)\nWITH \"checkout_events\" AS (")
                .contains("WHERE \"occurred_at\" IS NOT NULL").contains(">= ?").endsWith(";\n");
    }

    @Test
    void paramInlinesAnEscapedLiteralAndLeavesNoPlaceholder() {
        CommandLineRun run = CommandLineRun.of("compile", "../../examples/checkout.fql", "--query", "checkout", "--dialect", "oracle",
                "--param", "period_start=2024-11-01 00:00:00");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("-- FunnelQL: funnel checkout for Oracle (tested on H2's Oracle mode, not on a real Oracle)\nWITH ")
                .contains(">= TIMESTAMP '2024-11-01 00:00:00.000'").doesNotContain("?").doesNotContain("-- bind");
    }

    @Test
    void aMaterializedViewIsCreatedEmptyIndexedFilledAndRefreshedConcurrentlyOnPostgres() {
        CommandLineRun run = CommandLineRun.of("compile", "../../examples/sessions.fql", "--query", "browsing",
                "--dialect", "postgres", "--as", "materialized-view");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("-- FunnelQL: sessions browsing for PostgreSQL\nCREATE MATERIALIZED VIEW \"browsing\" AS\nWITH ")
                .contains("\nWITH NO DATA;\nCREATE UNIQUE INDEX \"browsing_key\" ON \"browsing\" (")
                .endsWith("\n-- Fill it once:\nREFRESH MATERIALIZED VIEW \"browsing\";\n"
                        + "-- Refresh it (e.g. every hour):\n-- REFRESH MATERIALIZED VIEW CONCURRENTLY \"browsing\";\n")
                .doesNotContain("?");
        CommandLineRun duckdb = CommandLineRun.of("compile", "../../examples/sessions.fql", "--query", "browsing",
                "--dialect", "duckdb", "--as", "materialized-view");
        assertThat(duckdb.out()).contains("CREATE TABLE \"browsing\" AS\n")
                .contains("-- Refresh it (e.g. every hour):\n-- CREATE OR REPLACE TABLE \"browsing\" AS\n-- WITH ");
        CommandLineRun incremental = CommandLineRun.of("compile", "../../examples/sessions.fql", "--query", "browsing",
                "--dialect", "duckdb", "--as", "incremental");
        assertThat(incremental.exitCode()).as(incremental.err()).isZero();
        assertThat(incremental.out())
                .startsWith("-- FunnelQL: sessions browsing for DuckDB, maintained incrementally in table \"browsing\"\n"
                        + "-- Events may arrive up to 3 hour(s) late.\n-- Run once:\n")
                .contains("\nCREATE TABLE \"browsing\" (\"account_id\" VARCHAR, \"user_id\" VARCHAR, \"session_number\" BIGINT, ")
                .contains("\n-- bind 1: :batch_start (timestamp)\n-- bind 2: :batch_end (timestamp)\n")
                .contains("\nDELETE FROM \"browsing\" WHERE EXISTS (SELECT 1 FROM \"browsing_dirty_keys\" ");
        CommandLineRun perEvent = CommandLineRun.of("compile", "../../examples/sessions.fql", "--query", "browsing_events",
                "--dialect", "postgres", "--as", "incremental");
        assertThat(perEvent.exitCode()).isEqualTo(2); // the spec asks for what the compiler refuses: invalid input
        assertThat(perEvent.err()).contains("--as incremental maintains one row per session; sessions browsing_events reports "
                + "events: write `report sessions`");
        CommandLineRun funnel = CommandLineRun.of("compile", "../../examples/checkout.fql", "--query", "checkout",
                "--dialect", "postgres", "--as", "incremental");
        assertThat(funnel.exitCode()).isEqualTo(2);
        assertThat(funnel.err()).contains("funnel checkout is not a sessions query");
    }

    @Test
    void aViewTakesParameterDefaultsAndIsNamedAfterTheQuery() {
        CommandLineRun run = CommandLineRun.of("compile", "../../examples/checkout.fql", "--query", "checkout", "--dialect", "h2", "--as", "view");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("CREATE VIEW \"CHECKOUT\" AS\nWITH ").doesNotContain("?");
    }

    /** The compiler refuses nothing today; its last refusal (docs/dialects.md) now compiles to candidate chains. */
    @Test
    void strictOnceWithTiesAllowedCompilesToCandidateChains() {
        CommandLineRun run = CommandLineRun.of("compile", "../../golden/cases/strict-once-clickhouse-latest/spec.fql", "--dialect", "duckdb");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"f_candidates_3\" AS MATERIALIZED (").contains("\"f_reported_chains\"");
    }

    @Test
    void explainShowsEveryStageTheProofAndTheSql() {
        CommandLineRun run = CommandLineRun.of("explain", "../../examples/streaming.fql", "--query", "impression_attempts", "--dialect", "duckdb");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Query impression_attempts (funnel) for DuckDB\nStrategy: per-attempt chain, because entry every: "
                        + "one attempt per entry event, each step a join of the attempt to its key's rows\n\n"
                        + "Plan: 4 stages, then the output\n1. impression_attempts_events:")
                .contains("unique on (key_account_id, key_user_id, key_title_id, event_order): ROW_NUMBER()")
                .contains("Fan-out proof: 1 join, none can multiply rows\n  safe: impression_attempts_step_2_play: LEFT JOIN")
                .contains("because grouped straight back to one row per impression_attempts_entries row")
                .contains("\nSQL\n-- FunnelQL: funnel impression_attempts for DuckDB\nWITH ");
    }

    @Test
    void explainNamesTheAggregateChainAndProvesEachJoinAgainstAStepsOneRowPerKey() {
        CommandLineRun run = CommandLineRun.of("explain", "../../golden/cases/aggregate-chain-ties-forbidden-exclusion/spec.fql", "--dialect", "duckdb");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\nStrategy: aggregate chain, because entry first")
                .contains("(ties forbidden: times alone decide, no event order)")
                .doesNotContain("ROW_NUMBER").contains("none can multiply rows");
    }

    @Test
    void verifyPrintsAnAgreementTableAndExitsZeroWhenAllAgree() {
        CommandLineRun run = CommandLineRun.of("verify", "../../examples/streaming.fql", "--events", "../../examples/events.csv",
                "--engines", "duckdb,oracle", "--query", "impression_attempts");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("impression_attempts  DuckDB").contains("H2 in Oracle mode (not a real Oracle)")
                .doesNotContain("DIFFERS").endsWith("\nall engines agree with the reference\n");
    }

    @Test
    void explainShowsAWalksAnchorAndRecursiveStep() {
        CommandLineRun run = CommandLineRun.of("explain", "../../golden/cases/allow-reentry-duckdb-behavioral/spec.fql",
                "--dialect", "postgres");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("f_attempt_scan: each attempt's scan").contains("   anchor:\n")
                .contains("   recursive step (UNION ALL, repeated until it adds no rows):\n")
                .contains("unique on (key_user_id, attempt_entry_order, row_number)")
                .contains("safe: f_attempt_scan (recursive step): INNER JOIN of f_attempt_scan and f_step_rows")
                .contains("Fan-out proof: ").contains("none can multiply rows")
                .contains("\nSQL\n-- FunnelQL: funnel f for PostgreSQL\nWITH RECURSIVE ");
    }

    @Test
    void verifyAgreesOnStrictOnceCandidateChains() {
        CommandLineRun run = CommandLineRun.of("verify", "../../golden/cases/strict-once-clickhouse-latest/spec.fql", "--events",
                "../../golden/cases/strict-once-clickhouse-latest/events.csv", "--engines", "duckdb,postgres");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).doesNotContain("NOT COMPILED").endsWith("\nall engines agree with the reference\n");
    }

    /**
     * Oracle stores '' as NULL: verify compares its rows with the reference over the table it holds
     * (docs/dialects.md). u1's '' platform is NULL there, so its b converts on Oracle and not elsewhere.
     */
    @Test
    void verifyComparesOracleWithTheTableItHoldsWhenTheEventsHoldEmptyText(@TempDir Path folder) throws Exception {
        Path spec = folder.resolve("spec.fql");
        Files.writeString(spec, "source events from table events (key user_id, time occurred_at, columns (event_name varchar,"
                + " platform varchar));\nfunnel f from events within 1 hour from first step\n"
                + "  steps (a: event_name = 'a' and platform <> '', b: event_name = 'b' and platform is null)\n"
                + "  report per key;\n");
        Path events = folder.resolve("events.csv");
        Files.writeString(events, "user_id,occurred_at,event_name,platform\nu1,2024-01-01 10:00:00,a,ios\n"
                + "u1,2024-01-01 10:01:00,b,\"\"\nu2,2024-01-01 10:00:00,a,\"\"\nu3,2024-01-01 10:00:00,a,web\n"
                + "u3,2024-01-01 10:01:00,b,\n");
        CommandLineRun run = CommandLineRun.of("verify", spec.toString(), "--events", events.toString(),
                "--engines", "duckdb,oracle-h2");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("H2 in Oracle mode (not a real Oracle)").doesNotContain("DIFFERS")
                .endsWith("\nall engines agree with the reference\n");
    }
}
