package io.funnelql.events;

import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.Source;

import java.util.ArrayList;
import java.util.List;

/**
 * Events of one source, column by column, as read: values are the Java types of {@link Values},
 * null for SQL NULL.
 */
public final class EventTable {
    private final Source source;
    private final Object[][] columns;
    private final int rowCount;

    private EventTable(Source source, Object[][] columns, int rowCount) {
        this.source = source;
        this.columns = columns;
        this.rowCount = rowCount;
    }

    /** A table of rows given in the source's column order. */
    public static EventTable ofRows(Source source, List<Object[]> rows) {
        int width = source.columns().size();
        Object[][] columns = new Object[width][rows.size()];
        for (int row = 0; row < rows.size(); row++) {
            for (int column = 0; column < width; column++) {
                columns[column][row] = rows.get(row)[column];
            }
        }
        return new EventTable(source, columns, rows.size());
    }

    /** A table of whole columns given in the source's column order, all of one length; the arrays are not copied. */
    public static EventTable ofColumns(Source source, Object[][] columns) {
        if (columns.length != source.columns().size()) {
            throw new IllegalArgumentException("expected " + source.columns().size() + " columns, got " + columns.length);
        }
        int rowCount = columns.length == 0 ? 0 : columns[0].length;
        for (Object[] column : columns) {
            if (column.length != rowCount) {
                throw new IllegalArgumentException("columns differ in length");
            }
        }
        return new EventTable(source, columns, rowCount);
    }

    /** The rows in the source's column order: the inverse of {@link #ofRows}. */
    public List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>(rowCount);
        for (int row = 0; row < rowCount; row++) {
            Object[] values = new Object[columns.length];
            for (int column = 0; column < columns.length; column++) {
                values[column] = columns[column][row];
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
        return columns[column][row];
    }

    public Object[] column(int column) {
        return columns[column];
    }
}
