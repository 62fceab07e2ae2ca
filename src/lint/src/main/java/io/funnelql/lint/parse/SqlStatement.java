package io.funnelql.lint.parse;

import org.apache.calcite.sql.SqlNode;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One statement of a SQL file that the linter understood. */
public sealed interface SqlStatement {
    /** Offset of the statement's first character in the file. */
    int start();

    enum Kind { QUERY, VIEW, MATERIALIZED_VIEW, CREATE_TABLE_AS, INSERT }

    /**
     * A statement whose body is a query: a plain SELECT or WITH, or the query of a view, a
     * CREATE TABLE AS or an INSERT. {@code target} names what it creates or fills.
     */
    record Query(Kind kind, Optional<String> target, List<String> targetColumns, SqlNode query, int start,
            PositionMap positions, ParseHints hints) implements SqlStatement {
        public Query {
            targetColumns = List.copyOf(targetColumns);
        }
    }

    /** {@code CREATE UNIQUE INDEX … ON table (columns)}: a unique key of a table declared before. */
    record UniqueIndex(String table, List<String> columns, int start) implements SqlStatement {
        public UniqueIndex {
            columns = List.copyOf(columns);
        }
    }

    /** {@code CREATE TABLE name (columns…)}: its columns and its primary key and unique constraints. */
    record TableDeclaration(String name, List<String> columns, List<List<String>> uniqueKeys, int start,
            Set<String> temporalColumns, Set<String> otherTypedColumns) implements SqlStatement {
        public TableDeclaration {
            columns = List.copyOf(columns);
            uniqueKeys = uniqueKeys.stream().map(List::copyOf).toList();
            temporalColumns = Set.copyOf(temporalColumns);
            otherTypedColumns = Set.copyOf(otherTypedColumns);
        }
    }
}
