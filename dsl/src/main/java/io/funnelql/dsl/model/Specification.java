package io.funnelql.dsl.model;

import java.util.List;
import java.util.Optional;

/** Everything one specification file declares, resolved and checked. */
public record Specification(String fileName, List<Source> sources, List<Parameter> parameters, List<Query> queries) {
    public Specification {
        sources = List.copyOf(sources);
        parameters = List.copyOf(parameters);
        queries = List.copyOf(queries);
    }

    public Optional<Query> query(String name) {
        Name wanted = Name.unquoted(name);
        return queries.stream()
                .filter(q -> q.name().equals(wanted) || q.name().value().equals(name))
                .findFirst();
    }

    public Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().value().equalsIgnoreCase(name)).findFirst();
    }
}
