package io.funnelql.lint.parse;

import java.util.List;
import java.util.Optional;

/**
 * What precedes a statement's query ({@link StatementHeaders} reads it): what the statement
 * creates or fills and where its query starts, a table declaration, or nothing to lint.
 */
sealed interface StatementHeader {
    /** A statement the linter passes over: DROP, SET, CREATE INDEX, … */
    record Skipped() implements StatementHeader {}

    /** {@code CREATE TABLE name (columns…)}: no query, only columns and keys. */
    record Declaration(SqlStatement.TableDeclaration table) implements StatementHeader {}

    /** A statement whose query is tokens {@code [queryStart, queryEnd)}; {@code target} names what it creates or fills. */
    record Query(SqlStatement.Kind kind, Optional<String> target, List<String> targetColumns, int queryStart, int queryEnd)
            implements StatementHeader {}

    /** {@code CREATE UNIQUE INDEX … ON table (columns)}. */
    record Index(SqlStatement.UniqueIndex index) implements StatementHeader {}
}
