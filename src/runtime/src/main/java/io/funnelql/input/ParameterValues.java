package io.funnelql.input;

import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Parameter;
import io.funnelql.dsl.model.Specification;
import io.funnelql.events.Shown;
import io.funnelql.events.Values;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns {@code --param name=value} options (and the test kit's {@code parameter(name, value)},
 * which takes the same text) into typed values for every declared parameter.
 */
public final class ParameterValues {
    private ParameterValues() {}

    public static Map<Name, Object> resolve(Specification specification, Map<String, String> given) {
        Map<String, String> written = given == null ? Map.of() : given;
        for (String name : written.keySet()) {
            if (specification.parameter(name).isEmpty()) {
                throw new UserInputException("funnelql: --param " + name + ": " + specification.fileName()
                        + " declares no parameter " + name + Suggestions.didYouMean(name, parameterNames(specification)));
            }
        }
        Map<Name, Object> values = new HashMap<>();
        for (Parameter parameter : specification.parameters()) {
            String text = written.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(parameter.name().value()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
            if (text == null) {
                Object value = parameter.defaultValue().orElseThrow(() -> new UserInputException("funnelql: parameter :"
                        + parameter.name().display() + " has no value and no default; pass --param "
                        + parameter.name().value() + "=VALUE"));
                values.put(parameter.name(), value);
                continue;
            }
            values.put(parameter.name(), parse(parameter, text));
        }
        return values;
    }

    /** Only the parameters given on the command line, typed: what {@code compile} inlines as literals. */
    public static Map<Name, Object> given(Specification specification, Map<String, String> given) {
        Map<String, String> written = given == null ? Map.of() : given;
        Map<Name, Object> values = new HashMap<>();
        for (Map.Entry<String, String> entry : written.entrySet()) {
            Parameter parameter = specification.parameter(entry.getKey()).orElseThrow(() -> new UserInputException(
                    "funnelql: --param " + entry.getKey() + ": " + specification.fileName() + " declares no parameter "
                            + entry.getKey() + Suggestions.didYouMean(entry.getKey(), parameterNames(specification))));
            values.put(parameter.name(), parse(parameter, entry.getValue()));
        }
        return values;
    }

    private static Object parse(Parameter parameter, String text) {
        Optional<Object> value = Values.parse(text, parameter.type());
        return value.orElseThrow(() -> new UserInputException("funnelql: --param "
                + parameter.name().value() + "=" + Shown.escaped(text) + ": " + notParsed(text, parameter)));
    }

    /** "not an integer", or what the timestamp rules say ("has more than 6 fractional digits: …"). */
    private static String notParsed(String text, Parameter parameter) {
        String problem = Values.problem(text, parameter.type());
        return problem == null || problem.startsWith("is not ") ? "not " + Values.expectedForm(parameter.type()) : problem;
    }

    private static List<String> parameterNames(Specification specification) {
        return specification.parameters().stream().map(p -> p.name().value()).toList();
    }
}
