package io.funnelql.input;

import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.Source;
import io.funnelql.events.CsvEventReader;
import io.funnelql.events.EventFileException;
import io.funnelql.events.EventTable;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Reading events files for commands and the test kit: every failure becomes a message for the user. */
public final class EventFiles {
    private EventFiles() {}

    /** Streams a file ordered by the query's key, one key at a time. */
    public static void streamByKey(Path file, Query query, Consumer<EventTable> perKey) {
        try {
            CsvEventReader.streamByKey(file, query.source(), query.partitionKey(), perKey);
        } catch (EventFileException e) {
            throw new UserInputException("funnelql: " + e.getMessage());
        }
    }

    public static EventTable read(Path file, Source source) {
        try {
            return CsvEventReader.read(file, source);
        } catch (EventFileException e) {
            throw new UserInputException("funnelql: " + e.getMessage());
        }
    }

    /** Events given as CSV text (the test kit's inline events); {@code name} stands for the file in messages. */
    public static EventTable read(String csv, String name, Source source) {
        try {
            return CsvEventReader.read(new StringReader(csv), name, source);
        } catch (EventFileException e) {
            throw new UserInputException("funnelql: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
    }
}
