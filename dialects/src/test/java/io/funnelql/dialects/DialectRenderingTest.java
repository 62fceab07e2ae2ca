package io.funnelql.dialects;

import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.junit.jupiter.api.Test;

import static io.funnelql.dialects.DialectFixture.plan;

/** How each target spells what the compiler emits: printed SQL, pinned per dialect. */
class DialectRenderingTest {
    @Test
    void epochMicrosecondsAreSpelledPerTarget() {
        plan(b -> b.scan("events").project(b.call(PortableFunctions.EPOCH_MICROS, b.field("occurred_at"))).build())
                .withPostgres().ok("SELECT CAST(EXTRACT(EPOCH FROM \"occurred_at\" ) * 1000000 AS BIGINT) AS \"$f0\" FROM \"events\"")
                .withDuckDb().ok("SELECT epoch_us(\"occurred_at\") AS \"$f0\" FROM \"events\"")
                .withH2().ok("SELECT DATEDIFF(MICROSECOND, TIMESTAMP '1970-01-01 00:00:00', \"occurred_at\") AS \"$f0\" FROM \"events\"")
                // No AS before a column alias on Oracle.
                .withOracle().ok("SELECT ((CAST(TO_CHAR(\"occurred_at\" , 'J') AS NUMBER(19)) - 2440588) * 86400000000"
                        + " + CAST(TO_CHAR(\"occurred_at\" , 'SSSSS') AS NUMBER(19)) * 1000000"
                        + " + CAST(TO_CHAR(\"occurred_at\" , 'FF6') AS NUMBER(19))) \"$f0\" FROM \"events\"");
    }

    @Test
    void stringLiteralsDoubleTheirQuotesOnEveryTarget() {
        String ansi = "SELECT * FROM \"events\" WHERE \"event_name\" = 'it''s'";
        plan(b -> b.scan("events").filter(b.equals(b.field("event_name"), b.literal("it's"))).build())
                .withPostgres().ok(ansi)
                .withDuckDb().ok(ansi)
                .withH2().ok(ansi)
                .withOracle().ok(ansi);
    }

    @Test
    void conditionalAggregatesAreWrittenWithCaseOnEveryTarget() {
        String ansi = "SELECT \"user_id\", MIN(CASE WHEN \"event_name\" = 'a' IS TRUE THEN \"occurred_at\" ELSE NULL END)"
                + " AS \"first_a\" FROM \"events\" GROUP BY \"user_id\"";
        plan(b -> b.scan("events").aggregate(b.groupKey(b.field("user_id")),
                b.min(b.field("occurred_at")).filter(b.equals(b.field("event_name"), b.literal("a"))).as("first_a")).build())
                .withPostgres().ok(ansi)
                .withDuckDb().ok(ansi)
                .withH2().ok(ansi)
                .withOracle().ok(ansi.replace(" AS \"first_a\"", " \"first_a\""));
    }

    @Test
    void controlCharactersInStringLiteralsAreWrittenWithChrOnEveryTarget() {
        String ansi = "SELECT * FROM \"events\" WHERE \"event_name\" = ('a' || CHR(1) || CHR(27) || 'b''c' || CHR(127))";
        plan(b -> b.scan("events").filter(b.equals(b.field("event_name"), b.literal("a\u0001\u001bb'c\u007f"))).build())
                .withPostgres().ok(ansi)
                .withDuckDb().ok(ansi)
                .withH2().ok(ansi)
                .withOracle().ok(ansi);
    }

    @Test
    void tabsAndLineBreaksStayInsideTheQuotes() {
        String ansi = "SELECT * FROM \"events\" WHERE \"event_name\" = 'a\tb\r\nc'";
        plan(b -> b.scan("events").filter(b.equals(b.field("event_name"), b.literal("a\tb\r\nc"))).build())
                .withPostgres().ok(ansi)
                .withDuckDb().ok(ansi)
                .withH2().ok(ansi)
                .withOracle().ok(ansi);
    }

    /** Oracle reads '' as NULL: comparisons with it go through LENGTH there, and stay as written elsewhere. */
    @Test
    void comparisonsWithTheEmptyStringGoThroughLengthOnOracle() {
        plan(b -> b.scan("events").filter(b.or(b.equals(b.field("event_name"), b.literal("")),
                        b.call(SqlStdOperatorTable.NOT_EQUALS, b.literal(""), b.field("event_name")),
                        b.call(SqlStdOperatorTable.GREATER_THAN, b.field("event_name"), b.literal(""))))
                        .build())
                .withPostgres().ok("SELECT * FROM \"events\" WHERE \"event_name\" = '' OR '' <> \"event_name\" OR \"event_name\" > ''")
                .withOracle().ok("SELECT * FROM \"events\" WHERE LENGTH(\"event_name\") = 0 OR LENGTH(\"event_name\") <> 0"
                        + " OR LENGTH(\"event_name\") > 0");
    }

    @Test
    void inListsHoldingTheEmptyStringAreWrittenAsComparisonsOnOracle() {
        plan(b -> b.scan("events").filter(b.and(
                        b.in(b.field("event_name"), b.literal(""), b.literal("a"), b.literal("c")),
                        b.not(b.in(b.field("event_name"), b.literal(""), b.literal("b"), b.literal("d")))))
                        .build())
                .withPostgres().ok("SELECT * FROM \"events\" WHERE \"event_name\" IN ('', 'a', 'c') AND NOT \"event_name\" IN ('', 'b', 'd')")
                .withOracle().ok("SELECT * FROM \"events\" WHERE (LENGTH(\"event_name\") = 0 OR \"event_name\" = 'a'"
                        + " OR \"event_name\" = 'c') AND NOT (LENGTH(\"event_name\") = 0 OR \"event_name\" = 'b' OR \"event_name\" = 'd')");
    }
}
