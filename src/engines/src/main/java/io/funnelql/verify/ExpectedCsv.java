package io.funnelql.verify;

import io.funnelql.dsl.model.DataType;
import io.funnelql.events.Values;
import io.funnelql.result.ResultTable;
import io.funnelql.events.CsvScanner;
import io.funnelql.events.EventFileException;
import io.funnelql.events.Shown;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An expected result written as {@link io.funnelql.result.ResultFormatter#csv} writes
 * results (the convention of docs/semantics.md's worked examples, golden expected.csv files and
 * the test kit's expected rows): a header naming the columns, then one record per row; an empty
 * unquoted field is NULL, {@code ""} the empty string. Values are typed column by column, the way the reference's result types that
 * column, and parsed with {@link Values}.
 */
public final class ExpectedCsv {
    private ExpectedCsv() {}

    /** The column types of a result: each column's first non-NULL value's type, else {@code fallback}'s. */
    public static List<DataType> columnTypes(ResultTable result, List<DataType> fallback) {
        List<DataType> types = new ArrayList<>();
        for (int column = 0; column < result.columns().size(); column++) {
            DataType type = column < fallback.size() ? fallback.get(column) : DataType.VARCHAR;
            for (List<Object> row : result.rows()) {
                if (row.get(column) != null) {
                    type = typeOf(row.get(column));
                    break;
                }
            }
            types.add(type);
        }
        return types;
    }

    private static DataType typeOf(Object value) {
        if (value instanceof Long) {
            return DataType.BIGINT;
        } else if (value instanceof Double) {
            return DataType.DOUBLE;
        } else if (value instanceof Boolean) {
            return DataType.BOOLEAN;
        } else if (value instanceof LocalDateTime) {
            return DataType.TIMESTAMP;
        } else if (value instanceof LocalDate) {
            return DataType.DATE;
        }
        return DataType.VARCHAR;
    }

    /**
     * Parses the CSV text, rows sorted as every result is; a field that is not a value of its
     * column's type is an {@link IllegalArgumentException} naming {@code name}, the line and the
     * column. An unquoted empty field is NULL and {@code ""} the empty string, as the writer
     * writes them; the CSV is read as strictly as an events file ({@link CsvScanner}).
     */
    public static ResultTable parse(String text, String name, List<DataType> types) {
        try (CsvScanner scanner = new CsvScanner(new StringReader(text), name)) {
            String[] header = scanner.next();
            if (header == null) {
                throw new IllegalArgumentException(name + " has no header row");
            }
            List<String> columns = Arrays.stream(header).map(column -> column == null ? "" : column).toList();
            scanner.skipBlankLines(columns.size() > 1);
            List<List<Object>> rows = new ArrayList<>();
            for (String[] record = scanner.next(); record != null; record = scanner.next()) {
                if (record.length != columns.size()) {
                    throw new IllegalArgumentException(name + ":" + scanner.fieldLine(0) + ": " + record.length
                            + (record.length == 1 ? " field" : " fields") + " where the header has " + columns.size());
                }
                List<Object> row = new ArrayList<>();
                for (int column = 0; column < columns.size(); column++) {
                    String field = record[column];
                    DataType type = column < types.size() ? types.get(column) : DataType.VARCHAR;
                    if (field == null) {
                        row.add(null);
                        continue;
                    }
                    String problem = Values.problem(field, type);
                    if (problem != null) {
                        throw new IllegalArgumentException(name + ":" + scanner.fieldLine(column) + ":"
                                + scanner.fieldColumn(column) + ": column " + columns.get(column) + ": "
                                + Shown.quoted(field) + " " + problem);
                    }
                    row.add(Values.parse(field, type).orElseThrow());
                }
                rows.add(row);
            }
            return ResultTable.sorted(columns, rows);
        } catch (EventFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
