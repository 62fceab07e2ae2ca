package io.funnelql.engine;

import io.funnelql.events.EventTable;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Rows in PostgreSQL COPY's CSV format. NULL is an unquoted empty field; every other value is
 * quoted, so '' stays an empty string and a lone {@code \.} is data, not the end marker.
 * Backslashes are plain characters in CSV, so only quotes need escaping.
 */
final class CopyCsv {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private CopyCsv() {}

    static void write(EventTable events, Writer out) throws IOException {
        int width = events.source().columns().size();
        for (int row = 0; row < events.rowCount(); row++) {
            for (int c = 0; c < width; c++) {
                if (c > 0) {
                    out.write(',');
                }
                Object value = JdbcEngine.loadValue(events.value(c, row));
                if (value != null) {
                    out.write('"');
                    out.write(text(value).replace("\"", "\"\""));
                    out.write('"');
                }
            }
            out.write('\n');
        }
    }

    /** Double.toString round-trips exactly and PostgreSQL reads its NaN and Infinity. */
    static String text(Object value) {
        return value instanceof LocalDateTime timestamp ? timestamp.format(TIMESTAMP) : value.toString();
    }
}
