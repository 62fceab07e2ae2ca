package io.funnelql.bench;

import io.funnelql.dsl.model.Source;
import io.funnelql.events.EventTable;
import io.funnelql.result.ValueOrder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BenchSyntheticEventsTest {
    private static final Source SOURCE = BenchSpecs.builtIn().sources().get(0);

    @Test
    void theSameSeedGivesTheSameEventsAndAnotherSeedOthers() {
        SyntheticEvents first = SyntheticEvents.generate(20_000, 500, 7);
        SyntheticEvents again = SyntheticEvents.generate(20_000, 500, 7);
        SyntheticEvents other = SyntheticEvents.generate(20_000, 500, 8);
        assertThat(rows(again.unsorted(SOURCE, 7))).isEqualTo(rows(first.unsorted(SOURCE, 7)));
        assertThat(rows(other.unsorted(SOURCE, 8))).isNotEqualTo(rows(first.unsorted(SOURCE, 7)));
    }

    @Test
    void hasExactlyTheEventsAskedForWithZipfSkew() {
        int[] counts = SyntheticEvents.zipfCounts(10_000_000, 20_000);
        assertThat(Arrays.stream(counts).asLongStream().sum()).isEqualTo(10_000_000);
        // "a few keys have 100k+ events" at 10M: the top ranks of 1/r over 20,000 users.
        long heavy = Arrays.stream(counts).filter(count -> count >= 100_000).count();
        assertThat(heavy).isBetween(3L, 20L);
        assertThat(counts[0]).isGreaterThan(2 * counts[1] - counts[1] / 10);
        assertThat(counts[counts.length - 1]).isLessThan(100);
    }

    @Test
    void spreadsUsersOverTenantsWithTiesAndRealisticNames() {
        SyntheticEvents events = SyntheticEvents.generate(50_000, 1_000, 42);
        EventTable table = events.unsorted(SOURCE, 42);
        assertThat(table.rowCount()).isEqualTo(50_000);
        int tenant = table.columnIndex(SOURCE.tenant().orElseThrow());
        int name = table.columnIndex(SOURCE.eventName().orElseThrow());
        Set<Object> tenants = new HashSet<>(Arrays.asList(table.column(tenant)));
        Set<Object> names = new HashSet<>(Arrays.asList(table.column(name)));
        assertThat(tenants).containsExactlyInAnyOrderElementsOf(SyntheticEvents.TENANTS);
        assertThat(names).containsExactlyInAnyOrderElementsOf(SyntheticEvents.EVENT_NAMES);
        long ties = 0;
        for (int row = 1; row < events.rowCount(); row++) {
            List<Object> previous = events.row(row - 1);
            List<Object> current = events.row(row);
            if (previous.subList(0, 3).equals(current.subList(0, 3))) {
                ties++;
            }
        }
        assertThat(ties).as("events at their key's previous event's second").isGreaterThan(1_000);
    }

    @Test
    void thePresortedFormHoldsEveryRowOneKeyPerTableInKeyOrder() {
        SyntheticEvents events = SyntheticEvents.generate(20_000, 300, 3);
        List<EventTable> keys = events.presortedByKey(SOURCE);
        assertThat(keys.stream().mapToInt(EventTable::rowCount).sum()).isEqualTo(20_000);
        List<List<Object>> keyValues = new ArrayList<>();
        for (EventTable key : keys) {
            List<Object[]> rows = key.rows();
            Object tenant = rows.get(0)[0];
            Object user = rows.get(0)[1];
            assertThat(rows).allSatisfy(row -> assertThat(Arrays.asList(row[0], row[1])).containsExactly(tenant, user));
            keyValues.add(List.of(tenant, user));
        }
        List<List<Object>> sorted = new ArrayList<>(keyValues);
        sorted.sort((a, b) -> ValueOrder.compareLists(a, b));
        assertThat(keyValues).isEqualTo(sorted);
        List<List<Object>> all = new ArrayList<>();
        keys.forEach(key -> key.rows().forEach(row -> all.add(Arrays.asList(row))));
        assertThat(new HashSet<>(all)).isEqualTo(new HashSet<>(rows(events.unsorted(SOURCE, 3))));
    }

    private static List<List<Object>> rows(EventTable table) {
        return table.rows().stream().map(Arrays::asList).toList();
    }
}
