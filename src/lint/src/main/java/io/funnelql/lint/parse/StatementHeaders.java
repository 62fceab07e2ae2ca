package io.funnelql.lint.parse;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads statement headers that Babel does not know (CREATE [OR REPLACE] [MATERIALIZED] VIEW,
 * CREATE TABLE AS with its options, INSERT INTO, EXPLAIN, PREPARE), so that only the query is
 * handed to Babel. A CREATE TABLE with columns and no query is a table declaration, a CREATE
 * UNIQUE INDEX a unique key; statements that hold no query are skipped.
 */
final class StatementHeaders {
    /** Statements that hold no query and that the linter passes over. */
    private static final Set<String> SKIPPED = Set.of("drop", "set", "begin", "commit", "rollback", "grant", "revoke",
            "analyze", "vacuum", "comment", "alter", "refresh", "truncate", "use", "pragma", "install", "load",
            "attach", "detach", "start", "end", "call", "exec", "execute", "declare", "reset", "show", "describe",
            "update", "delete", "copy", "do", "listen", "notify", "unlisten", "lock", "discard", "deallocate",
            "cluster", "reindex", "checkpoint", "savepoint", "release", "abort", "unload", "export", "import",
            "summarize", "upsert", "replace", "rename", "purge", "flashback", "audit", "noaudit");
    private static final Set<String> SKIPPED_CREATE = Set.of("index", "schema", "sequence", "function",
            "procedure", "extension", "type", "trigger", "role", "user", "database", "macro", "secret", "policy",
            "publication", "subscription", "server", "domain", "aggregate", "cast", "collation", "language",
            "operator", "rule", "statistics", "tablespace", "event", "foreign", "package", "synonym", "directory");

    private StatementHeaders() {}

    static StatementHeader read(SqlFile file, List<Token> tokens) {
        Token first = tokens.get(0);
        String head = first.kind() == Token.Kind.WORD ? first.name() : "";
        if (SKIPPED.contains(head)) {
            return new StatementHeader.Skipped();
        }
        HeaderCursor cursor = new HeaderCursor(file, tokens);
        if (head.equals("explain")) {
            cursor.next();
            if (cursor.peekSymbol("(")) {
                cursor.matchingParenthesis();
            }
            while (cursor.acceptAny("analyze", "analyse", "verbose", "plan", "for")) {
                // EXPLAIN [ANALYZE] [VERBOSE] query, Oracle's EXPLAIN PLAN FOR query
            }
            return read(file, tokens.subList(cursor.position(), tokens.size()), cursor.position(), tokens);
        }
        if (head.equals("prepare")) {
            cursor.next();
            cursor.name();
            if (cursor.peekSymbol("(")) {
                cursor.matchingParenthesis();
            }
            if (!cursor.acceptWords("as")) {
                throw cursor.problem("expected AS and a query");
            }
            return new StatementHeader.Query(SqlStatement.Kind.QUERY, Optional.empty(), List.of(), cursor.position(),
                    tokens.size());
        }
        if (head.equals("create")) {
            return create(cursor, tokens);
        }
        if (head.equals("insert")) {
            return insert(cursor, tokens);
        }
        return new StatementHeader.Query(SqlStatement.Kind.QUERY, Optional.empty(), List.of(), 0, tokens.size());
    }

    /** The header of the rest of a statement that starts at token {@code offset} of {@code all}. */
    private static StatementHeader read(SqlFile file, List<Token> rest, int offset, List<Token> all) {
        if (rest.isEmpty()) {
            throw UnparsableStatement.noQueryAfter(file, all.get(all.size() - 1));
        }
        StatementHeader header = read(file, rest);
        if (header instanceof StatementHeader.Query query) {
            return new StatementHeader.Query(query.kind(), query.target(), query.targetColumns(),
                    query.queryStart() + offset, query.queryEnd() + offset);
        }
        return header;
    }

