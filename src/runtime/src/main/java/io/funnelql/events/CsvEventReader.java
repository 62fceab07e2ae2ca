package io.funnelql.events;

import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.Source;
import io.funnelql.result.ValueOrder;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads an events CSV: a header row naming the source's columns (in any order; extra columns
 * are ignored), then one event per record, every record with as many fields as the header. An
 * unquoted empty field is NULL; a quoted empty field ({@code ""}) is the empty string. The text
 * is UTF-8 (a byte-order mark is skipped); a file whose first bytes are gzip's is read through
 * gzip. Every problem names file, line and column ({@link CsvScanner}); docs/inputs.md has the rules.
 */
public final class CsvEventReader {
    private CsvEventReader() {}

    public static EventTable read(Path file, Source source) throws EventFileException {
        try (InputStream in = open(file)) {
            return read(in, file.toString(), source);
        } catch (NoSuchFileException e) {
            throw new EventFileException(file + ": no such file");
        } catch (IOException e) {
            throw new EventFileException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** Reads UTF-8 CSV bytes (gzip-compressed or not, by their first bytes); {@code name} stands for the file in messages. */
    public static EventTable read(InputStream in, String name, Source source) throws EventFileException {
        try {
            return read(new Utf8Reader(gunzipped(in, name)), name, source);
        } catch (IOException e) {
            throw new EventFileException(name + ": cannot read: " + e.getMessage());
        }
    }

    public static EventTable read(Reader reader, String fileName, Source source) throws IOException, EventFileException {
        try (CsvScanner scanner = new CsvScanner(reader, fileName)) {
            RowReader rows = new RowReader(scanner, source);
            TableBuilder table = new TableBuilder(source);
            int count = 0;
            while (rows.next(table)) {
                count++;
            }
            return table.build(count);
        }
    }

    /**
     * Streams a file whose rows are ordered by {@code key} (ascending, as FunnelQL orders
     * values: NULLs first, strings by code point): one table per key, so memory holds one key's
     * rows at a time. A key out of order is an error, never a silently split key.
     */
    public static void streamByKey(Path file, Source source, List<Column> key, Consumer<EventTable> perKey)
            throws EventFileException {
        try (InputStream in = open(file)) {
            streamByKey(in, file.toString(), source, key, perKey);
        } catch (NoSuchFileException e) {
            throw new EventFileException(file + ": no such file");
        } catch (IOException e) {
            throw new EventFileException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** {@link #streamByKey(Path, Source, List, Consumer)} over bytes (standard input, say). */
    public static void streamByKey(InputStream in, String name, Source source, List<Column> key,
                                   Consumer<EventTable> perKey) throws EventFileException {
        int[] keyColumns = key.stream().mapToInt(source.columns()::indexOf).toArray();
        try (CsvScanner scanner = new CsvScanner(new Utf8Reader(gunzipped(in, name)), name)) {
            RowReader rows = new RowReader(scanner, source);
            TableBuilder batch = new TableBuilder(source);
            int batchRows = 0;
            List<Object> batchKey = null;
            String[] batchKeyText = null;
            while (rows.next(batch)) {
                // The same key text is the same key: only a change of text needs the values compared.
                String[] keyText = rows.fields(keyColumns);
                if (!Arrays.equals(keyText, batchKeyText)) {
                    List<Object> rowKey = new ArrayList<>(keyColumns.length);
                    for (int column : keyColumns) {
                        rowKey.add(batch.column(column).value(batchRows));
                    }
                    int order = batchKey == null ? 1 : ValueOrder.compareLists(rowKey, batchKey);
                    if (order < 0) {
                        throw new EventFileException(name + ":" + scanner.fieldLine(0) + ": rows are not ordered by "
                                + key.stream().map(c -> c.name().value()).toList() + ": " + Shown.escaped(rowKey.toString())
                                + " comes after " + Shown.escaped(batchKey.toString())
                                + " (sort the file by key and time, or run without --presorted)");
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
        } catch (IOException e) {
            throw new EventFileException(name + ": cannot read: " + e.getMessage());
        }
    }

    private static InputStream open(Path file) throws IOException {
        return Files.newInputStream(file);
    }

    /** The bytes themselves, or what they decompress to when they start as gzip does (1f 8b). */
    static InputStream gunzipped(InputStream in, String name) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        if (first == 0x1f && second == 0x8b) {
            try {
                return new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16);
            } catch (IOException e) {
                throw new IOException("the gzip data is damaged or cut short (" + e.getMessage() + ")", e);
            }
        }
        return buffered;
    }

    /** Rows of a CSV file, each parsed straight into the columns of a {@link TableBuilder}. */
    private static final class RowReader {
        private final CsvScanner scanner;
        private final List<Column> columns;
        private final int[] fieldOfColumn;
        private final int width;
        private String[] record;

        RowReader(CsvScanner scanner, Source source) throws EventFileException {
            this.scanner = scanner;
            this.columns = source.columns();
            String[] header = scanner.next();
            if (header == null) {
                throw new EventFileException(scanner.name() + ":1: the file is empty: expected a header row naming "
                        + "the columns of source " + source.name().display());
            }
            this.width = header.length;
            this.fieldOfColumn = fieldPositions(header, scanner, source);
            scanner.skipBlankLines(width > 1);
        }

        /** Adds the next record as a row of {@code table}; false at the end of the file. */
        boolean next(TableBuilder table) throws EventFileException {
            record = scanner.next();
            if (record == null) {
                return false;
            }
            if (record.length != width) {
                String counted = record.length + (record.length == 1 ? " field" : " fields") + " where the header has "
                        + width;
                throw record.length < width
                        ? scanner.error(scanner.endLine(), scanner.endColumn(), counted
                                + " (a missing field, or a line break inside an unquoted value?)")
                        : scanner.error(scanner.fieldLine(width), scanner.fieldColumn(width), counted
                                + " (a comma inside an unquoted value? quote the value)");
            }
            for (int column = 0; column < columns.size(); column++) {
                int field = fieldOfColumn[column];
                String text = record[field];
                ColumnBuilder builder = table.column(column);
                if (text == null) {
                    builder.addNull();
                    continue;
                }
                String problem = builder.addText(text);
                if (problem != null) {
                    throw scanner.error(scanner.fieldLine(field), scanner.fieldColumn(field), "column "
                            + columns.get(column).name().display() + ": " + Shown.quoted(text) + " " + problem);
                }
            }
            return true;
        }

        /** The last record's text of the given columns (null for an empty field). */
        String[] fields(int[] selected) {
            String[] texts = new String[selected.length];
            for (int i = 0; i < selected.length; i++) {
                texts[i] = record[fieldOfColumn[selected[i]]];
            }
            return texts;
        }
    }

    /**
     * Each source column's field: the header name equal to a quoted column name, or equal ignoring
     * case and surrounding blanks to an unquoted one. A name the header repeats, or two header
     * names one column could read, is an error: neither may silently win.
     */
    private static int[] fieldPositions(String[] header, CsvScanner scanner, Source source) throws EventFileException {
        for (int field = 0; field < header.length; field++) {
            for (int earlier = 0; earlier < field; earlier++) {
                if (header[field] != null && header[field].equals(header[earlier])) {
                    throw scanner.error(1, scanner.fieldColumn(field), "the header names " + Shown.quoted(header[field])
                            + " twice (fields " + (earlier + 1) + " and " + (field + 1) + "): which one holds the values?");
                }
            }
        }
        int[] positions = new int[source.columns().size()];
        List<String> missing = new ArrayList<>();
        for (int column = 0; column < positions.length; column++) {
            Column declared = source.columns().get(column);
            positions[column] = -1;
            for (int field = 0; field < header.length; field++) {
                String name = header[field] == null ? "" : header[field];
                boolean matches = declared.name().quoted()
                        ? name.equals(declared.name().value())
                        : name.strip().toLowerCase(Locale.ROOT).equals(declared.name().value().toLowerCase(Locale.ROOT));
                if (!matches) {
                    continue;
                }
                if (positions[column] >= 0) {
                    throw scanner.error(1, scanner.fieldColumn(field), "the header names column "
                            + declared.name().display() + " twice: " + Shown.quoted(header[positions[column]]) + " (field "
                            + (positions[column] + 1) + ") and " + Shown.quoted(name) + " (field " + (field + 1)
                            + "); which one holds the values?");
                }
                positions[column] = field;
            }
            if (positions[column] < 0) {
                missing.add(declared.name().value());
            }
        }
        if (!missing.isEmpty()) {
            List<String> names = Arrays.stream(header).map(name -> name == null ? "" : Shown.escaped(name)).toList();
            throw new EventFileException(scanner.name() + ":1: the header lacks column" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing) + " of source " + source.name().display() + "; it has: "
                    + String.join(", ", names));
        }
        return positions;
    }
}
