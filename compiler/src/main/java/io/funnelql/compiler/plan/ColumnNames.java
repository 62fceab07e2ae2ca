package io.funnelql.compiler.plan;

import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.Query;

import java.util.Locale;

/**
 * Names of the columns and CTEs the compiler generates. Key columns keep their own name with a
 * {@code key_} prefix inside the plan, so they can never collide with a generated column; the
 * final projection gives every output column its report name.
 */
public final class ColumnNames {
    private ColumnNames() {}

    public static String keyAlias(Column column) {
        return "key_" + column.name().value();
    }

    /** A CTE name: the query's name and the stage's role, in the spec's words where it has them. */
    public static String stageName(Query query, String role) {
        return sanitize(query.name().value()) + "_" + sanitize(role);
    }

    /** Lower-case letters, digits and underscores only, so a CTE name reads the same in every dialect. */
    public static String sanitize(String text) {
        String cleaned = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        return cleaned.isEmpty() ? "stage" : cleaned;
    }
}
