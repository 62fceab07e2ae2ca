package io.funnelql.dialects;

import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.Map;

import static io.funnelql.dialects.TargetDialect.DUCKDB;
import static io.funnelql.dialects.TargetDialect.H2;
import static io.funnelql.dialects.TargetDialect.ORACLE;
import static io.funnelql.dialects.TargetDialect.POSTGRES;
import static io.funnelql.dialects.TargetDialect.SPARK;

/**
 * Every engine-specific spelling the compiler needs, per target. docs/dialects.md explains each;
 * tests execute each on the real engines (Oracle's on H2 in Oracle mode, Spark's on a local session).
 */
public final class PortableFunctions {
    private PortableFunctions() {}

    /** Microseconds since 1970-01-01 00:00 of a TIMESTAMP read as UTC: window arithmetic is done on these integers. */
    public static final PortableFunction EPOCH_MICROS = new PortableFunction("EPOCH_MICROS",
            ReturnTypes.BIGINT_NULLABLE, Map.of(
                    POSTGRES, "CAST(EXTRACT(EPOCH FROM {0}) * 1000000 AS BIGINT)",
                    DUCKDB, "epoch_us({0})",
                    H2, "DATEDIFF(MICROSECOND, TIMESTAMP '1970-01-01 00:00:00', {0})",
                    // Calendar fields, not EXTRACT on an interval: H2's Oracle mode drops the seconds' fraction there.
                    // 'J' is the Julian day (2440588 = 1970-01-01), 'SSSSS' seconds past midnight; NUMBER(19) keeps products exact.
                    ORACLE, "((CAST(TO_CHAR({0}, 'J') AS NUMBER(19)) - 2440588) * 86400000000"
                            + " + CAST(TO_CHAR({0}, 'SSSSS') AS NUMBER(19)) * 1000000"
                            + " + CAST(TO_CHAR({0}, 'FF6') AS NUMBER(19)))",
                    // The cast reads a TIMESTAMP_NTZ in the session's zone, which FunnelQL's SQL needs to be UTC.
                    SPARK, "unix_micros(CAST({0} AS TIMESTAMP))"));

    /**
     * A TIMESTAMP plus a number of microseconds, exactly up to 2^53 of them (285 years; PostgreSQL
     * multiplies intervals in double precision). Oracle's is what real Oracle runs, but H2's
     * Oracle mode lacks NUMTODSINTERVAL, so the compiler never uses it there ({@link
     * TargetDialect#addsMicrosToTimestamps}).
     */
    public static final PortableFunction TIMESTAMP_PLUS_MICROS = new PortableFunction("TIMESTAMP_PLUS_MICROS",
            ReturnTypes.ARG0, Map.of(
                    POSTGRES, "({0} + {1} * INTERVAL '1 microsecond')",
                    DUCKDB, "({0} + to_microseconds({1}))",
                    H2, "DATEADD(MICROSECOND, {1}, {0})",
                    ORACLE, "({0} + NUMTODSINTERVAL({1} / 1000000, 'SECOND'))",
                    SPARK, "timestampadd(MICROSECOND, {1}, {0})"));

    /** The calendar date, in the time zone named by the second operand, of a TIMESTAMP read as UTC. */
    public static final PortableFunction LOCAL_DATE = new PortableFunction("LOCAL_DATE",
            ReturnTypes.explicit(SqlTypeName.DATE), Map.of(
                    POSTGRES, "CAST(({0} AT TIME ZONE 'UTC') AT TIME ZONE {1} AS DATE)",
                    DUCKDB, "CAST(timezone({1}, timezone('UTC', {0})) AS DATE)",
                    // H2's CAST of a zoned timestamp to DATE goes through the session zone; formatting keeps the local date.
                    H2, "CAST(FORMATDATETIME(CAST(CAST({0} AS VARCHAR) || '+00:00' AS TIMESTAMP WITH TIME ZONE) AT TIME ZONE {1},"
                            + " 'yyyy-MM-dd') AS DATE)",
                    // FROM_TZ would read better, but H2's Oracle mode lacks it; TO_TIMESTAMP_TZ is in both.
                    ORACLE, "TO_DATE(TO_CHAR(TO_TIMESTAMP_TZ(TO_CHAR({0}, 'YYYY-MM-DD HH24:MI:SS.FF6') || ' +00:00',"
                            + " 'YYYY-MM-DD HH24:MI:SS.FF6 TZH:TZM') AT TIME ZONE {1}, 'YYYY-MM-DD'), 'YYYY-MM-DD')",
                    // On a TIMESTAMP_NTZ, convert_timezone does not involve the session's zone.
                    SPARK, "CAST(convert_timezone('UTC', {1}, {0}) AS DATE)"));

    /**
     * The calendar date of a TIMESTAMP read as UTC: {@link #LOCAL_DATE} in UTC without its two
     * zone conversions per row (a plain cast; Oracle's DATE keeps the time of day, so TRUNC).
     */
    public static final PortableFunction UTC_DATE = new PortableFunction("UTC_DATE",
            ReturnTypes.explicit(SqlTypeName.DATE), Map.of(
                    POSTGRES, "CAST({0} AS DATE)",
                    DUCKDB, "CAST({0} AS DATE)",
                    H2, "CAST({0} AS DATE)",
                    ORACLE, "CAST(TRUNC({0}) AS DATE)",
                    SPARK, "CAST({0} AS DATE)"));

