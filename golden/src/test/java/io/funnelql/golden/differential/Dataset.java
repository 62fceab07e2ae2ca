package io.funnelql.golden.differential;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** The events of one generated dataset. {@code wholeSeconds} drops every sub-second fraction. */
record Dataset(List<GeneratedEvent> events, boolean wholeSeconds) {
    /** The rows in the shape's events.csv column order, times resolved. */
    List<List<Object>> rows(GeneratedSpec spec) {
        SourceShape shape = spec.shape();
        List<List<Object>> rows = new ArrayList<>();
        LocalDateTime previous = null;
        for (GeneratedEvent event : events) {
            LocalDateTime time = event.time().resolve(spec.grid(), previous, wholeSeconds);
            previous = time;
            List<Object> row = new ArrayList<>();
            if (shape.tenant()) {
                row.add(event.tenant());
            }
            row.add(event.user());
            if (shape.title()) {
                row.add(event.title());
            }
            row.add(time);
            row.add(event.eventName());
            if (shape.property() != SourceShape.Property.NONE) {
                row.add(event.property());
            }
            if (shape.eventId()) {
                row.add(event.eventId());
            }
            rows.add(row);
        }
        return rows;
    }
}
