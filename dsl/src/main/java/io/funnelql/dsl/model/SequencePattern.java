package io.funnelql.dsl.model;

import java.util.List;

/** A sequence query's pattern: the text as written and its elements, condition names resolved to numbers. */
public record SequencePattern(String text, List<PatternElement> elements) {
    public SequencePattern {
        elements = List.copyOf(elements);
    }
}
