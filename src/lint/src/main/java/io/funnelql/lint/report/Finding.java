package io.funnelql.lint.report;

import java.util.Optional;

/**
 * One finding: which rule, where (1-based lines and columns, end inclusive), and what to do; {@code fix}
 * is the SQL text it suggests, when it suggests one (each is parsed back in the tests), else null.
 */
public record Finding(RuleInfo rule, String file, int line, int column, int endLine, int endColumn, String message,
        String fix) {
    /** A finding without a fix to suggest as SQL text. */
    public Finding(RuleInfo rule, String file, int line, int column, int endLine, int endColumn, String message) {
        this(rule, file, line, column, endLine, endColumn, message, null);
    }

    /** The SQL the finding suggests writing instead (a condition or an expression), when it has one. */
    public Optional<String> suggestion() {
        return Optional.ofNullable(fix);
    }
}
