package io.funnelql.events;

import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.Source;

import java.util.List;

/** Fills an {@link EventTable} row by row, one {@link ColumnBuilder} per column of the source. */
final class TableBuilder {
    private final Source source;
    private final ColumnBuilder[] columns;

    TableBuilder(Source source) {
        this.source = source;
        List<Column> declared = source.columns();
        this.columns = new ColumnBuilder[declared.size()];
        for (int column = 0; column < columns.length; column++) {
            columns[column] = ColumnBuilder.of(declared.get(column).type());
        }
    }

    ColumnBuilder column(int column) {
        return columns[column];
    }

    /** A row of values in the source's column order. */
    void addValues(Object[] row) {
        for (int column = 0; column < columns.length; column++) {
            columns[column].add(row[column]);
        }
    }

    /** An added row's values, boxed. */
    Object[] row(int row) {
        Object[] values = new Object[columns.length];
        for (int column = 0; column < columns.length; column++) {
            values[column] = columns[column].value(row);
        }
        return values;
    }

    /** The table of the first {@code rows} rows added. */
    EventTable build(int rows) {
        ColumnValues[] built = new ColumnValues[columns.length];
        for (int column = 0; column < columns.length; column++) {
            built[column] = columns[column].build(rows);
        }
        return new EventTable(source, built, rows);
    }
}
