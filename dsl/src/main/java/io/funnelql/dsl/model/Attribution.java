package io.funnelql.dsl.model;

/** Which step's event supplies a key's breakdown value. */
public sealed interface Attribution {
    record FirstStep() implements Attribution {}

    record LastStep() implements Attribution {}

    record NamedStep(Step step) implements Attribution {}
}
