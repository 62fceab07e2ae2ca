package io.funnelql.dialects;

import io.funnelql.dsl.model.DataType;

/**
 * The column type a table gets for a language type, per target ({@link TargetDialect#columnType}):
 * what the engines create event tables with and what the incremental session table is declared with.
 */
final class ColumnTypes {
    private ColumnTypes() {}

    static String of(TargetDialect target, DataType type) {
        return switch (target) {
            case POSTGRES -> switch (type) {
                case VARCHAR -> "text";
                case BIGINT -> "bigint";
                case DOUBLE -> "double precision";
                case BOOLEAN -> "boolean";
                case TIMESTAMP -> "timestamp(6) without time zone";
                case DATE -> "date";
                case INTERVAL, NULL -> unsupported(target, type);
            };
            case DUCKDB -> switch (type) {
                case VARCHAR -> "VARCHAR";
                case BIGINT -> "BIGINT";
                case DOUBLE -> "DOUBLE";
                case BOOLEAN -> "BOOLEAN";
                case TIMESTAMP -> "TIMESTAMP";
                case DATE -> "DATE";
                case INTERVAL, NULL -> unsupported(target, type);
            };
            case H2 -> switch (type) {
                case VARCHAR -> "CHARACTER VARYING";
                case BIGINT -> "BIGINT";
                case DOUBLE -> "DOUBLE PRECISION";
                case BOOLEAN -> "BOOLEAN";
                case TIMESTAMP -> "TIMESTAMP(6)";
                case DATE -> "DATE";
                case INTERVAL, NULL -> unsupported(target, type);
            };
            // Oracle before 23ai has no BOOLEAN column; VARCHAR2 counts bytes unless told CHAR.
            case ORACLE -> switch (type) {
                case VARCHAR -> "VARCHAR2(4000 CHAR)";
                case BIGINT -> "NUMBER(19)";
                case DOUBLE -> "BINARY_DOUBLE";
                case BOOLEAN -> "NUMBER(1)";
                case TIMESTAMP -> "TIMESTAMP(6)";
                case DATE -> "DATE";
                case INTERVAL, NULL -> unsupported(target, type);
            };
            // TIMESTAMP_NTZ: a wall-clock time as on the other targets (Spark's TIMESTAMP is an instant).
            case SPARK -> switch (type) {
                case VARCHAR -> "STRING";
                case BIGINT -> "BIGINT";
                case DOUBLE -> "DOUBLE";
                case BOOLEAN -> "BOOLEAN";
                case TIMESTAMP -> "TIMESTAMP_NTZ";
                case DATE -> "DATE";
                case INTERVAL, NULL -> unsupported(target, type);
            };
        };
    }

    private static String unsupported(TargetDialect target, DataType type) {
        throw new IllegalArgumentException(target.productName() + ": no column can have type " + type.displayName());
    }
}
