package io.funnelql.dsl.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The windowFunnel modes (ClickHouse's options and duckdb-behavioral's extension). */
public enum FunnelMode {
    STRICT_DEDUPLICATION,
    STRICT_ORDER,
    STRICT_INCREASE,
    STRICT_ONCE,
    ALLOW_REENTRY,
    TIMESTAMP_DEDUP;

    /** The spelling used in specifications. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every accepted spelling, aliases included, for messages. */
    public static List<String> spellings() {
        List<String> names = new ArrayList<>(Arrays.stream(values()).map(FunnelMode::keyword).toList());
        names.add("strict");
        return names;
    }

    /** The mode a spelling names; {@code strict} is an alias of {@code strict_deduplication}. */
    public static Optional<FunnelMode> fromKeyword(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("strict")) {
            return Optional.of(STRICT_DEDUPLICATION);
        }
        return Arrays.stream(values()).filter(m -> m.keyword().equals(lower)).findFirst();
    }
}
