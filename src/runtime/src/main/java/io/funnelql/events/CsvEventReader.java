package io.funnelql.events;

import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.Source;
import io.funnelql.result.ValueOrder;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

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
            RowReader rows = new RowReader(parser, fileName, source);
            List<Object[]> values = new ArrayList<>();
            while (rows.hasNext()) {
                values.add(rows.next());
            }
            return EventTable.ofRows(source, values);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new EventFileException(fileName + ": not a valid CSV file: " + e.getMessage());
        }
    }

    /**
     * Streams a file whose rows are ordered by {@code key} (ascending, as FunnelQL orders
     * values: NULLs first, strings by code point): one table per key, so memory holds one key's
     * rows at a time. A key out of order is an error, never a silently split key.
     */
    public static void streamByKey(Path file, Source source, List<Column> key, Consumer<EventTable> perKey)
            throws EventFileException {
        int[] keyColumns = key.stream().mapToInt(source.columns()::indexOf).toArray();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            RowReader rows = new RowReader(parser, file.toString(), source);
            List<Object[]> batch = new ArrayList<>();
            List<Object> batchKey = null;
            while (rows.hasNext()) {
                Object[] row = rows.next();
                List<Object> rowKey = new ArrayList<>(keyColumns.length);
                for (int column : keyColumns) {
                    rowKey.add(row[column]);
                }
                int order = batchKey == null ? 1 : ValueOrder.compareLists(rowKey, batchKey);
                if (order < 0) {
                    throw new EventFileException(file + ":" + rows.line() + ": rows are not ordered by "
                            + key.stream().map(c -> c.name().value()).toList() + ": " + rowKey + " comes after "
                            + batchKey + " (sort the file by key and time, or run without --presorted)");
                }
                if (order > 0 && !batch.isEmpty()) {
                    perKey.accept(EventTable.ofRows(source, batch));
                    batch = new ArrayList<>();
                }
                batchKey = rowKey;
                batch.add(row);
            }
            if (!batch.isEmpty()) {
                perKey.accept(EventTable.ofRows(source, batch));
            }
        } catch (NoSuchFileException e) {
            throw new EventFileException(file + ": no such file");
        } catch (IOException | UncheckedIOException e) {
            throw new EventFileException(file + ": cannot read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new EventFileException(file + ": not a valid CSV file: " + e.getMessage());
        }
    }

    /** Typed rows of a CSV file in the source's column order. */
    private static final class RowReader {
        private final Iterator<CSVRecord> records;
        private final String fileName;
        private final List<Column> columns;
        private final int[] fieldOfColumn;
        private int line;

        RowReader(CSVParser parser, String fileName, Source source) throws EventFileException {
            this.records = parser.iterator();
            this.fileName = fileName;
            this.columns = source.columns();
            this.fieldOfColumn = fieldPositions(parser.getHeaderMap(), source, fileName);
        }

        boolean hasNext() {
            return records.hasNext();
        }

        Object[] next() throws EventFileException {
            CSVRecord record = records.next();
            line = (int) record.getParser().getCurrentLineNumber();
            Object[] row = new Object[columns.size()];
            for (int column = 0; column < columns.size(); column++) {
                int field = fieldOfColumn[column];
                String text = field < record.size() ? record.get(field) : null;
                row[column] = text == null ? null : parse(text, columns.get(column), fileName, line, field);
            }
            return row;
        }

        /** The line the last row ended on. */
        int line() {
            return line;
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
