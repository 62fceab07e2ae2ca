package io.funnelql.reference.sessions;

import io.funnelql.dsl.model.Micros;
import io.funnelql.dsl.model.SessionsQuery;
import io.funnelql.dsl.model.SessionsReport;
import io.funnelql.events.Values;
import io.funnelql.reference.KeyGroup;
import io.funnelql.reference.KeyGrouping;
import io.funnelql.reference.QueryExecutor;
import io.funnelql.reference.QueryRows;
import io.funnelql.result.ResultTable;
import io.funnelql.result.Statistics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sessions: a key's events split where the gap to the previous event is strictly greater than
 * the gap, or where the session would exceed its maximum length. A repeated event id (when the
 * source declares one) is counted once: the first occurrence in event order is kept.
 */
public final class SessionsExecutor implements QueryExecutor {
    private final SessionsQuery query;
    private final List<List<Object>> sessions = new ArrayList<>();
    private final List<List<Object>> events = new ArrayList<>();

    public SessionsExecutor(SessionsQuery query) {
        this.query = query;
    }

    @Override
    public void accumulate(QueryRows rows) {
        List<KeyGroup> groups = KeyGrouping.group(rows.table(), query.partitionKey(), query.source().time(), rows::passesFilter);
        long gap = Micros.of(query.gap());
        long maxLength = query.maxLength().map(Micros::of).orElse(Long.MAX_VALUE);
        int eventIdColumn = query.source().eventId().map(rows.table()::columnIndex).orElse(-1);
        int eventNameColumn = query.source().eventName().map(rows.table()::columnIndex).orElse(-1);
        for (KeyGroup group : groups) {
            Set<Object> seenIds = new HashSet<>();
            long number = 0;
            long start = 0;
            long previous = 0;
            List<Integer> current = new ArrayList<>();
            for (int position = 0; position < group.size(); position++) {
                int row = group.rows()[position];
                if (eventIdColumn >= 0) {
                    Object id = rows.table().value(eventIdColumn, row);
                    if (id != null && !seenIds.add(id)) {
                        continue;
                    }
                }
                long time = group.times()[position];
                if (current.isEmpty() || time - previous > gap || time - start > maxLength) {
                    if (!current.isEmpty()) {
                        sessions.add(session(rows, group, number, current, eventNameColumn));
                    }
                    number++;
                    start = time;
                    current = new ArrayList<>();
                }
                current.add(position);
                previous = time;
                List<Object> event = new ArrayList<>(group.key());
                event.add(Values.fromEpochMicros(time));
                if (eventIdColumn >= 0) {
                    event.add(rows.table().value(eventIdColumn, row));
                }
                if (eventNameColumn >= 0) {
                    event.add(rows.table().value(eventNameColumn, row));
                }
                event.add(number);
                events.add(event);
            }
            if (!current.isEmpty()) {
                sessions.add(session(rows, group, number, current, eventNameColumn));
            }
        }
    }

    @Override
    public ResultTable finish() {
        List<String> keyColumns = query.partitionKey().stream().map(c -> c.name().value()).toList();
        if (query.report() == SessionsReport.EVENTS) {
            List<String> columns = new ArrayList<>(keyColumns);
            columns.add(query.source().time().name().value());
            query.source().eventId().ifPresent(c -> columns.add(c.name().value()));
            query.source().eventName().ifPresent(c -> columns.add(c.name().value()));
            columns.add("session_number");
            return ResultTable.sorted(columns, events);
        }
        List<String> columns = new ArrayList<>(keyColumns);
        columns.addAll(List.of("session_number", "session_id", "session_start", "session_end", "duration_seconds",
                "event_count"));
        if (query.source().eventName().isPresent()) {
            columns.addAll(List.of("first_event", "last_event"));
        }
        return ResultTable.sorted(columns, sessions);
    }

    private static List<Object> session(QueryRows rows, KeyGroup group, long number, List<Integer> positions, int eventNameColumn) {
        long start = group.times()[positions.get(0)];
        long end = group.times()[positions.get(positions.size() - 1)];
        List<Object> row = new ArrayList<>(group.key());
        row.add(number);
        row.add(sessionId(group.key(), start));
        row.add(Values.fromEpochMicros(start));
        row.add(Values.fromEpochMicros(end));
        row.add(Statistics.round((end - start) / 1_000_000.0));
        row.add((long) positions.size());
        if (eventNameColumn >= 0) {
            row.add(rows.table().value(eventNameColumn, group.rows()[positions.get(0)]));
            row.add(rows.table().value(eventNameColumn, group.rows()[positions.get(positions.size() - 1)]));
        }
        return row;
    }

    /**
     * Stable across re-runs and batches: the key and the session's start, which a later event
     * of the same session does not change.
     */
    static String sessionId(List<Object> key, long startMicros) {
        return key.stream().map(Values::format).collect(Collectors.joining("/")) + "/"
                + Values.format(Values.fromEpochMicros(startMicros));
    }
}
