package io.funnelql.events;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A relation's rows as a JDBC result set presents them: each column's {@link java.sql.Types type},
 * and values by 1-based column index. {@link JdbcEventReader} reads events from it, so a source that
 * JDBC does not reach (a Spark Connect server's table) is read by the same rules.
 */
public interface TypedRows {
    int sqlType(int column) throws SQLException;

    String typeName(int column) throws SQLException;

    int scale(int column) throws SQLException;

    boolean next() throws SQLException;

    String getString(int column) throws SQLException;

    long getLong(int column) throws SQLException;

    BigDecimal getBigDecimal(int column) throws SQLException;

    double getDouble(int column) throws SQLException;

    boolean getBoolean(int column) throws SQLException;

    /** The value as {@code type}, or an {@link SQLException} or runtime exception where it does not convert. */
    Object getObject(int column, Class<?> type) throws SQLException;

    Object getObject(int column) throws SQLException;

    /** Whether the last value read was NULL. */
    boolean wasNull() throws SQLException;

    /** A JDBC result set's rows. */
    static TypedRows of(ResultSet rows) {
        return new TypedRows() {
            @Override
            public int sqlType(int column) throws SQLException {
                return rows.getMetaData().getColumnType(column);
            }

            @Override
            public String typeName(int column) throws SQLException {
                return rows.getMetaData().getColumnTypeName(column);
            }

            @Override
            public int scale(int column) throws SQLException {
                return rows.getMetaData().getScale(column);
            }

            @Override
            public boolean next() throws SQLException {
                return rows.next();
            }

            @Override
            public String getString(int column) throws SQLException {
                return rows.getString(column);
            }

            @Override
            public long getLong(int column) throws SQLException {
                return rows.getLong(column);
            }

            @Override
            public BigDecimal getBigDecimal(int column) throws SQLException {
                return rows.getBigDecimal(column);
            }

            @Override
            public double getDouble(int column) throws SQLException {
                return rows.getDouble(column);
            }

            @Override
            public boolean getBoolean(int column) throws SQLException {
                return rows.getBoolean(column);
            }

            @Override
            public Object getObject(int column, Class<?> type) throws SQLException {
                return rows.getObject(column, type);
            }

            @Override
            public Object getObject(int column) throws SQLException {
                return rows.getObject(column);
            }

            @Override
            public boolean wasNull() throws SQLException {
                return rows.wasNull();
            }
        };
    }
}
