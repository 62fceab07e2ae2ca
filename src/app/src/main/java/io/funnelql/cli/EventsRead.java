package io.funnelql.cli;

import io.funnelql.events.EventTable;

import java.time.LocalDateTime;
import java.util.Optional;

/** How many events a run read and the latest event time, for the report (streamed files add up batch by batch). */
record EventsRead(int count, Optional<LocalDateTime> last) {
    static final EventsRead NONE = new EventsRead(0, Optional.empty());

    static EventsRead of(EventTable table) {
        LocalDateTime last = null;
        for (Object value : table.column(table.columnIndex(table.source().time()))) {
            if (value instanceof LocalDateTime time && (last == null || time.isAfter(last))) {
                last = time;
            }
        }
        return new EventsRead(table.rowCount(), Optional.ofNullable(last));
    }

    EventsRead plus(EventsRead other) {
        Optional<LocalDateTime> later = last.isEmpty() ? other.last
                : other.last.filter(time -> time.isAfter(last.get())).or(() -> last);
        return new EventsRead(count + other.count, later);
    }
}
