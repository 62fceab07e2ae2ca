package io.funnelql.cli;

import io.funnelql.dsl.model.Source;
import io.funnelql.events.CsvEventReader;
import io.funnelql.events.EventFileException;
import io.funnelql.events.EventTable;

import java.nio.file.Path;

/** Reading events files for commands: every failure becomes a message for the user. */
final class EventFiles {
    private EventFiles() {}

    static EventTable read(Path file, Source source) {
        try {
            return CsvEventReader.read(file, source);
        } catch (EventFileException e) {
            throw new UserInputException("funnelql: " + e.getMessage());
        }
    }
}
