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
            TableBuilder table = new TableBuilder(source);
            int count = 0;
            while (rows.hasNext()) {
                rows.next(table);
                count++;
            }
            return table.build(count);
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
            TableBuilder batch = new TableBuilder(source);
            int batchRows = 0;
            List<Object> batchKey = null;
            String[] batchKeyText = null;
            while (rows.hasNext()) {
                rows.next(batch);
                // The same key text is the same key: only a change of text needs the values compared.
                String[] keyText = rows.fields(keyColumns);
                if (!Arrays.equals(keyText, batchKeyText)) {
                    List<Object> rowKey = new ArrayList<>(keyColumns.length);
                    for (int column : keyColumns) {
                        rowKey.add(batch.column(column).value(batchRows));
                    }
                    int order = batchKey == null ? 1 : ValueOrder.compareLists(rowKey, batchKey);
                    if (order < 0) {
                        throw new EventFileException(file + ":" + rows.line() + ": rows are not ordered by "
                                + key.stream().map(c -> c.name().value()).toList() + ": " + rowKey + " comes after "
                                + batchKey + " (sort the file by key and time, or run without --presorted)");
                    }
                    if (order > 0 && batchRows > 0) {
                        Object[] first = batch.row(batchRows); // the new key's first row opens the next batch
                        perKey.accept(batch.build(batchRows));
                        batch = new TableBuilder(source);
                        batch.addValues(first);
                        batchRows = 0;
                    }
                    batchKey = rowKey;
                    batchKeyText = keyText;
                }
                batchRows++;
            }
            if (batchRows > 0) {
                perKey.accept(batch.build(batchRows));
            }
        } catch (NoSuchFileException e) {
            throw new EventFileException(file + ": no such file");
        } catch (IOException | UncheckedIOException e) {
            throw new EventFileException(file + ": cannot read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new EventFileException(file + ": not a valid CSV file: " + e.getMessage());
        }
    }

    /** Rows of a CSV file, each parsed straight into the columns of a {@link TableBuilder}. */
    private static final class RowReader {
        private final Iterator<CSVRecord> records;
        private final String fileName;
        private final List<Column> columns;
        private final int[] fieldOfColumn;
        private CSVRecord record;
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

        /** Adds the next record as a row of {@code table}, or says which field is not of its column's type. */
        void next(TableBuilder table) throws EventFileException {
            record = records.next();
            line = (int) record.getParser().getCurrentLineNumber();
            for (int column = 0; column < columns.size(); column++) {
                String text = text(column);
                ColumnBuilder builder = table.column(column);
                if (text == null) {
                    builder.addNull();
                } else if (!builder.addText(text)) {
                    Column declared = columns.get(column);
                    throw new EventFileException(fileName + ":" + line + ":" + (fieldOfColumn[column] + 1) + ": column "
                            + declared.name().display() + ": '" + text + "' is not " + Values.expectedForm(declared.type()));
                }
            }
        }

        /** The last record's text of the given columns (null for an empty field). */
        String[] fields(int[] selected) {
            String[] texts = new String[selected.length];
            for (int i = 0; i < selected.length; i++) {
                texts[i] = text(selected[i]);
            }
            return texts;
        }

        private String text(int column) {
            int field = fieldOfColumn[column];
            return field < record.size() ? record.get(field) : null;
        }

        /** The line the last row ended on. */
        int line() {
            return line;
        }
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
