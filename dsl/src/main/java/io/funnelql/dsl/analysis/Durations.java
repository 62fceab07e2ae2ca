package io.funnelql.dsl.analysis;

import io.funnelql.dsl.ast.DurationNode;
import io.funnelql.dsl.ast.TimeUnit;
import io.funnelql.dsl.model.Micros;

import java.time.Duration;
import java.util.Optional;

/** Checks a written duration: a fixed length, positive (or zero where allowed), at most {@link Micros#LONGEST}. */
final class Durations {
    private Durations() {}

    static Optional<Duration> resolve(DurationNode node, String what, Diagnostics diagnostics) {
        return resolve(node, what, false, diagnostics);
    }

    /** {@code zeroAllowed}: a funnel window of 0 is meaningful (steps at the same time convert). */
    static Optional<Duration> resolve(DurationNode node, String what, boolean zeroAllowed, Diagnostics diagnostics) {
        Optional<Duration> length;
        try {
            length = node.unit().toDuration(node.amount());
        } catch (ArithmeticException e) {
            tooLong(node, what, diagnostics);
            return Optional.empty();
        }
        if (length.isEmpty()) {
            String range = node.unit() == TimeUnit.MONTH ? "28 to 31 days" : "365 or 366 days";
            diagnostics.error(node.location(), what + " of " + node + " is ambiguous: a " + node.unit().keyword()
                    + " has no fixed length (" + range + "); write days or weeks instead, e.g. 30 days");
            return Optional.empty();
        }
        if (node.amount() < 0 || node.amount() == 0 && !zeroAllowed) {
            diagnostics.error(node.location(), what + " must be positive, found " + node);
            return Optional.empty();
        }
        if (length.get().compareTo(Micros.LONGEST) > 0) {
            tooLong(node, what, diagnostics);
            return Optional.empty();
        }
        return length;
    }

    private static void tooLong(DurationNode node, String what, Diagnostics diagnostics) {
        diagnostics.error(node.location(), what + " of " + node + " is too long: the longest is "
                + Long.MAX_VALUE + " microseconds (" + Micros.LONGEST.toDays() + " days, about 292 271 years),"
                + " the longest interval every engine holds; any length from 146 135 years up already covers"
                + " every pair of timestamps");
    }
}
