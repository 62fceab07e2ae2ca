package io.funnelql.engine;

import io.funnelql.result.ResultTable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * JDBC values as the reference executor's types: integers Long, other numbers Double, text
 * String, BOOLEAN Boolean, TIMESTAMP LocalDateTime (with a zone: its UTC wall clock), DATE
 * LocalDate. Anything else (intervals, arrays) has no reference counterpart and is an error.
 */
public final class ResultValues {
    private ResultValues() {}

    /**
     * A value an engine hands over as a Java object rather than through JDBC (Spark's rows): as
     * the reference's types, the same way as a JDBC value. {@code typeName} is for the error only.
     */
    public static Object plain(Object value, String column, String typeName) {
        if (value instanceof LocalDate || value instanceof LocalDateTime) {
            return value;
        }
        if (value instanceof Instant instant) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (value instanceof OffsetDateTime zoned) {
            return utc(zoned);
        }
        return other(value, column, typeName);
    }

    static ResultTable read(ResultSet rows) throws SQLException {
        ResultSetMetaData metaData = rows.getMetaData();
        int width = metaData.getColumnCount();
        List<String> columns = new ArrayList<>(width);
        for (int c = 1; c <= width; c++) {
            columns.add(metaData.getColumnLabel(c));
        }
        List<List<Object>> result = new ArrayList<>();
        while (rows.next()) {
            List<Object> row = new ArrayList<>(width);
            for (int c = 1; c <= width; c++) {
                row.add(value(rows, metaData, c));
            }
            result.add(row);
        }
        return ResultTable.sorted(columns, result);
    }

    private static Object value(ResultSet rows, ResultSetMetaData metaData, int c) throws SQLException {
        String typeName = metaData.getColumnTypeName(c).toLowerCase(Locale.ROOT);
        switch (metaData.getColumnType(c)) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> {
                long value = rows.getLong(c);
                return rows.wasNull() ? null : value;
            }
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> {
                double value = rows.getDouble(c);
                return rows.wasNull() ? null : value;
            }
            case Types.NUMERIC, Types.DECIMAL -> {
                return decimal(rows.getBigDecimal(c), metaData.getScale(c));
            }
            case Types.BOOLEAN, Types.BIT -> {
                boolean value = rows.getBoolean(c);
                return rows.wasNull() ? null : value;
            }
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.CLOB, Types.NCLOB -> {
                return rows.getString(c);
            }
            case Types.DATE -> {
                return rows.getObject(c, LocalDate.class);
            }
            case Types.TIMESTAMP -> {
                // PostgreSQL's driver reports timestamptz as TIMESTAMP too.
                return typeName.equals("timestamptz") ? utc(rows.getObject(c, OffsetDateTime.class))
                        : rows.getObject(c, LocalDateTime.class);
            }
            case Types.TIMESTAMP_WITH_TIMEZONE -> {
                return utc(rows.getObject(c, OffsetDateTime.class));
            }
            case Types.NULL -> {
                return null;
            }
            default -> {
                return other(rows.getObject(c), metaData.getColumnLabel(c), typeName);
            }
        }
    }

    /** Declared or written with a fraction: Double; otherwise (COUNT, SUM of integers) Long. */
    private static Object decimal(BigDecimal value, int declaredScale) {
        if (value == null) {
            return null;
        }
        if (declaredScale <= 0 && value.scale() <= 0) {
            try {
                return value.longValueExact();
            } catch (ArithmeticException beyondLong) {
                return value.doubleValue();
            }
        }
        return value.doubleValue();
    }

    private static LocalDateTime utc(OffsetDateTime value) {
        return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    /** Engine-specific types (DuckDB's HUGEINT, unsigned integers) that are still plain numbers. */
    private static Object other(Object value, String column, String typeName) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigInteger big) {
            if (big.bitLength() < 64) {
                return big.longValue(); // not in a ?: with a double, which would make it a double
            }
            return big.doubleValue();
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal(decimal, 0);
        }
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        throw new EngineException("column \"" + column + "\" has type " + typeName + " (" + value.getClass().getName()
                + "), which no reference result holds; cast it in the query");
    }
}
