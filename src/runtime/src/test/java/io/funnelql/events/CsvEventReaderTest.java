package io.funnelql.events;

import io.funnelql.dsl.SpecificationLoader;
import io.funnelql.dsl.diagnostic.SourceFile;
import io.funnelql.dsl.model.Source;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvEventReaderTest {
    private static Source source() throws Exception {
        return SpecificationLoader.load(new SourceFile("s.fql", "source events from table t (key user_id, time ts, "
                + "columns (amount bigint, note varchar, ok boolean));")).sources().get(0);
    }

    private static EventTable read(String csv) throws Exception {
        return CsvEventReader.read(new StringReader(csv), "events.csv", source());
    }

    @Test
    void readsTypedValuesInAnyColumnOrderAndIgnoresExtraColumns() throws Exception {
        EventTable table = read("ts,extra,user_id,amount,note,ok\n2024-01-01T10:00:00.5,x,u1,42,\"a, b\",true\n");
        assertThat(table.rowCount()).isEqualTo(1);
        assertThat(table.value(table.columnIndex(source().time()), 0)).isEqualTo(LocalDateTime.of(2024, 1, 1, 10, 0, 0, 500_000_000));
        assertThat(table.value(0, 0)).isEqualTo(42L);
        assertThat(table.value(1, 0)).isEqualTo("a, b");
        assertThat(table.value(2, 0)).isEqualTo(true);
    }

    @Test
    void anEmptyFieldIsNullAQuotedEmptyFieldIsTheEmptyString() throws Exception {
        EventTable table = read("user_id,ts,amount,note,ok\nu1,2024-01-01 10:00:00,,,\nu2,2024-01-01 10:00:00,1,\"\",false\n");
        assertThat(table.value(0, 0)).isNull();
        assertThat(table.value(1, 0)).isNull();
        assertThat(table.value(1, 1)).isEqualTo("");
    }

    @Test
    void aBadValueNamesFileLineFieldAndWhatWasExpected() {
        assertThatThrownBy(() -> read("user_id,ts,amount,note,ok\nu1,2024-01-01 10:00:00,1,x,true\nu1,yesterday,1,x,true\n"))
                .isInstanceOf(EventFileException.class)
                .hasMessage("events.csv:3:2: column ts: 'yesterday' is not a timestamp (yyyy-mm-dd hh:mm:ss[.ffffff])");
        assertThatThrownBy(() -> read("user_id,ts,amount,note,ok\nu1,2024-01-01 10:00:00,1.5,x,true\n"))
                .hasMessage("events.csv:2:3: column amount: '1.5' is not an integer");
    }

    @Test
    void missingColumnsAreListed() {
        assertThatThrownBy(() -> read("user_id,amount\nu1,1\n"))
                .isInstanceOf(EventFileException.class)
                .hasMessage("events.csv:1: the header lacks columns note, ok, ts of source events; it has: user_id, amount");
    }
}
