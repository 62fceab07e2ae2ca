package io.funnelql.dsl.model.expression;

public enum ArithmeticOperator {
    ADD("+"),
    SUBTRACT("-"),
    MULTIPLY("*"),
    DIVIDE("/");

    private final String symbol;

    ArithmeticOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public static ArithmeticOperator fromSymbol(String text) {
        for (ArithmeticOperator operator : values()) {
            if (operator.symbol.equals(text)) {
                return operator;
            }
        }
        throw new IllegalArgumentException("not an arithmetic operator: " + text);
    }
}
