package io.funnelql.events;

import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.Source;

import java.util.ArrayList;
import java.util.List;

/**
 * Events of one source, column by column ({@link ColumnValues}: primitive arrays for timestamps
 * and integers, dictionary codes for text); values read one at a time are the Java types of
 * {@link Values}, null for SQL NULL.
 */
public final class EventTable {
    private final Source source;
    private final ColumnValues[] columns;
    private final int rowCount;

    EventTable(Source source, ColumnValues[] columns, int rowCount) {
        this.source = source;
        this.columns = columns;
        this.rowCount = rowCount;
    }

    /** A table of rows given in the source's column order. */
    public static EventTable ofRows(Source source, List<Object[]> rows) {
        TableBuilder table = new TableBuilder(source);
        for (Object[] row : rows) {
            table.addValues(row);
        }
        return table.build(rows.size());
    }

    /** A table of whole columns given in the source's column order, all of one length. */
    public static EventTable ofColumns(Source source, Object[][] columns) {
        if (columns.length != source.columns().size()) {
            throw new IllegalArgumentException("expected " + source.columns().size() + " columns, got " + columns.length);
        }
        int rowCount = columns.length == 0 ? 0 : columns[0].length;
        ColumnValues[] built = new ColumnValues[columns.length];
        for (int column = 0; column < columns.length; column++) {
            if (columns[column].length != rowCount) {
                throw new IllegalArgumentException("columns differ in length");
            }
            ColumnBuilder builder = ColumnBuilder.of(source.columns().get(column).type());
            for (Object value : columns[column]) {
                builder.add(value);
            }
            built[column] = builder.build(rowCount);
        }
        return new EventTable(source, built, rowCount);
    }

    /** The rows in the source's column order: the inverse of {@link #ofRows}. */
    public List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>(rowCount);
        for (int row = 0; row < rowCount; row++) {
            Object[] values = new Object[columns.length];
            for (int column = 0; column < columns.length; column++) {
                values[column] = columns[column].value(row);
            }
            rows.add(values);
        }
        return rows;
    }

    public Source source() {
        return source;
    }

    public int rowCount() {
        return rowCount;
    }

    public int columnIndex(Column column) {
        int index = source.columns().indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("column " + column + " is not in source " + source.name());
        }
        return index;
    }

    public Object value(int column, int row) {
        return columns[column].value(row);
    }

    /** A column as stored, for readers of its primitive or dictionary form. */
    public ColumnValues values(int column) {
        return columns[column];
    }

    /** A column's values, boxed into a new array. */
    public Object[] column(int column) {
        Object[] values = new Object[rowCount];
        for (int row = 0; row < rowCount; row++) {
            values[row] = columns[column].value(row);
        }
        return values;
    }
}
