package io.funnelql.events;

import io.funnelql.dsl.SpecificationLoader;
import io.funnelql.dsl.diagnostic.SourceFile;
import io.funnelql.dsl.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The events CSV reader: typed values, and a positioned error for every malformed input (docs/inputs.md). */
class CsvEventReaderTest {
    private static final String HEADER = "user_id,ts,amount,note,ok\n";

    private static Source source() {
        try {
            return SpecificationLoader.load(new SourceFile("s.fql", "source events from table t (key user_id, time ts, "
                    + "columns (amount bigint, note varchar, ok boolean));")).sources().get(0);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static EventTable read(String csv) throws Exception {
        return CsvEventReader.read(new StringReader(csv), "events.csv", source());
    }

    private static EventTable readBytes(byte[] bytes) throws EventFileException {
        return CsvEventReader.read(new ByteArrayInputStream(bytes), "events.csv", source());
    }

    private static LocalDateTime time(EventTable table, int row) {
        return (LocalDateTime) table.value(table.columnIndex(source().time()), row);
    }

    @Test
    void readsTypedValuesInAnyColumnOrderAndIgnoresExtraColumns() throws Exception {
        EventTable table = read("ts,extra,user_id,amount,note,ok\n2024-01-01T10:00:00.5,x,u1,42,\"a, b\",true\n");
        assertThat(table.rowCount()).isEqualTo(1);
        assertThat(time(table, 0)).isEqualTo(LocalDateTime.of(2024, 1, 1, 10, 0, 0, 500_000_000));
        assertThat(table.value(0, 0)).isEqualTo(42L);
        assertThat(table.value(1, 0)).isEqualTo("a, b");
        assertThat(table.value(2, 0)).isEqualTo(true);
    }

    @Test
    void anEmptyFieldIsNullAQuotedEmptyFieldIsTheEmptyString() throws Exception {
        EventTable table = read(HEADER + "u1,2024-01-01 10:00:00,,,\nu2,2024-01-01 10:00:00,1,\"\",false\n");
        assertThat(table.value(0, 0)).isNull();
        assertThat(table.value(1, 0)).isNull();
        assertThat(table.value(1, 1)).isEqualTo("");
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() throws Exception {
        EventTable table = read(HEADER + "u1,2024-01-01 10:00:00,1,\"a \"\"b\"\",\r\nc\",true\r\nu2,2024-01-01 10:00:00,2,x,true");
        assertThat(table.value(1, 0)).isEqualTo("a \"b\",\r\nc");
        assertThat(table.value(1, 1)).isEqualTo("x"); // the last record needs no line end
    }

    @Test
    void aBadValueNamesFileLineColumnAndWhatWasExpected() {
        assertThatThrownBy(() -> read(HEADER + "u1,2024-01-01 10:00:00,1,x,true\nu1,yesterday,1,x,true\n"))
                .isInstanceOf(EventFileException.class)
                .hasMessage("events.csv:3:4: column ts: 'yesterday' is not a timestamp (yyyy-mm-dd hh:mm:ss[.ffffff], "
                        + "optionally with T and an offset Z or ±hh:mm)");
        assertThatThrownBy(() -> read(HEADER + "u1,2024-01-01 10:00:00,1.5,x,true\n"))
                .hasMessage("events.csv:2:24: column amount: '1.5' is not an integer");
        assertThatThrownBy(() -> read(HEADER + "u1,2024-01-01 10:00:00,1,x,maybe\n"))
                .hasMessage("events.csv:2:28: column ok: 'maybe' is not true or false");
    }

    @Test
    void missingColumnsAreListed() {
        assertThatThrownBy(() -> read("user_id,amount\nu1,1\n"))
                .isInstanceOf(EventFileException.class)
                .hasMessage("events.csv:1: the header lacks columns note, ok, ts of source events; it has: user_id, amount");
    }

    @Test
    void anEmptyFileSaysAHeaderIsExpected() {
        assertThatThrownBy(() -> read(""))
                .hasMessage("events.csv:1: the file is empty: expected a header row naming the columns of source events");
    }

    // Strict CSV: each malformed input is an error with its position, never a guess.

    @Test
    void aRecordWithTooFewFieldsIsAnErrorNotPaddedWithNulls() {
        assertThatThrownBy(() -> read(HEADER + "u1,2024-01-01 10:00:00,1,x,true\nu1,2024-01-01 10:00:00,1\n"))
                .hasMessage("events.csv:3:25: 3 fields where the header has 5 (a missing field, or a line break "
                        + "inside an unquoted value?)");
    }

    @Test
    void aRecordWithTooManyFieldsIsAnErrorNotCut() {
        assertThatThrownBy(() -> read(HEADER + "u1,2024-01-01 10:00:00,1,x,true,extra\n"))
                .hasMessage("events.csv:2:33: 6 fields where the header has 5 (a comma inside an unquoted value? quote the value)");
    }

    @Test
    void aHeaderNameGivenTwiceIsAnErrorNotTheLastOneWinning() {
        assertThatThrownBy(() -> read("user_id,ts,amount,note,ok,amount\nu1,2024-01-01 10:00:00,1,x,true,2\n"))
                .hasMessage("events.csv:1:27: the header names 'amount' twice (fields 3 and 6): which one holds the values?");
        assertThatThrownBy(() -> read("user_id,ts,amount,note,ok,Amount\nu1,2024-01-01 10:00:00,1,x,true,2\n"))
                .hasMessage("events.csv:1:27: the header names column amount twice: 'amount' (field 3) and 'Amount' "
                        + "(field 6); which one holds the values?");
    }

    @Test
    void anUnterminatedQuoteNamesWhereTheFieldStartsAndNoLibraryClass() {
        assertThatThrownBy(() -> read(HEADER + "u1,2024-01-01 10:00:00,1,\"never closed,true\nu2,2024-01-01 10:00:00,1,x,true\n"))
                .hasMessage("events.csv:2:26: the quoted field that starts here is never closed (the file ends inside it): "
                        + "a quote is missing or one too many");
    }

    @Test
    void strayQuotesAreErrors() {
        assertThatThrownBy(() -> read(HEADER + "u1,2024-01-01 10:00:00,1,say \"hi\",true\n"))
                .hasMessage("events.csv:2:30: a quote inside an unquoted field: quote the whole field and double each "
                        + "quote inside it (\"a \"\"b\"\" c\")");
        assertThatThrownBy(() -> read(HEADER + "u1,2024-01-01 10:00:00,1,\"a\"b,true\n"))
                .hasMessage("events.csv:2:29: text after the closing quote of a field (a quote inside a quoted field is "
                        + "written twice: \"\")");
    }

    @Test
    void aNulByteIsAnErrorAndNeverEchoed() {
        assertThatThrownBy(() -> read(HEADER + "u1,2024-01-01 10:00:00,1,a\0b,true\n"))
                .hasMessage("events.csv:2:27: a NUL character (byte 0x00): an events file is text; is this a binary file, "
                        + "or UTF-16 without a byte-order mark?");
    }

    @Test
    void controlCharactersInAQuotedValueAreShownAsEscapes() {
        assertThatThrownBy(() -> read(HEADER + "u1,2024-01-01 10:00:00,\"1\u001b[31m\n\",x,true\n"))
                .hasMessage("events.csv:2:24: column amount: '1\\u001b[31m\\n' is not an integer")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b", "\n"));
    }

    @Test
    void aLongValueIsCutInTheMessage() {
        String longNote = "9".repeat(70) + "x";
        assertThatThrownBy(() -> read(HEADER + "u1,2024-01-01 10:00:00," + longNote + ",x,true\n"))
                .hasMessage("events.csv:2:24: column amount: '" + "9".repeat(60) + "…' (71 characters) is not an integer");
    }

    @Test
    void aUtf8ByteOrderMarkIsSkipped() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] csv = (HEADER + "u1,2024-01-01 10:00:00,1,x,true\n").getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[bom.length + csv.length];
        System.arraycopy(bom, 0, both, 0, bom.length);
        System.arraycopy(csv, 0, both, bom.length, csv.length);
        assertThat(readBytes(both).value(source().columns().indexOf(source().key()), 0)).isEqualTo("u1");
        assertThat(read("\uFEFF" + HEADER + "u1,2024-01-01 10:00:00,1,x,true\n").rowCount()).isEqualTo(1);
    }

    @Test
    void bytesThatAreNotUtf8NameTheirLineAndColumn() {
        byte[] head = (HEADER + "u1,2024-01-01 10:00:00,1,x,true\nu2,2024-01-01 10:00:00,1,caf").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ",true\n".getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, latin1, 0, head.length);
        latin1[head.length] = (byte) 0xE9; // é in Latin-1
        System.arraycopy(tail, 0, latin1, head.length + 1, tail.length);
        assertThatThrownBy(() -> readBytes(latin1))
                .hasMessage("events.csv:3:29: not UTF-8: byte 0xE9 at byte offset " + head.length
                        + " (Latin-1 or Windows-1252? convert the file: iconv -f WINDOWS-1252 -t UTF-8)");
    }

