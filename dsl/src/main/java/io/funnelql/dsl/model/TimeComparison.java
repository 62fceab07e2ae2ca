package io.funnelql.dsl.model;

/** The comparison of a pattern's time constraint {@code (?t OP N)}, as written. */
public enum TimeComparison {
    LESS_OR_EQUAL("<="),
    LESS("<"),
    GREATER_OR_EQUAL(">="),
    GREATER(">"),
    EQUAL("=="),
    NOT_EQUAL("!=");

    private final String symbol;

    TimeComparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether {@code elapsed OP limit} holds. */
    public boolean holds(long elapsed, long limit) {
        return switch (this) {
            case LESS_OR_EQUAL -> elapsed <= limit;
            case LESS -> elapsed < limit;
            case GREATER_OR_EQUAL -> elapsed >= limit;
            case GREATER -> elapsed > limit;
            case EQUAL -> elapsed == limit;
            case NOT_EQUAL -> elapsed != limit;
        };
    }
}
