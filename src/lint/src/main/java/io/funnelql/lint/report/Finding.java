package io.funnelql.lint.report;

/** One finding: which rule, where (1-based lines and columns, end inclusive), and what to do. */
public record Finding(RuleInfo rule, String file, int line, int column, int endLine, int endColumn, String message) {}
