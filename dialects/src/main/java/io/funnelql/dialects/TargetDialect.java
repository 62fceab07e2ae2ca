package io.funnelql.dialects;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The SQL targets FunnelQL renders for. Oracle cannot run in this project's test environment: its
 * SQL is rendered, parsed and executed on H2's Oracle compatibility mode, and reports say so.
 */
public enum TargetDialect {
    POSTGRES("PostgreSQL"),
    DUCKDB("DuckDB"),
    ORACLE("Oracle"),
    H2("H2");

    private final String productName;

    TargetDialect(String productName) {
        this.productName = productName;
    }

    /** The spelling used on the command line and in file names ({@code expected.postgres.sql}). */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String productName() {
        return productName;
    }

    public static Optional<TargetDialect> fromKeyword(String text) {
        return Arrays.stream(values()).filter(d -> d.keyword().equalsIgnoreCase(text)).findFirst();
    }
}
