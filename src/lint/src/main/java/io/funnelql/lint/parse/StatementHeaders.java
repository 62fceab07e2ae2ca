package io.funnelql.lint.parse;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads statement headers that Babel does not know (CREATE [OR REPLACE] [MATERIALIZED] VIEW,
 * CREATE TABLE AS, INSERT INTO), so that only the query is handed to Babel. A CREATE TABLE with
 * columns and no query is a table declaration; statements that hold no query are skipped.
 */
final class StatementHeaders {
    /** Statements that hold no query and that the linter passes over. */
    private static final Set<String> SKIPPED = Set.of("drop", "set", "begin", "commit", "rollback", "grant", "revoke",
            "analyze", "vacuum", "comment", "alter", "refresh", "truncate", "use", "pragma", "install", "load",
            "attach", "detach", "start", "end", "call", "exec", "execute", "declare", "reset", "show", "describe");
    private static final Set<String> SKIPPED_CREATE = Set.of("index", "unique", "schema", "sequence", "function",
            "procedure", "extension", "type", "trigger", "role", "user", "database", "macro", "secret");

    private StatementHeaders() {}

    static StatementHeader read(SqlFile file, List<Token> tokens) {
        Token first = tokens.get(0);
        String head = first.kind() == Token.Kind.WORD ? first.name() : "";
        if (SKIPPED.contains(head)) {
            return new StatementHeader.Skipped();
        }
        HeaderCursor cursor = new HeaderCursor(file, tokens);
        if (head.equals("create")) {
            return create(cursor, tokens);
        }
        if (head.equals("insert")) {
            return insert(cursor, tokens);
        }
        return new StatementHeader.Query(SqlStatement.Kind.QUERY, Optional.empty(), List.of(), 0);
    }

    private static StatementHeader create(HeaderCursor cursor, List<Token> tokens) {
        cursor.next();
        cursor.acceptWords("or", "replace");
        while (cursor.acceptAny("temp", "temporary", "unlogged", "global", "local", "transient", "force")) {
            // modifiers that change nothing for the linter
        }
        if (cursor.peekAny(SKIPPED_CREATE)) {
            return new StatementHeader.Skipped();
        }
        SqlStatement.Kind kind;
        if (cursor.acceptWords("materialized", "view")) {
            kind = SqlStatement.Kind.MATERIALIZED_VIEW;
        } else if (cursor.acceptWords("view")) {
            kind = SqlStatement.Kind.VIEW;
        } else if (cursor.acceptWords("table")) {
            kind = SqlStatement.Kind.CREATE_TABLE_AS;
        } else {
            throw cursor.problem("expected VIEW, MATERIALIZED VIEW or TABLE after CREATE");
        }
        cursor.acceptWords("if", "not", "exists");
        String name = cursor.name();
        List<String> columns = List.of();
        if (cursor.peekSymbol("(")) {
            int open = cursor.position();
            int close = cursor.matchingParenthesis();
            if (kind == SqlStatement.Kind.CREATE_TABLE_AS && !cursor.peekWord("as")) {
                return new StatementHeader.Declaration(TableDeclarations.read(name, tokens.subList(open + 1, close), tokens.get(0).start()));
            }
            columns = TableDeclarations.names(tokens.subList(open + 1, close));
        }
        cursor.acceptWords("with", "no", "data");
        if (!cursor.acceptWords("as")) {
            throw cursor.problem("expected AS and a query");
        }
        return new StatementHeader.Query(kind, Optional.of(name), columns, cursor.position());
    }

    private static StatementHeader insert(HeaderCursor cursor, List<Token> tokens) {
        cursor.next();
        if (!cursor.acceptWords("into")) {
            throw cursor.problem("expected INTO");
        }
        String name = cursor.name();
        List<String> columns = List.of();
        if (cursor.peekSymbol("(") && !cursor.peekWordAt(1, "select") && !cursor.peekWordAt(1, "with")) {
            int open = cursor.position();
            int close = cursor.matchingParenthesis();
            columns = TableDeclarations.names(tokens.subList(open + 1, close));
        }
        return new StatementHeader.Query(SqlStatement.Kind.INSERT, Optional.of(name), columns, cursor.position());
    }
}
