package io.funnelql.golden.differential;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Metric queries: events per tenant and calendar period (in UTC or a zone), and the count and sum
 * of each summed numeric column of the shape (the property when numeric, title_id), or none.
 */
final class MetricSpecs {
    private MetricSpecs() {}

    static Arbitrary<GeneratedSpec> any(SourceShape shape) {
        List<String> numeric = new ArrayList<>();
        if (shape.property() == SourceShape.Property.NUMBER) {
            numeric.add(shape.propertyReference());
        }
        if (shape.title()) {
            numeric.add(SourceShape.TITLE);
        }
        Arbitrary<String> sums = Arbitraries.subsetOf(numeric)
                .map(columns -> columns.isEmpty() ? "" : "sum " + numeric.stream().filter(columns::contains)
                        .collect(Collectors.joining(", ")));
        return Combinators.combine(Conditions.where(shape), CalendarPeriod.any(), sums)
                .as((where, period, sum) -> {
                    String query = "metric m from events\n  " + Stream.of(where, "per " + period.unit(),
                                    period.zoneClause(), sum)
                            .filter(c -> !c.isEmpty()).collect(Collectors.joining("\n  ")) + ";";
                    return new GeneratedSpec(shape, query, period.grid());
                });
    }
}
