package io.funnelql.dsl.model;

/** Which side of its anchor event a path runs. */
public enum PathDirection {
    /** {@code start at}: the anchor and the events after it. */
    AFTER_ANCHOR,
    /** {@code end at}: the events before the anchor, and the anchor. */
    BEFORE_ANCHOR
}
