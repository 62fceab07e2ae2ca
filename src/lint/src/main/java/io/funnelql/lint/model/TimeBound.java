package io.funnelql.lint.model;

import org.apache.calcite.sql.SqlNode;

/**
 * What one condition says about the times of two relations of a SELECT: that {@code step} comes
 * after {@code anchor} ({@link Kind#AFTER}: {@code s.ts > a.ts}, {@code s.ts BETWEEN a.ts AND …},
 * {@code s.ts - a.ts > 0}), or at most some constant after it ({@link Kind#WITHIN}: {@code s.ts <=
 * a.ts + INTERVAL '1' HOUR}, {@code … AND a.ts + INTERVAL '1' HOUR}, {@code s.ts - a.ts <= …},
 * {@code DATEDIFF('minute', a.ts, s.ts) < 30}). {@code at} is the condition term.
 */
public record TimeBound(RelationUse step, RelationUse anchor, Kind kind, SqlNode at) {
    /** SAME_PERIOD: the two times are equated by their period ({@code DATE(s.ts) = DATE(a.ts)}, two DATE columns): bounded both ways. */
    public enum Kind { AFTER, WITHIN, SAME_PERIOD }

    /** The relation whose time the condition makes the greater one. */
    public RelationUse later() {
        return kind == Kind.AFTER ? step : anchor;
    }

    /** The relation whose time the condition makes the smaller one. */
    public RelationUse earlier() {
        return kind == Kind.AFTER ? anchor : step;
    }
}
