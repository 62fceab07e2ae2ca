package io.funnelql.report;

/**
 * The SQL a page shows under a heading that says what it is: the SQL that ran on an engine, the
 * SQL compiled for DuckDB when the reference executor ran (equivalent, not run), or why there is none.
 */
public record ReportSql(String heading, String text) {}
