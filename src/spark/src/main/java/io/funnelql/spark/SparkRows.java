package io.funnelql.spark;

import io.funnelql.events.TypedRows;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.CharType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.sql.types.VarcharType;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Iterator;

/**
 * Spark rows as {@link TypedRows}, each Spark type as the JDBC type it is: a {@code TIMESTAMP_NTZ}
 * is a TIMESTAMP, a {@code TIMESTAMP} (an instant) a TIMESTAMP WITH TIME ZONE, a complex type OTHER.
 * With {@code spark.sql.datetime.java8API.enabled} the values are LocalDateTime, Instant and LocalDate.
 */
final class SparkRows implements TypedRows {
    private final StructType schema;
    private final Iterator<Row> rows;
    private Row row;
    private boolean wasNull;

    SparkRows(StructType schema, Iterator<Row> rows) {
        this.schema = schema;
        this.rows = rows;
    }

    @Override
    public int sqlType(int column) {
        DataType type = type(column);
        if (type instanceof StringType || type instanceof VarcharType || type instanceof CharType) {
            return Types.VARCHAR;
        }
        if (type instanceof ByteType) {
            return Types.TINYINT;
        }
        if (type instanceof ShortType) {
            return Types.SMALLINT;
        }
        if (type instanceof IntegerType) {
            return Types.INTEGER;
        }
        if (type instanceof LongType) {
            return Types.BIGINT;
        }
        if (type instanceof DecimalType) {
            return Types.DECIMAL;
        }
        if (type instanceof FloatType) {
            return Types.REAL;
        }
        if (type instanceof DoubleType) {
            return Types.DOUBLE;
        }
        if (type instanceof BooleanType) {
            return Types.BOOLEAN;
        }
        if (type instanceof TimestampNTZType) {
            return Types.TIMESTAMP;
        }
        if (type instanceof TimestampType) {
            return Types.TIMESTAMP_WITH_TIMEZONE;
        }
        if (type instanceof DateType) {
            return Types.DATE;
        }
        return Types.OTHER;
    }

    @Override
    public String typeName(int column) {
        return type(column).simpleString();
    }

    @Override
    public int scale(int column) {
        return type(column) instanceof DecimalType decimal ? decimal.scale() : 0;
    }

    @Override
    public boolean next() {
        if (!rows.hasNext()) {
            row = null;
            return false;
        }
        row = rows.next();
        return true;
    }

    @Override
    public String getString(int column) {
        Object value = value(column);
        return value == null ? null : value.toString();
    }

    @Override
    public long getLong(int column) {
        Object value = value(column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    @Override
    public BigDecimal getBigDecimal(int column) {
        return (BigDecimal) value(column);
    }

    @Override
    public double getDouble(int column) {
        Object value = value(column);
        return value == null ? 0 : ((Number) value).doubleValue();
    }

    @Override
    public boolean getBoolean(int column) {
        Object value = value(column);
        return value != null && (Boolean) value;
    }

    /** The value as Spark hands it over where it is a {@code type}; otherwise an exception, as a driver that cannot convert. */
    @Override
    public Object getObject(int column, Class<?> type) throws SQLException {
        Object value = value(column);
        if (value != null && !type.isInstance(value)) {
            throw new SQLException("a " + value.getClass().getSimpleName() + " is not a " + type.getSimpleName());
        }
        return value;
    }

    @Override
    public Object getObject(int column) {
        return value(column);
    }

    @Override
    public boolean wasNull() {
        return wasNull;
    }

    private DataType type(int column) {
        return schema.fields()[column - 1].dataType();
    }

    private Object value(int column) {
        Object value = SparkValues.javaTime(row.get(column - 1));
        wasNull = value == null;
        return value;
    }
}
