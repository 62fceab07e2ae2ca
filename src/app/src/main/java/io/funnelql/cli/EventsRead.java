package io.funnelql.cli;

import io.funnelql.events.ColumnValues;
import io.funnelql.events.EventTable;

import java.time.LocalDateTime;
import java.util.Optional;

/** How many events a run read and the latest event time, for the report (streamed files add up batch by batch). */
record EventsRead(int count, Optional<LocalDateTime> last) {
    static final EventsRead NONE = new EventsRead(0, Optional.empty());

    static EventsRead of(EventTable table) {
        // Compared as stored (NULLs first, so never the latest), boxed once: no value per row.
        ColumnValues times = table.values(table.columnIndex(table.source().time()));
        int latest = -1;
        for (int row = 0; row < table.rowCount(); row++) {
            if (!times.isNull(row) && (latest < 0 || times.compare(row, latest) > 0)) {
                latest = row;
            }
        }
        return new EventsRead(table.rowCount(), Optional.ofNullable(latest < 0 ? null : (LocalDateTime) times.value(latest)));
    }

    EventsRead plus(EventsRead other) {
        Optional<LocalDateTime> later = last.isEmpty() ? other.last
                : other.last.filter(time -> time.isAfter(last.get())).or(() -> last);
        return new EventsRead(count + other.count, later);
    }
}
