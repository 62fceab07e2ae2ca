package io.funnelql.golden.differential;

import io.funnelql.dsl.model.Source;
import io.funnelql.events.CsvEventReader;
import io.funnelql.events.EventFileException;
import io.funnelql.events.EventTable;
import io.funnelql.result.ResultFormatter;
import io.funnelql.result.ResultTable;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

/**
 * A dataset as a golden case's events.csv, and the event table read back from that very text:
 * what the engines and the reference run on is exactly what a failure prints.
 */
final class EventsCsv {
    private EventsCsv() {}

    /**
     * Written by the writer of results (ResultFormatter.csv, as expected.csv is), whose CSV the
     * events reader reads back to the same values: NULL an empty field, the empty string {@code ""}.
     */
    static String write(GeneratedSpec spec, Dataset dataset) {
        return write(spec.shape(), dataset.rows(spec));
    }

    static String write(SourceShape shape, List<List<Object>> rows) {
        return ResultFormatter.csv(new ResultTable(shape.csvColumns(), rows));
    }

    static EventTable read(String csv, Source source) {
        try {
            return CsvEventReader.read(new StringReader(csv), "events.csv", source);
        } catch (IOException | EventFileException e) {
            throw new AssertionError("generated events.csv does not read back:\n" + csv, e);
        }
    }
}
