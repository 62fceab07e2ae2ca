package io.funnelql.dsl.model;

/** Split the funnel by a column's value, taken from the attributed step's event. */
public record Breakdown(Column column, Attribution attribution) {}
