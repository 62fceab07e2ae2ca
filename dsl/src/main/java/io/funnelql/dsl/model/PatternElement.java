package io.funnelql.dsl.model;

/** One element of a sequence pattern, in the order written. */
public sealed interface PatternElement {
    /** {@code (?N)}: one stored event on which condition {@code condition} (1-based) holds. */
    record ConditionEvent(int condition) implements PatternElement {}

    /** {@code .}: exactly one stored event. */
    record AnyEvent() implements PatternElement {}

    /** {@code .*}: any number of stored events, none included. */
    record AnyEvents() implements PatternElement {}

    /**
     * {@code (?t OP N)}: a constraint on the time between events; {@code seconds} is N in seconds
     * (a unit suffix already applied).
     */
    record TimeConstraint(TimeComparison comparison, long seconds) implements PatternElement {
        public long micros() {
            return seconds * 1_000_000L; // the analyzer keeps seconds below Micros.UNBOUNDED / 1,000,000
        }
    }
}