    @Test
    void utf16IsRefusedAtOnce() {
        byte[] utf16 = ("\uFEFF" + HEADER).getBytes(StandardCharsets.UTF_16BE);
        assertThatThrownBy(() -> readBytes(utf16))
                .hasMessage("events.csv:1:1: the file is UTF-16 (it starts with a UTF-16 byte-order mark); convert it to "
                        + "UTF-8: iconv -f UTF-16 -t UTF-8");
    }

    @Test
    void gzipIsRecognisedByItsFirstBytesAndDamagedGzipIsNamed() throws Exception {
        String csv = HEADER + "u1,2024-01-01 10:00:00,1,x,true\n";
        byte[] compressed = gzip(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(readBytes(compressed).rowCount()).isEqualTo(1);
        byte[] cut = Arrays.copyOf(compressed, compressed.length - 12);
        assertThatThrownBy(() -> readBytes(cut)).hasMessageStartingWith("events.csv: the gzip data is damaged or cut short (");
    }

    @Test
    void blankLinesAreSkippedAndLineEndsMayBeCrLfOrCr() throws Exception {
        EventTable table = read(HEADER + "\r\nu1,2024-01-01 10:00:00,1,x,true\r\n\r\nu2,2024-01-01 10:00:00,2,y,false\ru3,"
                + "2024-01-01 10:00:00,3,z,true\n\n");
        assertThat(table.rowCount()).isEqualTo(3);
    }

    @Test
    void linesCountInsideQuotedFieldsSoLaterErrorsPointRight() {
        assertThatThrownBy(() -> read(HEADER + "u1,2024-01-01 10:00:00,1,\"two\nlines\",true\nu2,2024-01-01 10:00:00,x,y,true\n"))
                .hasMessage("events.csv:4:24: column amount: 'x' is not an integer");
    }

    // Timestamps (TimestampText): offsets to UTC, a bare date is midnight, at most microseconds.

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2024-03-01 10:00:00|2024-03-01T10:00",
            "2024-03-01T10:00:00|2024-03-01T10:00",
            "2024-03-01 10:00|2024-03-01T10:00",
            "2024-03-01|2024-03-01T00:00",
            "2024-03-01T10:00:00Z|2024-03-01T10:00",
            "2024-03-01T10:00:00.123456Z|2024-03-01T10:00:00.123456",
            "2024-03-01T10:00:00+01:00|2024-03-01T09:00",
            "2024-03-01T00:30:00+01:00|2024-02-29T23:30",
            "2024-03-01 10:00:00-05:30|2024-03-01T15:30",
            "2024-03-01 10:00:00+0100|2024-03-01T09:00",
            "2024-03-01 10:00:00+01|2024-03-01T09:00",
            "2024-03-01 10:00:00 +01:00|2024-03-01T09:00",
            "2024-03-01 10:00:00.123456000|2024-03-01T10:00:00.123456",
            "' 2024-03-01 10:00:00 '|2024-03-01T10:00",
    })
    void timestampFormsReadAsUtc(String text, String expected) throws Exception {
        EventTable table = read(HEADER + "u1,\"" + text + "\",1,x,true\n");
        assertThat(time(table, 0)).isEqualTo(LocalDateTime.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2024-03-01 10:00:00.1234567|has more than 6 fractional digits: FunnelQL keeps microseconds, as the engines "
                    + "do (round or cut the value where it is written)",
            "2023-02-29 10:00:00|is not a valid date",
            "2024-03-01 24:00:00|is not a valid time of day",
            "2024-03-01 10:00:00+19:00|has an offset beyond ±18:00",
            "2024-03-01 10:00:00 CET|is not a timestamp (yyyy-mm-dd hh:mm:ss[.ffffff], optionally with T and an offset Z or ±hh:mm)",
            "01/03/2024 10:00|is not a timestamp (yyyy-mm-dd hh:mm:ss[.ffffff], optionally with T and an offset Z or ±hh:mm)",
    })
    void timestampsOutsideTheRulesAreErrorsSayingWhich(String text, String problem) {
        assertThatThrownBy(() -> read(HEADER + "u1," + text + ",1,x,true\n"))
                .hasMessage("events.csv:2:4: column ts: '" + text + "' " + problem);
    }

    @Test
    void aStreamedFileIsCheckedAsStrictly() {
        List<EventTable> batches = new ArrayList<>();
        assertThatThrownBy(() -> CsvEventReader.streamByKey(new ByteArrayInputStream((HEADER
                        + "u1,2024-01-01 10:00:00,1,x,true\nu2,2024-01-01 10:00:00,1\n").getBytes(StandardCharsets.UTF_8)),
                "events.csv", source(), List.of(source().key()), batches::add))
                .hasMessageStartingWith("events.csv:3:25: 3 fields where the header has 5");
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }
}
