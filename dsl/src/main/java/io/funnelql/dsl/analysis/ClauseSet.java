package io.funnelql.dsl.analysis;

import io.funnelql.dsl.ast.Clause;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The clauses of one query, with each clause that may appear once checked to appear once. */
final class ClauseSet<C extends Clause> {
    private final List<C> clauses;

    ClauseSet(List<C> clauses, Set<String> repeatable, Diagnostics diagnostics) {
        this.clauses = clauses;
        Map<String, C> first = new HashMap<>();
        for (C clause : clauses) {
            if (repeatable.contains(clause.keyword())) {
                continue;
            }
            C earlier = first.putIfAbsent(clause.keyword(), clause);
            if (earlier != null) {
                diagnostics.error(clause.location(), "duplicate '" + clause.keyword() + "' clause (first at line "
                        + earlier.location() + ")");
            }
        }
    }

    <T extends C> Optional<T> first(Class<T> type) {
        return clauses.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    <T extends C> List<T> all(Class<T> type) {
        return clauses.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