    private static StatementHeader create(HeaderCursor cursor, List<Token> tokens) {
        cursor.next();
        cursor.acceptWords("or", "replace");
        while (cursor.acceptAny("temp", "temporary", "unlogged", "global", "local", "transient", "force", "secure",
                "recursive", "volatile", "multiset", "noforce", "editionable", "noneditionable")) {
            // modifiers that change nothing for the linter
        }
        if (cursor.acceptWords("unique", "index") || cursor.acceptWords("unique")) {
            return uniqueIndex(cursor, tokens);
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
            if (kind == SqlStatement.Kind.CREATE_TABLE_AS && !asFollows(cursor, tokens)) {
                return new StatementHeader.Declaration(TableDeclarations.read(name, tokens.subList(open + 1, close), tokens.get(0).start()));
            }
            columns = TableDeclarations.names(tokens.subList(open + 1, close));
        }
        // Options up to AS: WITH (…), TABLESPACE, DISTKEY (…), SORTKEY (…), DISTSTYLE, BACKUP NO, ON COMMIT …
        while (cursor.position() < tokens.size() && !cursor.peekWord("as")) {
            if (cursor.peekSymbol("(")) {
                cursor.matchingParenthesis();
            } else {
                cursor.next();
            }
        }
        if (!cursor.acceptWords("as")) {
            throw cursor.problem("expected AS and a query");
        }
        return new StatementHeader.Query(kind, Optional.of(name), columns, cursor.position(), tokens.size());
    }

    /** Whether AS follows the cursor at depth 0 (a CREATE TABLE … AS with options), not a declaration. */
    private static boolean asFollows(HeaderCursor cursor, List<Token> tokens) {
        int depth = 0;
        for (int i = cursor.position(); i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && token.isWord("as")) {
                return true;
            }
        }
        return false;
    }

    /** {@code CREATE UNIQUE INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] table [USING m] (columns)}. */
    private static StatementHeader uniqueIndex(HeaderCursor cursor, List<Token> tokens) {
        cursor.acceptWords("index");
        cursor.acceptWords("concurrently");
        cursor.acceptWords("if", "not", "exists");
        if (!cursor.peekWord("on")) {
            cursor.name();
        }
        if (!cursor.acceptWords("on")) {
            return new StatementHeader.Skipped();
        }
        cursor.acceptWords("only");
        String table = cursor.name();
        if (cursor.acceptWords("using")) {
            cursor.next();
        }
        if (!cursor.peekSymbol("(")) {
            return new StatementHeader.Skipped();
        }
        int open = cursor.position();
        int close = cursor.matchingParenthesis();
        List<Token> inside = tokens.subList(open + 1, close);
        for (List<Token> part : TableDeclarations.split(inside)) {
            if (part.size() != 1 || part.get(0).kind() == Token.Kind.STRING) {
                return new StatementHeader.Skipped(); // an index on expressions: no key of columns
            }
        }
        // A partial index (… WHERE …) is unique only on some rows.
        if (cursor.position() < tokens.size() && tokens.subList(cursor.position(), tokens.size()).stream()
                .anyMatch(t -> t.isWord("where"))) {
            return new StatementHeader.Skipped();
        }
        return new StatementHeader.Index(new SqlStatement.UniqueIndex(table, TableDeclarations.names(inside),
                tokens.get(0).start()));
    }

    private static StatementHeader insert(HeaderCursor cursor, List<Token> tokens) {
        cursor.next();
        if (!cursor.acceptWords("or", "replace")) {
            cursor.acceptWords("or", "ignore"); // DuckDB's INSERT OR REPLACE / OR IGNORE INTO
        }
        cursor.acceptAny("overwrite");
        if (!cursor.acceptWords("into") && !cursor.acceptWords("table")) {
            throw cursor.problem("expected INTO");
        }
        String name = cursor.name();
        if (cursor.peekWord("as") || (cursor.position() < tokens.size()
                && tokens.get(cursor.position()).kind() == Token.Kind.WORD
                && !cursor.peekAny(Set.of("select", "with", "values", "by", "default", "overriding")))) {
            cursor.acceptWords("as");
            cursor.next(); // an alias of the target (PostgreSQL's INSERT INTO t AS x)
        }
        List<String> columns = List.of();
        if (cursor.peekSymbol("(") && !cursor.peekWordAt(1, "select") && !cursor.peekWordAt(1, "with")) {
            int open = cursor.position();
            int close = cursor.matchingParenthesis();
            columns = TableDeclarations.names(tokens.subList(open + 1, close));
        }
        cursor.acceptWords("by", "name"); // DuckDB's INSERT INTO t BY NAME SELECT …
        if (cursor.acceptWords("overriding")) {
            cursor.next();
            cursor.next();
        }
        if (cursor.peekWord("values") || cursor.peekWord("default")) {
            return new StatementHeader.Skipped(); // rows written out, no query to lint
        }
        return new StatementHeader.Query(SqlStatement.Kind.INSERT, Optional.of(name), columns, cursor.position(),
                tokens.size());
    }
}
