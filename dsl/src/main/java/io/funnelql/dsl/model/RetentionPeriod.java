package io.funnelql.dsl.model;

import java.time.Duration;
import java.time.ZoneId;

/** How time is cut into retention periods. */
public sealed interface RetentionPeriod {
    /** Calendar days, weeks or months in a time zone. */
    record Calendar(PeriodUnit unit, ZoneId zone) implements RetentionPeriod {}

    /** Fixed-length windows measured from each key's cohort event, e.g. rolling 24 hours. */
    record Rolling(Duration length) implements RetentionPeriod {}
}
