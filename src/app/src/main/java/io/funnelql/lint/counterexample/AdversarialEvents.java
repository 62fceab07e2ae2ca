package io.funnelql.lint.counterexample;

import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.Source;
import io.funnelql.events.EventTable;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small event tables built to break hand-written funnel SQL: few keys repeated across two
 * tenants, rows that hit each constant the query compares with, repeated downstream events,
 * equal timestamps, and gaps exactly as long as each duration the query names and 1 µs longer.
 * Dataset {@code n} of a seed is always the same, so a counterexample can be reproduced.
 */
final class AdversarialEvents {
    private static final LocalDateTime START = LocalDateTime.of(2024, 1, 1, 10, 0);
    private static final List<String> KEY_VALUES = List.of("u1", "u2");
    private static final List<String> TENANT_VALUES = List.of("t1", "t2");
    private static final int MAXIMUM_ROWS = 10;

    private final Source source;
    private final SpecificationValues values;
    private final List<Duration> gaps;

    AdversarialEvents(Query query) {
        this.source = query.source();
        this.values = SpecificationValues.of(query);
        List<Duration> gaps = new ArrayList<>(List.of(Duration.ZERO, Duration.ofNanos(1000), Duration.ofMinutes(1)));
        for (Duration duration : values.durations()) {
            gaps.add(duration);
            gaps.add(duration.plusNanos(1000));
            gaps.add(duration.minusNanos(1000));
            gaps.add(duration.dividedBy(2));
        }
        this.gaps = List.copyOf(gaps);
    }

    EventTable dataset(long seed, int index) {
        Random random = new Random(seed * 1_000_003L + index);
        // Early datasets are tiny, so the first difference found is already small.
        int rows = 1 + random.nextInt(Math.min(MAXIMUM_ROWS, 2 + index / 20));
        List<Object[]> table = new ArrayList<>();
        LocalDateTime time = START;
        for (int row = 0; row < rows; row++) {
            time = time.plus(gaps.get(random.nextInt(gaps.size())));
            Object[] values = new Object[source.columns().size()];
            for (int column = 0; column < values.length; column++) {
                values[column] = value(source.columns().get(column), time, random);
            }
            table.add(values);
        }
        return EventTable.ofRows(source, table);
    }

    private Object value(Column column, LocalDateTime time, Random random) {
        if (column.equals(source.time())) {
            return time;
        }
        if (source.tenant().map(column::equals).orElse(false)) {
            return TENANT_VALUES.get(random.nextInt(TENANT_VALUES.size()));
        }
        if (column.equals(source.key())) {
            return switch (column.type()) {
                case BIGINT -> (long) random.nextInt(KEY_VALUES.size()) + 1;
                default -> KEY_VALUES.get(random.nextInt(KEY_VALUES.size()));
            };
        }
        List<Object> constants = values.constants().getOrDefault(column, List.of());
        int choice = random.nextInt(constants.size() + 2);
        if (choice < constants.size()) {
            return constants.get(choice);
        }
        if (choice == constants.size() && random.nextInt(4) == 0) {
            return null;
        }
        return switch (column.type()) {
            case VARCHAR -> "other";
            case BIGINT -> (long) random.nextInt(3);
            case DOUBLE -> (double) random.nextInt(3);
            case BOOLEAN -> random.nextBoolean();
            case TIMESTAMP -> time;
            case DATE -> LocalDate.from(time);
            case INTERVAL, NULL -> null;
        };
    }
}
