package io.funnelql.dsl.analysis;

import io.funnelql.dsl.ast.DurationNode;
import io.funnelql.dsl.ast.TimeUnit;

import java.time.Duration;
import java.util.Optional;

/** Checks a written duration: a positive, fixed length. */
final class Durations {
    private Durations() {}

    static Optional<Duration> resolve(DurationNode node, String what, Diagnostics diagnostics) {
        Optional<Duration> length;
        try {
            length = node.unit().toDuration(node.amount());
        } catch (ArithmeticException e) {
            diagnostics.error(node.location(), what + " of " + node + " is too long");
            return Optional.empty();
        }
        if (length.isEmpty()) {
            String range = node.unit() == TimeUnit.MONTH ? "28 to 31 days" : "365 or 366 days";
            diagnostics.error(node.location(), what + " of " + node + " is ambiguous: a " + node.unit().keyword()
                    + " has no fixed length (" + range + "); write days or weeks instead, e.g. 30 days");
            return Optional.empty();
        }
        if (node.amount() <= 0) {
            diagnostics.error(node.location(), what + " must be positive, found " + node);
            return Optional.empty();
        }
        return length;
    }
}
