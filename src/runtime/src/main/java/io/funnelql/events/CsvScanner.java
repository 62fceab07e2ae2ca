package io.funnelql.events;

import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.zip.ZipException;

/**
 * Strict CSV (RFC 4180) records with the line and column of every field, for events files and
 * expected results (docs/inputs.md, "CSV"):
 *
 * <ul>
 *   <li>fields are separated by commas and records by LF, CRLF or CR;</li>
 *   <li>an unquoted empty field is NULL ({@code null} here); a quoted one ({@code ""}) is the
 *       empty string; a quote inside a quoted field is doubled;</li>
 *   <li>a quote inside an unquoted field, text after a closing quote, a quote never closed and a
 *       NUL character are errors naming file, line and column;</li>
 *   <li>a UTF-8 byte-order mark at the start is skipped; a blank line is skipped unless records
 *       have a single field, where it is that field's NULL.</li>
 * </ul>
 *
 * Lines and columns count from 1; a column counts characters (UTF-16 units). Field counts are
 * the caller's to check, with {@link #fieldLine}, {@link #fieldColumn} and {@link #endColumn}.
 */
public final class CsvScanner implements AutoCloseable {
    private static final int END = -1;

    private final Reader reader;
    private final String name;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private boolean started;
    private boolean endOfInput;
    /** Where the next character is. */
    private int line = 1;
    private int column = 1;
    private boolean skipBlankLines = true;

    private final StringBuilder text = new StringBuilder();
    private String[] fields = new String[16];
    private int[] fieldLines = new int[16];
    private int[] fieldColumns = new int[16];
    private int count;
    private int endLine;
    private int endColumn;

    public CsvScanner(Reader reader, String name) {
        this.reader = reader;
        this.name = name;
    }

    /** Whether a blank line is skipped (the default) or read as a record of one NULL field. */
    public void skipBlankLines(boolean skip) {
        this.skipBlankLines = skip;
    }

    /** The next record's fields (null for NULL), or null after the last record. */
    public String[] next() throws EventFileException {
        while (true) {
            int c = peek();
            if (c == END) {
                return null;
            }
            count = 0;
            if (c == '\n' || c == '\r') {
                if (skipBlankLines) {
                    lineEnd();
                    continue;
                }
                add(null, line, column);
                endLine = line;
                endColumn = column;
                lineEnd();
                return Arrays.copyOf(fields, 1);
            }
            record();
            return Arrays.copyOf(fields, count);
        }
    }

    /** The line the last record's field {@code field} starts on. */
    public int fieldLine(int field) {
        return fieldLines[field];
    }

    /** The column the last record's field {@code field} starts at. */
    public int fieldColumn(int field) {
        return fieldColumns[field];
    }

    /** The line the last record ends on. */
    public int endLine() {
        return endLine;
    }

    /** The column just after the last record's last character. */
    public int endColumn() {
        return endColumn;
    }

    /** The file name messages start with. */
    public String name() {
        return name;
    }

    /** A message for a problem at a position: {@code name:line:column: message}. */
    public EventFileException error(int atLine, int atColumn, String message) {
        return new EventFileException(name + ":" + atLine + ":" + atColumn + ": " + message);
    }

    private void record() throws EventFileException {
        while (true) {
            int fieldLine = line;
            int fieldColumn = column;
            add(peek() == '"' ? quoted() : unquoted(), fieldLine, fieldColumn);
            int c = peek();
            if (c == ',') {
                advance();
                continue;
            }
            endLine = line;
            endColumn = column;
            if (c != END) {
                lineEnd();
            }
            return;
        }
    }

    private void add(String value, int fieldLine, int fieldColumn) {
        if (count == fields.length) {
            fields = Arrays.copyOf(fields, count * 2);
            fieldLines = Arrays.copyOf(fieldLines, count * 2);
            fieldColumns = Arrays.copyOf(fieldColumns, count * 2);
        }
        fields[count] = value;
        fieldLines[count] = fieldLine;
        fieldColumns[count++] = fieldColumn;
    }

    /** Up to the next comma or line end, straight from the buffer. */
    private String unquoted() throws EventFileException {
        text.setLength(0);
        while (position < limit || fill()) {
            int start = position;
            while (position < limit) {
                char c = buffer[position];
                if (c == ',' || c == '\n' || c == '\r') {
                    break;
                }
                if (c == '"' || c == 0) {
                    column += position - start;
                    throw c == 0 ? nul()
                            : error(line, column, "a quote inside an unquoted field: quote the whole field and double "
                                    + "each quote inside it (\"a \"\"b\"\" c\")");
                }
                position++;
            }
            column += position - start;
            text.append(buffer, start, position - start);
            if (position < limit) {
                break;
            }
        }
        return text.length() == 0 ? null : text.toString();
    }

    /** From the opening quote past the closing one; "" is the empty string. */
    private String quoted() throws EventFileException {
        int openLine = line;
        int openColumn = column;
        advance();
        text.setLength(0);
        while (true) {
            int c = peek();
            if (c == END) {
                throw error(openLine, openColumn, "the quoted field that starts here is never closed (the file ends "
                        + "inside it): a quote is missing or one too many");
            }
            if (c == 0) {
                throw nul();
            }
            if (c == '\r' || c == '\n') { // a line end inside the field is part of its value
                position++;
                text.append((char) c);
                if (c == '\r' && peek() == '\n') {
                    position++;
                    text.append('\n');
                }
                line++;
                column = 1;
                continue;
            }
            advance();
            if (c != '"') {
                text.append((char) c);
                continue;
            }
            int after = peek();
            if (after == '"') {
                advance();
                text.append('"');
                continue;
            }
            if (after != ',' && after != '\n' && after != '\r' && after != END) {
                throw error(line, column, "text after the closing quote of a field (a quote inside a quoted field "
                        + "is written twice: \"\")");
            }
            return text.toString();
        }
    }

    private EventFileException nul() {
        return error(line, column, "a NUL character (byte 0x00): an events file is text; is this a binary file, "
                + "or UTF-16 without a byte-order mark?");
    }

    /** Past one line end: LF, CRLF or CR. */
    private void lineEnd() throws EventFileException {
        int c = peek();
        if (c == '\r') {
            position++;
            if (peek() == '\n') {
                position++;
            }
        } else if (c == '\n') {
            position++;
        }
        line++;
        column = 1;
    }

    /** Past the character {@link #peek} returned, which is not a line end. */
    private void advance() {
        position++;
        column++;
    }

    private int peek() throws EventFileException {
        return position < limit || fill() ? buffer[position] : END;
    }

    /** Reads more text; false at the end. The UTF-8 byte-order mark is dropped. */
    private boolean fill() throws EventFileException {
        if (endOfInput) {
            return false;
        }
        try {
            int read;
            do {
                read = reader.read(buffer, 0, buffer.length);
            } while (read == 0);
            position = 0;
            limit = Math.max(read, 0);
            if (read < 0) {
                endOfInput = true;
                return false;
            }
            if (!started) {
                started = true;
                if (buffer[0] == '\uFEFF') {
                    position = 1;
                    return position < limit || fill();
                }
            }
            return true;
        } catch (MalformedTextException e) {
            throw error(line, column, e.getMessage());
        } catch (ZipException | EOFException e) {
            throw new EventFileException(name + ": the gzip data is damaged or cut short (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new EventFileException(name + ": cannot read: " + e.getMessage());
        }
    }

    @Override
    public void close() throws EventFileException {
        try {
            reader.close();
        } catch (IOException e) {
            throw new EventFileException(name + ": cannot read: " + e.getMessage());
        }
    }
}
