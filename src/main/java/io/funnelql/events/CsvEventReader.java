package io.funnelql.events;

import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.Source;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an events CSV: a header row naming the source's columns (in any order; extra columns
 * are ignored), then one event per record. An empty field is NULL; a quoted empty field
 * ({@code ""}) is the empty string.
 */
public final class CsvEventReader {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setNullString("")
            .setQuoteMode(QuoteMode.ALL_NON_NULL) // keeps "" apart from an empty (NULL) field
            .setTrim(false)
            .get();

    private CsvEventReader() {}

    public static EventTable read(Path file, Source source) throws EventFileException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString(), source);
        } catch (NoSuchFileException e) {
            throw new EventFileException(file + ": no such file");
        } catch (IOException | UncheckedIOException e) {
            throw new EventFileException(file + ": cannot read: " + e.getMessage());
        }
    }

    public static EventTable read(Reader reader, String fileName, Source source) throws IOException, EventFileException {
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            int[] fieldOfColumn = fieldPositions(parser.getHeaderMap(), source, fileName);
            List<Column> columns = source.columns();
            List<Object[]> values = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            for (CSVRecord record : parser) {
                int line = (int) record.getParser().getCurrentLineNumber();
                Object[] row = new Object[columns.size()];
                for (int column = 0; column < columns.size(); column++) {
                    int field = fieldOfColumn[column];
                    String text = field < record.size() ? record.get(field) : null;
                    row[column] = text == null ? null : parse(text, columns.get(column), fileName, line, field);
                }
                values.add(row);
                lines.add(line);
            }
            Object[][] byColumn = new Object[columns.size()][values.size()];
            for (int row = 0; row < values.size(); row++) {
                for (int column = 0; column < columns.size(); column++) {
                    byColumn[column][row] = values.get(row)[column];
                }
            }
            return new EventTable(source, byColumn, lines.stream().mapToInt(Integer::intValue).toArray(), values.size());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new EventFileException(fileName + ": not a valid CSV file: " + e.getMessage());
        }
    }

    private static Object parse(String text, Column column, String fileName, int line, int field) throws EventFileException {
        Optional<Object> value = Values.parse(text, column.type());
        if (value.isEmpty()) {
            throw new EventFileException(fileName + ":" + line + ":" + (field + 1) + ": column " + column.name().display()
                    + ": '" + text + "' is not " + Values.expectedForm(column.type()));
        }
        return value.get();
    }

    private static int[] fieldPositions(Map<String, Integer> header, Source source, String fileName) throws EventFileException {
        if (header == null || header.isEmpty()) {
            throw new EventFileException(fileName + ":1: the file has no header row");
        }
        int[] positions = new int[source.columns().size()];
        List<String> missing = new ArrayList<>();
        for (int column = 0; column < positions.length; column++) {
            Column declared = source.columns().get(column);
            positions[column] = header.entrySet().stream()
                    .filter(entry -> declared.name().quoted()
                            ? entry.getKey().equals(declared.name().value())
                            : entry.getKey().strip().equalsIgnoreCase(declared.name().value()))
                    .mapToInt(Map.Entry::getValue)
                    .findFirst()
                    .orElse(-1);
            if (positions[column] < 0) {
                missing.add(declared.name().value());
            }
        }
        if (!missing.isEmpty()) {
            throw new EventFileException(fileName + ":1: the header lacks column" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing) + " of source " + source.name().display() + "; it has: "
                    + String.join(", ", Arrays.asList(header.keySet().toArray(String[]::new))));
        }
        return positions;
    }
}
