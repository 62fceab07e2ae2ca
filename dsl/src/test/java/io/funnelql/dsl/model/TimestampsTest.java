package io.funnelql.dsl.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTest {
    @Test
    void readsSpaceOrTSecondsOptionalFractionAndBareDates() {
        assertThat(Timestamps.parseTimestamp("2024-01-01 10:00:00")).contains(LocalDateTime.of(2024, 1, 1, 10, 0));
        assertThat(Timestamps.parseTimestamp("2024-01-01T10:00")).contains(LocalDateTime.of(2024, 1, 1, 10, 0));
        assertThat(Timestamps.parseTimestamp("2024-01-01 10:00:00.000001"))
                .contains(LocalDateTime.of(2024, 1, 1, 10, 0, 0, 1000));
        assertThat(Timestamps.parseTimestamp("2024-02-29")).contains(LocalDate.of(2024, 2, 29).atStartOfDay());
    }

    @Test
    void rejectsWhatIsNotATimestamp() {
        assertThat(Timestamps.parseTimestamp("2023-02-29 00:00:00")).isEmpty();
        assertThat(Timestamps.parseTimestamp("01/02/2024 10:00")).isEmpty();
        assertThat(Timestamps.parseTimestamp("2024-01-01 25:00:00")).isEmpty();
        assertThat(Timestamps.parseTimestamp("")).isEmpty();
    }
}
