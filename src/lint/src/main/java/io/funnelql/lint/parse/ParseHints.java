package io.funnelql.lint.parse;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a rewrite took out of the text the parser reads but the model needs, keyed by file offsets:
 * the columns of a {@code SELECT DISTINCT ON (…)} (by the offset of its SELECT), the relations
 * joined by DuckDB's {@code ASOF JOIN} (by the offset of the joined relation: at most one match per
 * row), and the SELECTs grouped by DuckDB's {@code GROUP BY ALL}.
 */
public final class ParseHints {
    private final Map<Integer, List<String>> distinctOn = new HashMap<>();
    private final Set<Integer> asof = new HashSet<>();
    private final Set<Integer> groupByAll = new HashSet<>();

    void distinctOn(int selectOffset, List<String> columns) {
        distinctOn.put(selectOffset, List.copyOf(columns));
    }

    void asof(int relationOffset) {
        asof.add(relationOffset);
    }

    void groupByAll(int selectOffset) {
        groupByAll.add(selectOffset);
    }

    /** The DISTINCT ON columns of the SELECT at this offset, or null. */
    public List<String> distinctOn(int selectOffset) {
        return distinctOn.get(selectOffset);
    }

    public boolean isAsof(int relationOffset) {
        return asof.contains(relationOffset);
    }

    public boolean groupsByAll(int selectOffset) {
        return groupByAll.contains(selectOffset);
    }
}
