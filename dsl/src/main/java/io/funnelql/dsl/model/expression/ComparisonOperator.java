package io.funnelql.dsl.model.expression;

public enum ComparisonOperator {
    EQUAL("="),
    NOT_EQUAL("<>"),
    LESS_THAN("<"),
    LESS_THAN_OR_EQUAL("<="),
    GREATER_THAN(">"),
    GREATER_THAN_OR_EQUAL(">=");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public static ComparisonOperator fromSymbol(String text) {
        if (text.equals("!=")) {
            return NOT_EQUAL;
        }
        for (ComparisonOperator operator : values()) {
            if (operator.symbol.equals(text)) {
                return operator;
            }
        }
        throw new IllegalArgumentException("not a comparison operator: " + text);
    }
}
