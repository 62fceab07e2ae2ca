package io.funnelql.lint.parse;

/** A statement that could not be parsed: where, and what was found and expected there. */
public record ParseProblem(int line, int column, String message) {}
