package io.funnelql.lint.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Set;

/** The body of {@code CREATE TABLE name (…)}, read for its columns and its keys, and column lists of statement headers. */
final class TableDeclarations {
    /** Declared types that hold a point in time (PostgreSQL, DuckDB, Oracle, Redshift spellings). */
    static final Set<String> TEMPORAL_TYPES = Set.of("timestamp", "timestamptz", "date", "datetime",
            "time", "timetz", "datetime2", "smalldatetime", "timestamp_ns", "timestamp_ms", "timestamp_s");

    private TableDeclarations() {}

    /** A table's columns, and its PRIMARY KEY and UNIQUE constraints, on columns or on the table. */
    static SqlStatement.TableDeclaration read(String name, List<Token> body, int start) {
        List<String> columns = new ArrayList<>();
        List<List<String>> keys = new ArrayList<>();
        Set<String> temporal = new HashSet<>();
        Set<String> other = new HashSet<>();
        for (List<Token> element : split(body)) {
            if (element.isEmpty()) {
                continue;
            }
            int i = 0;
            if (element.get(0).isWord("constraint")) {
                i = 2;
            }
            if (i < element.size() && (element.get(i).isWord("primary") || element.get(i).isWord("unique"))) {
                int open = i;
                while (open < element.size() && !element.get(open).isSymbol("(")) {
                    open++;
                }
                int close = open;
                while (close < element.size() && !element.get(close).isSymbol(")")) {
                    close++;
                }
                if (open < close) {
                    keys.add(names(element.subList(open + 1, close)));
                }
                continue;
            }
            if (i > 0 || element.get(0).isWord("foreign") || element.get(0).isWord("check")) {
                continue;
            }
            String column = element.get(0).name();
            columns.add(column);
            if (element.size() > 1 && (element.get(1).kind() == Token.Kind.WORD || element.get(1).kind() == Token.Kind.QUOTED_NAME)) {
                String type = element.get(1).name();
                (TEMPORAL_TYPES.contains(type) ? temporal : other).add(column);
            }
            for (int j = 1; j < element.size(); j++) {
                if (element.get(j).isWord("unique")
                        || (element.get(j).isWord("primary") && j + 1 < element.size() && element.get(j + 1).isWord("key"))) {
                    keys.add(List.of(column));
                    break;
                }
            }
        }
        return new SqlStatement.TableDeclaration(name, columns, keys, start, temporal, other);
    }

    /** The first name of each comma-separated element: the columns of {@code (a, b INT, …)}. */
    static List<String> names(List<Token> tokens) {
        return split(tokens).stream().filter(part -> !part.isEmpty()).map(part -> part.get(0).name()).toList();
    }

    static List<List<Token>> split(List<Token> tokens) {
        List<List<Token>> parts = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        for (Token token : tokens) {
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (token.isSymbol(",") && depth == 0) {
                parts.add(current);
                current = new ArrayList<>();
                continue;
            }
            current.add(token);
        }
        parts.add(current);
        return parts;
    }
}
