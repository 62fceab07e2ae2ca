package io.funnelql.events;

import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.DataType;
import io.funnelql.dsl.model.Source;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the source's columns of a relation through JDBC: a table of a live database, or a
 * Parquet file through DuckDB's {@code read_parquet}. Columns are found by name as an events
 * file's header is ({@link CsvEventReader}); each must hold values of the declared type
 * (a narrower integer or real type widens, a timestamp with time zone is converted to UTC, a date
 * is midnight, text is read by the rules of text files); anything else is an error naming the
 * relation, the row and the column, never a silent conversion.
 */
public final class JdbcEventReader {
    private JdbcEventReader() {}

    /**
     * Reads {@code SELECT columns FROM relation}; {@code relation} is SQL the caller built from
     * checked names (a table name, or {@code read_parquet('file')}); {@code name} stands for it in messages.
     */
    public static EventTable read(Connection connection, String relation, String name, Source source)
            throws EventFileException {
        try {
            String quote = quoteString(connection);
            List<String> names = new ArrayList<>();
            // Prepared statements: DuckDB's plain statements report a failed query by a generic error.
            try (PreparedStatement probe = connection.prepareStatement("SELECT * FROM " + relation + " WHERE 1 = 0");
                 ResultSet empty = probe.executeQuery()) {
                ResultSetMetaData meta = empty.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    names.add(meta.getColumnName(i));
                }
            }
            int[] positions = positions(names, name, source);
            StringBuilder select = new StringBuilder("SELECT ");
            for (int column = 0; column < positions.length; column++) {
                String field = names.get(positions[column]);
                select.append(column == 0 ? "" : ", ").append(quote).append(field.replace(quote, quote + quote)).append(quote);
            }
            select.append(" FROM ").append(relation);
            try (PreparedStatement statement = connection.prepareStatement(select.toString())) {
                statement.setFetchSize(10_000);
                try (ResultSet rows = statement.executeQuery()) {
                    return read(TypedRows.of(rows), name, source);
                }
            }
        } catch (SQLException e) {
            throw new EventFileException(name + ": " + Shown.firstLine(e.getMessage()));
        }
    }

    /**
     * Reads rows whose columns are the source's, in its order (a SELECT of the columns that
     * {@link #positions} found); {@code name} stands for the relation in messages.
     */
    public static EventTable read(TypedRows rows, String name, Source source) throws SQLException, EventFileException {
        List<Column> columns = source.columns();
        Reading[] readings = new Reading[columns.size()];
        for (int column = 0; column < readings.length; column++) {
            readings[column] = reading(columns.get(column), rows.sqlType(column + 1), rows.typeName(column + 1),
                    rows.scale(column + 1), name);
        }
        TableBuilder table = new TableBuilder(source);
        int count = 0;
        while (rows.next()) {
            count++;
            for (int column = 0; column < readings.length; column++) {
                String problem;
                if (readings[column] == Reading.TEXT_AS_TYPE) {
                    String text = rows.getString(column + 1);
                    if (text == null) {
                        table.column(column).addNull();
                        continue;
                    }
                    problem = table.column(column).addText(text);
                    problem = problem == null ? null : Shown.quoted(text) + " " + problem;
                } else {
                    Object value = value(rows, column + 1, readings[column]);
                    problem = value instanceof Problem refused ? refused.text() : null;
                    if (problem == null) {
                        table.column(column).add(value);
                    }
                }
                if (problem != null) {
                    throw new EventFileException(name + ": row " + count + ": column "
                            + columns.get(column).name().display() + ": " + problem);
                }
            }
        }
        return table.build(count);
    }

    /** How a database column is read as a declared type. */
    private enum Reading { TEXT, TEXT_AS_TYPE, LONG, EXACT_LONG, DOUBLE, BOOLEAN, TIMESTAMP, TIMESTAMP_WITH_ZONE, DATE, DATE_TO_TIMESTAMP }

    private record Problem(String text) {}

    private static Reading reading(Column declared, int sqlType, String typeName, int scale, String name)
            throws EventFileException {
        DataType type = declared.type();
        boolean text = switch (sqlType) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB -> true;
            default -> false;
        };
        boolean integer = switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> true;
            default -> false;
        };
        boolean decimal = sqlType == Types.DECIMAL || sqlType == Types.NUMERIC;
        String lowerName = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        Reading reading = switch (type) {
            case VARCHAR -> text || lowerName.equals("uuid") || lowerName.equals("enum") || lowerName.equals("text") ? Reading.TEXT : null;
            case BIGINT -> integer || (lowerName.startsWith("u") && lowerName.contains("int")) ? Reading.LONG
                    : decimal && scale == 0 ? Reading.EXACT_LONG : text ? Reading.TEXT_AS_TYPE : null;
            case DOUBLE -> integer || decimal || sqlType == Types.FLOAT || sqlType == Types.REAL || sqlType == Types.DOUBLE
                    ? Reading.DOUBLE : text ? Reading.TEXT_AS_TYPE : null;
            case BOOLEAN -> sqlType == Types.BOOLEAN || sqlType == Types.BIT ? Reading.BOOLEAN : text ? Reading.TEXT_AS_TYPE : null;
            case TIMESTAMP -> sqlType == Types.TIMESTAMP_WITH_TIMEZONE || lowerName.contains("with time zone")
                    || lowerName.equals("timestamptz") ? Reading.TIMESTAMP_WITH_ZONE
                    : sqlType == Types.TIMESTAMP || lowerName.startsWith("timestamp") ? Reading.TIMESTAMP
                    : sqlType == Types.DATE ? Reading.DATE_TO_TIMESTAMP
                    : text ? Reading.TEXT_AS_TYPE : null;
            case DATE -> sqlType == Types.DATE ? Reading.DATE : text ? Reading.TEXT_AS_TYPE : null;
            default -> null;
        };
        if (reading == null) {
            throw new EventFileException(name + ": column " + declared.name().display() + " is " + typeName
                    + " there, which does not hold " + type.displayName() + " values (the source declares it "
                    + type.displayName() + ")");
        }
        return reading;
    }

    private static Object value(TypedRows rows, int index, Reading reading) throws SQLException {
        Object value = switch (reading) {
            case TEXT, TEXT_AS_TYPE -> rows.getString(index);
            case LONG -> rows.getLong(index);
            case EXACT_LONG -> {
                BigDecimal number = rows.getBigDecimal(index);
                if (number == null) {
                    yield null;
                }
                try {
                    yield number.longValueExact();
                } catch (ArithmeticException e) {
                    yield new Problem(number + " is not a whole number that fits a bigint");
                }
            }
            case DOUBLE -> rows.getDouble(index);
            case BOOLEAN -> rows.getBoolean(index);
            case TIMESTAMP -> timestamp(typed(rows, index, LocalDateTime.class));
            case TIMESTAMP_WITH_ZONE -> timestamp(typed(rows, index, OffsetDateTime.class));
            case DATE -> date(typed(rows, index, LocalDate.class));
            case DATE_TO_TIMESTAMP -> {
                Object date = date(typed(rows, index, LocalDate.class));
                yield date instanceof LocalDate day ? day.atStartOfDay() : date;
            }
        };
        return rows.wasNull() ? null : value;
    }

    /** The value as a java.time type where the driver converts to it (no default time zone involved), else as it comes. */
    private static Object typed(TypedRows rows, int index, Class<?> type) throws SQLException {
        try {
            return rows.getObject(index, type);
        } catch (SQLException | RuntimeException unsupported) {
            return rows.getObject(index);
        }
    }

    /** A timestamp as the driver returns it, as UTC wall-clock time; sub-microsecond digits are refused, as in text. */
    private static Object timestamp(Object value) {
        LocalDateTime time;
        if (value == null) {
            return null;
        } else if (value instanceof LocalDateTime local) {
            time = local;
        } else if (value instanceof OffsetDateTime offset) {
            time = offset.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } else if (value instanceof ZonedDateTime zoned) {
            time = zoned.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } else if (value instanceof Instant instant) {
            time = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        } else if (value instanceof Timestamp timestamp) {
            time = timestamp.toLocalDateTime(); // the driver's wall clock for a timestamp without zone
        } else if (value instanceof LocalDate date) {
            time = date.atStartOfDay();
        } else {
            return new Problem("a " + value.getClass().getSimpleName() + " is not a timestamp");
        }
        if (time.getNano() % 1000 != 0) {
            return new Problem(time + " has more than 6 fractional digits: FunnelQL keeps microseconds, as the engines do");
        }
        return time;
    }

    private static Object date(Object value) {
        if (value == null) {
            return null;
        } else if (value instanceof LocalDate date) {
            return date;
        } else if (value instanceof Date date) {
            return date.toLocalDate();
        }
        return new Problem("a " + value.getClass().getSimpleName() + " is not a date");
    }

    /** Each source column's position among the relation's columns, as an events file's header is matched. */
    public static int[] positions(List<String> names, String name, Source source) throws EventFileException {
        int[] positions = new int[source.columns().size()];
        List<String> missing = new ArrayList<>();
        for (int column = 0; column < positions.length; column++) {
            Column declared = source.columns().get(column);
            positions[column] = -1;
            for (int i = 0; i < names.size(); i++) {
                String candidate = names.get(i);
                boolean matches = declared.name().quoted() ? candidate.equals(declared.name().value())
                        : candidate.toLowerCase(Locale.ROOT).equals(declared.name().value().toLowerCase(Locale.ROOT));
                if (!matches) {
                    continue;
                }
                if (positions[column] >= 0) {
                    throw new EventFileException(name + ": column " + declared.name().display() + " matches two columns, "
                            + Shown.quoted(names.get(positions[column])) + " and " + Shown.quoted(candidate)
                            + "; quote the name in the source declaration");
                }
                positions[column] = i;
            }
            if (positions[column] < 0) {
                missing.add(declared.name().value());
            }
        }
        if (!missing.isEmpty()) {
            throw new EventFileException(name + ": lacks column" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                    + " of source " + source.name().display() + "; it has: "
                    + String.join(", ", names.stream().map(Shown::escaped).toList()));
        }
        return positions;
    }

    private static String quoteString(Connection connection) throws SQLException {
        String quote = connection.getMetaData().getIdentifierQuoteString();
        return quote == null || quote.isBlank() ? "\"" : quote.strip();
    }
}
