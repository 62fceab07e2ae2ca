package io.funnelql.golden;

import io.funnelql.dsl.model.DataType;
import io.funnelql.events.Values;
import io.funnelql.reference.result.ResultTable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * An expected result written as {@link io.funnelql.reference.result.ResultFormatter#csv} writes
 * results (the convention of docs/semantics.md's worked examples): a header naming the columns,
 * then one record per row; an empty field is NULL. Values are typed column by column, the way
 * the reference's result types that column, and parsed with {@link Values}.
 */
final class ExpectedCsv {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private ExpectedCsv() {}

    /** The column types of a result: each column's first non-NULL value's type, else {@code fallback}'s. */
    static List<DataType> columnTypes(ResultTable result, List<DataType> fallback) {
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

    /** Parses the CSV text; a field that is not a value of its column's type is an error naming line and column. */
    static ResultTable parse(String text, List<DataType> types) {
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) {
                throw new IllegalArgumentException("expected.csv has no header row");
            }
            List<String> columns = records.get(0).toList();
            List<List<Object>> rows = new ArrayList<>();
            for (CSVRecord record : records.subList(1, records.size())) {
                if (record.size() != columns.size()) {
                    throw new IllegalArgumentException("expected.csv line " + record.getRecordNumber() + " has "
                            + record.size() + " fields; the header has " + columns.size());
                }
                List<Object> row = new ArrayList<>();
                for (int column = 0; column < columns.size(); column++) {
                    String field = record.get(column);
                    DataType type = column < types.size() ? types.get(column) : DataType.VARCHAR;
                    int line = (int) record.getRecordNumber();
                    String name = columns.get(column);
                    row.add(field.isEmpty() ? null : Values.parse(field, type).orElseThrow(() ->
                            new IllegalArgumentException("expected.csv record " + line + ", column " + name + ": '"
                                    + field + "' is not " + Values.expectedForm(type))));
                }
                rows.add(row);
            }
            return ResultTable.sorted(columns, rows);
        } catch (IOException e) {
            throw new IllegalArgumentException("expected.csv is not valid CSV: " + e.getMessage(), e);
        }
    }
}
