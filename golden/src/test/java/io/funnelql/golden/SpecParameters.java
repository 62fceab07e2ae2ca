package io.funnelql.golden;

import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Parameter;
import io.funnelql.dsl.model.Specification;
import io.funnelql.events.Values;

import java.util.HashMap;
import java.util.Map;

/** The values a spec's parameters take in a test: the given text (typed by the declaration), else the default. */
public final class SpecParameters {
    private SpecParameters() {}

    /** Every declared parameter's default (NULL when it has none). */
    public static Map<Name, Object> defaults(Specification specification) {
        return values(specification, Map.of());
    }

    /**
     * Given values by parameter name (case-insensitive), the others their defaults. A given name the
     * spec does not declare, a value of the wrong type or a parameter with neither is an error.
     */
    static Map<Name, Object> values(Specification specification, Map<String, String> given) {
        for (String name : given.keySet()) {
            if (specification.parameter(name).isEmpty()) {
                throw new IllegalArgumentException(specification.fileName() + " declares no parameter " + name);
            }
        }
        Map<Name, Object> values = new HashMap<>();
        for (Parameter parameter : specification.parameters()) {
            String text = given.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(parameter.name().value()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
            if (text == null) {
                values.put(parameter.name(), parameter.defaultValue().orElse(null));
            } else {
                values.put(parameter.name(), Values.parse(text, parameter.type()).orElseThrow(() ->
                        new IllegalArgumentException("parameter " + parameter.name().value() + " = '" + text
                                + "' is not " + Values.expectedForm(parameter.type()))));
            }
        }
        return values;
    }
}
