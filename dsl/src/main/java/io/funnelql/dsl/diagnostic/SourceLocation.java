package io.funnelql.dsl.diagnostic;

/** A position in a specification file: 1-based line and 1-based column. */
public record SourceLocation(int line, int column) {
    public SourceLocation {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column must be at least 1: " + line + ":" + column);
        }
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
