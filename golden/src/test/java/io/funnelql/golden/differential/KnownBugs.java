package io.funnelql.golden.differential;

import io.funnelql.dsl.model.FunnelQuery;
import io.funnelql.dsl.model.FunnelReport;
import io.funnelql.dsl.model.Query;

import java.util.Optional;

/**
 * Engine bugs that golden cases already hold and that are being fixed on main: a pair that would
 * hit one is not run on that engine (decided before running, never by catching a failure). Each
 * entry names its golden case; delete the entry when that case's skip line goes.
 */
final class KnownBugs {
    private KnownBugs() {}

    /** Why {@code engine} does not run this pair, or empty when it does. */
    static Optional<String> reason(String engine, Query query, Dataset dataset) {
        // KNOWN: entry-every-steps (and the other oracle-h2 skips quoting EXTRACT(SECOND FROM interval)):
        // the Oracle SQL drops every sub-second fraction on H2, so oracle-h2 runs whole-second datasets only.
        if (engine.equals("oracle-h2") && !dataset.wholeSeconds()) {
            return Optional.of("oracle-h2 loses sub-second fractions (golden case entry-every-steps)");
        }
        // KNOWN: time-to-convert (and time-to-convert-breakdown, time-to-convert-entry-every): average_seconds
        // is often 0.0000005 s too large on H2 and PostgreSQL (the SQL rounds with a non-integer division).
        if ((engine.equals("h2") || engine.equals("postgres"))
                && query instanceof FunnelQuery funnel && funnel.report() == FunnelReport.TIME_TO_CONVERT) {
            return Optional.of("average_seconds off by half a microsecond (golden case time-to-convert)");
        }
        // KNOWN: time-to-convert-median-half-microsecond (a reference bug): the reference interpolates
        // percentiles on seconds as doubles, so a median of exactly x.5 µs can round down; with whole
        // seconds no percentile lands on half a microsecond.
        if (query instanceof FunnelQuery funnel && funnel.report() == FunnelReport.TIME_TO_CONVERT && !dataset.wholeSeconds()) {
            return Optional.of("the reference rounds percentiles of sub-second times from doubles"
                    + " (golden case time-to-convert-median-half-microsecond)");
        }
        return Optional.empty();
    }
}
