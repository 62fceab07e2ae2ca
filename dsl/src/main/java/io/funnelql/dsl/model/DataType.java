package io.funnelql.dsl.model;

import java.util.Locale;

/** The value types of the language: the types a column or parameter can declare, plus the types of expressions. */
public enum DataType {
    VARCHAR,
    BIGINT,
    DOUBLE,
    BOOLEAN,
    TIMESTAMP,
    DATE,
    /** Only of expressions: {@code interval 1 hour}, or a difference of timestamps. */
    INTERVAL,
    /** Only of the {@code null} literal, which compares with any type. */
    NULL;

    public boolean isNumeric() {
        return this == BIGINT || this == DOUBLE;
    }

    public boolean isTemporal() {
        return this == TIMESTAMP || this == DATE;
    }

    /** Whether values of the two types can be compared with =, <, between, in. */
    public boolean isComparableWith(DataType other) {
        return this == NULL || other == NULL || this == other
                || (isNumeric() && other.isNumeric())
                || (isTemporal() && other.isTemporal());
    }

    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
