package io.funnelql.golden.differential;

import java.util.ArrayList;
import java.util.List;

/**
 * Which columns a generated events table has. Every shape has user_id, occurred_at and
 * event_name; the others come and go, so specs meet tenants, two-column keys, NULL-producing
 * properties, event ids and the event-name role.
 */
record SourceShape(boolean tenant, boolean title, Property property, boolean eventId, boolean eventNameRole,
                   boolean oddNames) {
    static final String TENANT = "account_id";
    static final String USER = "user_id";
    static final String TITLE = "title_id";
    static final String TIME = "occurred_at";
    static final String EVENT_NAME = "event_name";
    static final String EVENT_ID = "event_id";

    /** An optional column that conditions, breakdowns and filters use; its NULLs test the null-condition knobs. */
    enum Property {
        NONE(null, null),
        TEXT("platform", "varchar"),
        NUMBER("amount", "double");

        final String column;
        final String type;

        Property(String column, String type) {
            this.column = column;
            this.type = type;
        }
    }

    /**
     * The property column's name in the table (and events.csv's header): with odd names, a name a
     * quoted identifier must carry intact through every engine (a quote, a line break, a comment
     * marker, a semicolon, a dollar sign).
     */
    String propertyColumn() {
        if (!oddNames) {
            return property.column;
        }
        return property == Property.TEXT ? "Plat \"form\"\n-- x" : "amount; $1 /*";
    }

    /** The property column as a spec writes it: plain, or quoted with its quotes doubled. */
    String propertyReference() {
        return oddNames ? '"' + propertyColumn().replace("\"", "\"\"") + '"' : property.column;
    }

    /** The source declaration, first line of every generated spec. */
    String declaration() {
        StringBuilder text = new StringBuilder("source events from table events (key " + USER + ", time " + TIME);
        if (tenant) {
            text.append(", tenant ").append(TENANT);
        }
        if (eventId) {
            text.append(", event id ").append(EVENT_ID);
        }
        if (eventNameRole) {
            text.append(", event name ").append(EVENT_NAME);
        }
        text.append(",\n  columns (").append(EVENT_NAME).append(" varchar");
        if (title) {
            text.append(", ").append(TITLE).append(" bigint");
        }
        if (property != Property.NONE) {
            text.append(", ").append(propertyReference()).append(' ').append(property.type);
        }
        if (eventId) {
            text.append(", ").append(EVENT_ID).append(" varchar");
        }
        return text.append("));").toString();
    }

    /** The header of events.csv, in the order golden cases write it: tenant and key first. */
    List<String> csvColumns() {
        List<String> columns = new ArrayList<>();
        if (tenant) {
            columns.add(TENANT);
        }
        columns.add(USER);
        if (title) {
            columns.add(TITLE);
        }
        columns.add(TIME);
        columns.add(EVENT_NAME);
        if (property != Property.NONE) {
            columns.add(propertyColumn());
        }
        if (eventId) {
            columns.add(EVENT_ID);
        }
        return columns;
    }
}
