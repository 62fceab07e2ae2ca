package io.funnelql.verify;

import io.funnelql.dsl.model.DataType;
import io.funnelql.events.Values;
import io.funnelql.result.ResultTable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * An expected result written as {@link io.funnelql.result.ResultFormatter#csv} writes
 * results (the convention of docs/semantics.md's worked examples, golden expected.csv files and
 * the test kit's expected rows): a header naming the columns, then one record per row; an empty
 * field is NULL. Values are typed column by column, the way the reference's result types that
 * column, and parsed with {@link Values}.
 */
public final class ExpectedCsv {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

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
     * column's type is an {@link IllegalArgumentException} naming {@code name}, the record and the column.
     */
    public static ResultTable parse(String text, String name, List<DataType> types) {
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) {
                throw new IllegalArgumentException(name + " has no header row");
            }
            List<String> columns = records.get(0).toList();
            List<List<Object>> rows = new ArrayList<>();
            for (CSVRecord record : records.subList(1, records.size())) {
                if (record.size() != columns.size()) {
                    throw new IllegalArgumentException(name + " record " + record.getRecordNumber() + " has "
                            + record.size() + " fields; the header has " + columns.size());
                }
                List<Object> row = new ArrayList<>();
                for (int column = 0; column < columns.size(); column++) {
                    String field = record.get(column);
                    DataType type = column < types.size() ? types.get(column) : DataType.VARCHAR;
                    long line = record.getRecordNumber();
                    String columnName = columns.get(column);
                    row.add(field.isEmpty() ? null : Values.parse(field, type).orElseThrow(() ->
                            new IllegalArgumentException(name + " record " + line + ", column " + columnName + ": '"
                                    + field + "' is not " + Values.expectedForm(type))));
                }
                rows.add(row);
            }
            return ResultTable.sorted(columns, rows);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException(name + " is not valid CSV: " + e.getMessage(), e);
        }
    }
}