    /** Days since 1970-01-01 of a DATE. */
    public static final PortableFunction EPOCH_DAY = new PortableFunction("EPOCH_DAY",
            ReturnTypes.BIGINT_NULLABLE, Map.of(
                    POSTGRES, "CAST({0} - DATE '1970-01-01' AS BIGINT)",
                    DUCKDB, "date_diff('day', DATE '1970-01-01', {0})",
                    H2, "DATEDIFF(DAY, DATE '1970-01-01', {0})",
                    ORACLE, "CAST(TRUNC({0}) - DATE '1970-01-01' AS NUMBER(19))",
                    SPARK, "CAST(unix_date({0}) AS BIGINT)"));

    /** The DATE a number of days after 1970-01-01. */
    public static final PortableFunction DATE_FROM_EPOCH_DAY = new PortableFunction("DATE_FROM_EPOCH_DAY",
            ReturnTypes.explicit(SqlTypeName.DATE), Map.of(
                    POSTGRES, "(DATE '1970-01-01' + CAST({0} AS INTEGER))",
                    DUCKDB, "CAST(DATE '1970-01-01' + CAST({0} AS INTEGER) AS DATE)",
                    H2, "DATEADD(DAY, {0}, DATE '1970-01-01')",
                    ORACLE, "(DATE '1970-01-01' + {0})",
                    SPARK, "date_from_unix_date(CAST({0} AS INT))"));

    /**
     * Integer quotient of two non-negative integers (DuckDB's {@code /} would return a double). The
     * CASTs matter when an operand is a SUM: PostgreSQL and H2 sum BIGINTs into an exact decimal,
     * whose {@code /} keeps the fraction.
     */
    public static final PortableFunction INTEGER_QUOTIENT = new PortableFunction("INTEGER_QUOTIENT",
            ReturnTypes.BIGINT_NULLABLE, Map.of(
                    POSTGRES, "(CAST({0} AS BIGINT) / CAST({1} AS BIGINT))",
                    DUCKDB, "({0} // {1})",
                    H2, "(CAST({0} AS BIGINT) / CAST({1} AS BIGINT))",
                    ORACLE, "TRUNC({0} / {1})",
                    // Spark's / on integers returns a double; DIV returns a BIGINT.
                    SPARK, "(CAST({0} AS BIGINT) DIV CAST({1} AS BIGINT))"));

    /** A TIMESTAMP as FunnelQL writes it: seconds, then a fraction without trailing zeros when there is one. */
    public static final PortableFunction TIMESTAMP_TEXT = new PortableFunction("TIMESTAMP_TEXT",
            UnicodeText.RETURN_TYPE, Map.of(
                    POSTGRES, "RTRIM(RTRIM(TO_CHAR({0}, 'YYYY-MM-DD HH24:MI:SS.US'), '0'), '.')",
                    DUCKDB, "rtrim(rtrim(strftime({0}, '%Y-%m-%d %H:%M:%S.%f'), '0'), '.')",
                    H2, "RTRIM(RTRIM(FORMATDATETIME({0}, 'yyyy-MM-dd HH:mm:ss.SSSSSS'), '0'), '.')",
                    ORACLE, "RTRIM(RTRIM(TO_CHAR({0}, 'YYYY-MM-DD HH24:MI:SS.FF6'), '0'), '.')",
                    // TRIM(TRAILING … FROM …): Spark's two-operand rtrim changed its operand order between versions.
                    SPARK, "TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM date_format({0}, 'yyyy-MM-dd HH:mm:ss.SSSSSS')))"));

    /** An integer or string value as text. */
    public static final PortableFunction TEXT = new PortableFunction("TEXT",
            UnicodeText.RETURN_TYPE, Map.of(
                    POSTGRES, "CAST({0} AS VARCHAR)",
                    DUCKDB, "CAST({0} AS VARCHAR)",
                    H2, "CAST({0} AS VARCHAR)",
                    ORACLE, "TO_CHAR({0})",
                    // Spark's VARCHAR needs a length.
                    SPARK, "CAST({0} AS STRING)"));

    /** A string in code-point order when sorted (PostgreSQL's default collation is locale-aware). */
    public static final PortableFunction CODE_POINT_ORDER = new PortableFunction("CODE_POINT_ORDER",
            ReturnTypes.ARG0, Map.of(
                    POSTGRES, "{0} COLLATE \"C\"",
                    DUCKDB, "{0}",
                    H2, "{0}",
                    ORACLE, "{0}",
                    // Spark's default collation, UTF8_BINARY, orders UTF-8 bytes: code-point order.
                    SPARK, "{0}"));

    /** SQL LIKE with no escape character, as the language defines it (PostgreSQL and H2 default to backslash). */
    public static final PortableFunction LIKE = new PortableFunction("LIKE_NO_ESCAPE",
            ReturnTypes.BOOLEAN_NULLABLE, Map.of(
                    POSTGRES, "({0} LIKE {1} ESCAPE '')",
                    DUCKDB, "({0} LIKE {1})",
                    H2, "({0} LIKE {1} ESCAPE '')",
                    ORACLE, "({0} LIKE {1})",
                    // Spark's escape is backslash and cannot be switched off: every backslash in the pattern is doubled.
                    SPARK, "({0} LIKE replace({1}, CHR(92), CHR(92) || CHR(92)))"));

    /** A 0/1 flag as a result column of type boolean; Oracle before 23ai has no boolean columns, so it stays 1/0. */
    public static final PortableFunction FLAG_AS_BOOLEAN = new PortableFunction("FLAG_AS_BOOLEAN",
            ReturnTypes.BOOLEAN_NULLABLE, Map.of(
                    POSTGRES, "({0} = 1)",
                    DUCKDB, "({0} = 1)",
                    H2, "({0} = 1)",
                    ORACLE, "{0}",
                    SPARK, "({0} = 1)"));
}
