package io.funnelql.lint.rules;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Every rule, discovered: the classes {@link Rule} permits, each made by its constructor without arguments. */
public final class Rules {
    private Rules() {}

    /** A new list of new rules, in code order (FQL001, FQL002, …). */
    public static List<Rule> all() {
        // Sealed, not a ServiceLoader file: a rule left out of permits fails to compile; one left out of a services file never runs.
        return Arrays.stream(Rule.class.getPermittedSubclasses())
                .map(Rules::instance)
                .sorted(Comparator.comparing(rule -> rule.info().code()))
                .toList();
    }

    private static Rule instance(Class<?> type) {
        try {
            return (Rule) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("a rule needs a public constructor without arguments: " + type.getName(), e);
        }
    }
}
