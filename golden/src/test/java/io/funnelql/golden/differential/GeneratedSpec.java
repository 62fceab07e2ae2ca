package io.funnelql.golden.differential;

import io.funnelql.dsl.SpecificationLoader;
import io.funnelql.dsl.diagnostic.InvalidSpecificationException;
import io.funnelql.dsl.diagnostic.SourceFile;
import io.funnelql.dsl.model.Specification;
import io.funnelql.events.Values;

import java.time.temporal.ChronoUnit;

/**
 * A generated spec: the source shape, one query's text and the time grid its datasets use.
 * {@link #text()} is the whole spec.fql, as a golden case would hold it.
 */
record GeneratedSpec(SourceShape shape, String query, TimeGrid grid) {
    /** The one parameter a generated where clause may bind: it exercises bind placeholders on every engine. */
    static final String SINCE = "since";

    String text() {
        String parameter = query.contains(":" + SINCE)
                ? "param " + SINCE + " timestamp default timestamp '"
                        + Values.format(grid.base().plus(grid.unitMicros() / 2, ChronoUnit.MICROS)) + "';\n"
                : "";
        return shape.declaration() + "\n" + parameter + query + "\n";
    }

    /** The spec through the real parser and analyser; a generated text they reject is a bug of the generator. */
    Specification specification() {
        try {
            return SpecificationLoader.load(new SourceFile("spec.fql", text()));
        } catch (InvalidSpecificationException e) {
            throw new AssertionError("the generator wrote a spec the parser rejects:\n" + text() + "\n" + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return text();
    }
}
