package io.funnelql.golden.differential;

import io.funnelql.dsl.model.Source;
import io.funnelql.events.CsvEventReader;
import io.funnelql.events.EventFileException;
import io.funnelql.events.EventTable;
import io.funnelql.result.ResultFormatter;
import io.funnelql.result.ResultTable;

import java.io.IOException;
import java.io.StringReader;
import java.util.stream.Collectors;

/**
 * A dataset as a golden case's events.csv, and the event table read back from that very text:
 * what the engines and the reference run on is exactly what a failure prints.
 */
final class EventsCsv {
    private EventsCsv() {}

    /**
     * Written by the writer of results (ResultFormatter.csv, as expected.csv is). Its one
     * difference from events.csv: it writes a NULL first field as {@code ""}, which events.csv
     * reads as the empty string. Generated values are never empty strings, so a leading
     * {@code ""} is always a NULL and becomes an empty field.
     */
    static String write(GeneratedSpec spec, Dataset dataset) {
        String csv = ResultFormatter.csv(new ResultTable(spec.shape().csvColumns(), dataset.rows(spec)));
        return csv.lines().map(line -> line.startsWith("\"\"") ? line.substring(2) : line)
                .collect(Collectors.joining("\n", "", "\n"));
    }

    static EventTable read(String csv, Source source) {
        try {
            return CsvEventReader.read(new StringReader(csv), "events.csv", source);
        } catch (IOException | EventFileException e) {
            throw new AssertionError("generated events.csv does not read back:\n" + csv, e);
        }
    }
}
