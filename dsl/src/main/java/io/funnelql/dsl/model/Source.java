package io.funnelql.dsl.model;

import java.util.List;
import java.util.Optional;

/**
 * An event table: its default counting key, its time column, an optional tenant column that
 * every key and partition carries, an optional event id for de-duplication, and all its columns
 * (the key, time, tenant and event id columns included) in declaration order.
 */
public record Source(
        Name name,
        TableName table,
        Column key,
        Column time,
        Optional<Column> tenant,
        Optional<Column> eventId,
        Optional<Column> eventName,
        List<Column> columns) {

    public Source {
        columns = List.copyOf(columns);
    }

    public Optional<Column> column(Name columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }
}
