package io.funnelql.golden.differential;

import java.util.Set;

/**
 * The one funnel the compiler still refuses, mirrored from FunnelPlanner.refuseUnsupported (a
 * CompilationException; golden case strict-once-clickhouse-latest): mode strict_once with entry
 * latest (written or default) in the clickhouse profile (written or default), from two steps on,
 * with ties allowed, or with ties forbidden (written, or by strict_increase) and an exclusion, a
 * breakdown or report time to convert. The funnel generator drops strict_once from such a funnel.
 * Delete this class (and its one use in FunnelSpecs) when the compiler compiles them.
 */
final class StrictOnceClickHouseLatestRefusal {
    private StrictOnceClickHouseLatestRefusal() {}

    static boolean refuses(String entry, String profile, Set<String> modes, String ties, int steps,
                           boolean exclusions, boolean breakdown, String report) {
        boolean latest = entry.isEmpty() || entry.equals("entry latest");
        boolean clickhouse = !profile.equals("profile duckdb_behavioral");
        if (!latest || !clickhouse || !modes.contains("strict_once") || steps < 2) {
            return false;
        }
        boolean tiesForbidden = ties.equals("ties forbidden") || modes.contains("strict_increase");
        return !tiesForbidden || exclusions || breakdown || report.equals("report time to convert");
    }
}
