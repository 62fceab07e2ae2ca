package io.funnelql.golden.differential;

import io.funnelql.dsl.model.Source;
import io.funnelql.events.CsvEventReader;
import io.funnelql.events.EventFileException;
import io.funnelql.events.EventTable;
import io.funnelql.events.Values;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A dataset as a golden case's events.csv, and the event table read back from that very text:
 * what the engines and the reference run on is exactly what a failure prints.
 */
final class EventsCsv {
    private EventsCsv() {}

    /**
     * Every non-null value quoted, NULL an empty field: events.csv reads {@code ""} as the empty
     * string and an empty field as NULL, and generated data hold both.
     */
    static String write(GeneratedSpec spec, Dataset dataset) {
        return write(spec.shape(), dataset.rows(spec));
    }

    static String write(SourceShape shape, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').setQuoteMode(QuoteMode.ALL_NON_NULL).get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            printer.printRecord(shape.csvColumns());
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(value -> value == null ? null : Values.format(value)).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static EventTable read(String csv, Source source) {
        try {
            return CsvEventReader.read(new StringReader(csv), "events.csv", source);
        } catch (IOException | EventFileException e) {
            throw new AssertionError("generated events.csv does not read back:\n" + csv, e);
        }
    }
}
