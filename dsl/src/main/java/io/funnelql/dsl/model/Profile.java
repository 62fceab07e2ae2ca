package io.funnelql.dsl.model;

import java.util.Locale;

/**
 * A compatibility profile: the engine whose behavioural functions a query reproduces. It fixes
 * every knob the query does not write (docs/semantics.md has the table).
 */
public enum Profile {
    CLICKHOUSE(NullConditionPolicy.SKIP_ROW),
    DUCKDB_BEHAVIORAL(NullConditionPolicy.FALSE);

    private final NullConditionPolicy nullConditions;

    Profile(NullConditionPolicy nullConditions) {
        this.nullConditions = nullConditions;
    }

    public NullConditionPolicy defaultNullConditions() {
        return nullConditions;
    }

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
