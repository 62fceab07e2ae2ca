package io.funnelql.dsl.model;

import java.util.Optional;

/** A named value supplied at run time ({@code --param name=value}), referenced as {@code :name}. */
public record Parameter(Name name, DataType type, Optional<Object> defaultValue) {}
