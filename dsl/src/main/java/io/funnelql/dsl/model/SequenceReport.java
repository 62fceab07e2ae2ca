package io.funnelql.dsl.model;

import io.funnelql.dsl.model.expression.Expression;

import java.util.Locale;
import java.util.Optional;

/** What a sequence query reports. */
public sealed interface SequenceReport {
    /** The report as written after {@code report}. */
    String written();

    /** Per key: whether the pattern matched (sequenceMatch) and how many non-overlapping matches (sequenceCount). */
    record PerKey() implements SequenceReport {
        @Override
        public String written() {
            return "per key";
        }
    }

    /** Keys, keys that matched, and matches over all keys. */
    record Summary() implements SequenceReport {
        @Override
        public String written() {
            return "summary";
        }
    }

    /**
     * duckdb-behavioral's {@code sequence_match_events}: per key, the time of the event each
     * {@code (?N)} of the pattern consumed in the first match, one row per such pattern element.
     */
    record MatchedEvents() implements SequenceReport {
        @Override
        public String written() {
            return "events";
        }
    }

    /**
     * ClickHouse's {@code sequenceNextNode(direction, base)}: per key, the value of {@code value}
     * on the event right after (forward) or before (backward) the chain of conditions, matched at
     * consecutive events from the base event; the base must satisfy {@code baseCondition}.
     */
    record Node(Direction direction, Base base, Column value, Optional<Expression> baseCondition) implements SequenceReport {
        /** The output column: {@code next_node} or {@code previous_node}. */
        public String column() {
            return direction == Direction.FORWARD ? "next_node" : "previous_node";
        }

        @Override
        public String written() {
            return (direction == Direction.FORWARD ? "next" : "previous") + " node " + value.name().value() + " from "
                    + base.keyword();
        }
    }

    enum Direction { FORWARD, BACKWARD }

    /** Where the chain starts: ClickHouse's {@code head}, {@code tail}, {@code first_match}, {@code last_match}. */
    enum Base {
        HEAD, TAIL, FIRST_MATCH, LAST_MATCH;

        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
