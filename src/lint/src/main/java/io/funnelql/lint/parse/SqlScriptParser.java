package io.funnelql.lint.parse;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a SQL file into statements and parses each on its own with Calcite's Babel parser, so a
 * broken statement yields one problem and the others are still linted.
 *
 * <p>Statement headers that Babel does not know (CREATE [MATERIALIZED] VIEW, CREATE TABLE AS,
 * INSERT INTO) are read here and blanked out, and only the query is handed to Babel; the text
 * keeps its length and line breaks, so every position Babel reports is a position in the file.
 * PostgreSQL's {@code INTERVAL '30 minutes'} and {@code '30 minutes'::interval} are rewritten in
 * place, at the same length, to {@code INTERVAL '30' MINUTE}, which Babel reads, and a
 * {@code ::} cast inside an expression is put in parentheses over the blanks around it, so that
 * it binds as tightly as in PostgreSQL and DuckDB.
 */
public final class SqlScriptParser {
    private static final SqlParser.Config CONFIG = SqlParser.config()
            .withParserFactory(SqlBabelParserImpl.FACTORY)
            .withConformance(SqlConformanceEnum.BABEL)
            .withQuoting(Quoting.DOUBLE_QUOTE)
            .withUnquotedCasing(Casing.UNCHANGED)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(false);

    /** Statements that hold no query and that the linter passes over. */
    private static final Set<String> SKIPPED = Set.of("drop", "set", "begin", "commit", "rollback", "grant", "revoke",
            "analyze", "vacuum", "comment", "alter", "refresh", "truncate", "use", "pragma", "install", "load",
            "attach", "detach", "start", "end", "call", "exec", "execute", "declare", "reset", "show", "describe");
    private static final Set<String> SKIPPED_CREATE = Set.of("index", "unique", "schema", "sequence", "function",
            "procedure", "extension", "type", "trigger", "role", "user", "database", "macro", "secret");

    private static final Pattern INTERVAL_TEXT = Pattern.compile(
            "\\s*([+-]?\\d+(?:\\.\\d+)?)\\s*(second|minute|hour|day|week|month|year)s?\\s*",
            Pattern.CASE_INSENSITIVE);

    public ParsedFile parse(SqlFile file) {
        List<SqlStatement> statements = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        for (List<Token> tokens : SqlLexer.statements(SqlLexer.tokens(file.text()))) {
            try {
                statement(file, tokens).ifPresent(statements::add);
            } catch (Problem problem) {
                problems.add(problem.problem);
            }
        }
        return new ParsedFile(file, statements, problems);
    }

    private Optional<SqlStatement> statement(SqlFile file, List<Token> tokens) {
        Token first = tokens.get(0);
        String head = first.kind() == Token.Kind.WORD ? first.name() : "";
        if (SKIPPED.contains(head)) {
            return Optional.empty();
        }
        Cursor cursor = new Cursor(file, tokens);
        if (head.equals("create")) {
            cursor.next();
            cursor.acceptWords("or", "replace");
            while (cursor.acceptAny("temp", "temporary", "unlogged", "global", "local", "transient", "force")) {
                // modifiers that change nothing for the linter
            }
            if (cursor.peekAny(SKIPPED_CREATE)) {
                return Optional.empty();
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
                int open = cursor.position;
                int close = cursor.matchingParenthesis();
                if (kind == SqlStatement.Kind.CREATE_TABLE_AS && !cursor.peekWord("as")) {
                    return Optional.of(tableDeclaration(name, tokens.subList(open + 1, close), first.start()));
                }
                columns = names(tokens.subList(open + 1, close));
            }
            cursor.acceptWords("with", "no", "data");
            if (!cursor.acceptWords("as")) {
                throw cursor.problem("expected AS and a query");
            }
            return Optional.of(new SqlStatement.Query(kind, Optional.of(name), columns,
                    query(file, tokens, cursor.position), first.start()));
        }
        if (head.equals("insert")) {
            cursor.next();
            if (!cursor.acceptWords("into")) {
                throw cursor.problem("expected INTO");
            }
            String name = cursor.name();
            List<String> columns = List.of();
            if (cursor.peekSymbol("(") && !cursor.peekWordAt(1, "select") && !cursor.peekWordAt(1, "with")) {
                int open = cursor.position;
                int close = cursor.matchingParenthesis();
                columns = names(tokens.subList(open + 1, close));
            }
            return Optional.of(new SqlStatement.Query(SqlStatement.Kind.INSERT, Optional.of(name), columns,
                    query(file, tokens, cursor.position), first.start()));
        }
        return Optional.of(new SqlStatement.Query(SqlStatement.Kind.QUERY, Optional.empty(), List.of(),
                query(file, tokens, 0), first.start()));
    }

    private static SqlStatement.TableDeclaration tableDeclaration(String name, List<Token> body, int start) {
        List<String> columns = new ArrayList<>();
        List<List<String>> keys = new ArrayList<>();
        for (List<Token> element : splitTopLevel(body)) {
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
            for (int j = 1; j < element.size(); j++) {
                if (element.get(j).isWord("unique")
                        || (element.get(j).isWord("primary") && j + 1 < element.size() && element.get(j + 1).isWord("key"))) {
                    keys.add(List.of(column));
                    break;
                }
            }
        }
        return new SqlStatement.TableDeclaration(name, columns, keys, start);
    }

    private static List<List<Token>> splitTopLevel(List<Token> tokens) {
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

    private static List<String> names(List<Token> tokens) {
        return splitTopLevel(tokens).stream().filter(part -> !part.isEmpty()).map(part -> part.get(0).name()).toList();
    }

    /** Parses the query that starts at token {@code from}, in file coordinates. */
    private SqlNode query(SqlFile file, List<Token> tokens, int from) {
        if (from >= tokens.size()) {
            Token last = tokens.get(tokens.size() - 1);
            throw new Problem(new ParseProblem(file.lineOf(last.end()), file.columnOf(last.end()),
                    "expected a query after '" + last.text() + "'"));
        }
        int queryStart = tokens.get(from).start();
        int end = tokens.get(tokens.size() - 1).end();
        // One blank past the end, where a parenthesis closing a last cast can go.
        char[] text = (file.text().substring(0, end) + " ").toCharArray();
        for (int i = 0; i < queryStart; i++) {
            if (text[i] != '\n' && text[i] != '\r') {
                text[i] = ' ';
            }
        }
        rewriteIntervals(text, tokens.subList(from, tokens.size()));
        parenthesizeInfixCasts(text, tokens.subList(from, tokens.size()));
        String source = new String(text);
        try {
            return SqlParser.create(source, CONFIG).parseQuery();
        } catch (SqlParseException e) {
            throw new Problem(problem(file, tokens, e));
        } catch (RuntimeException e) {
            Token first = tokens.get(from);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new Problem(new ParseProblem(file.lineOf(first.start()), file.columnOf(first.start()),
                    "cannot parse this statement: " + message));
        }
    }

    private static void rewriteIntervals(char[] text, List<Token> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token token = tokens.get(i);
            Token next = tokens.get(i + 1);
            if (token.isWord("interval") && next.kind() == Token.Kind.STRING) {
                replace(text, next.start(), next.end(), intervalLiteral(next, ""));
            } else if (token.kind() == Token.Kind.STRING && next.isSymbol("::") && i + 2 < tokens.size()
                    && tokens.get(i + 2).isWord("interval")) {
                replace(text, token.start(), tokens.get(i + 2).end(), intervalLiteral(token, "interval "));
            }
        }
    }

    /**
     * Babel applies {@code ::} to everything before it in the same expression ({@code a = 1 AND
     * b::date > c} reads as {@code (a = 1 AND b)::date > c}) and cannot read it on a BETWEEN's
     * lower bound. A cast whose operand does not start an expression (after '(' ',' SELECT WHERE
     * ON WHEN …) is put in parentheses, written over the blanks around it (never over a line break),
     * which keeps every position; a cast with no blank on either side is left as it is.
     */
    private static void parenthesizeInfixCasts(char[] text, List<Token> tokens) {
        for (int i = 1; i < tokens.size(); i++) {
            Token cast = tokens.get(i);
            if (!cast.isSymbol("::") || text[cast.start()] != ':') {
                continue; // not a cast, or a '…'::interval already rewritten
            }
            int first = operandStart(tokens, i - 1);
            int last = i;
            while (last < tokens.size() && tokens.get(last).isSymbol("::")) {
                last = typeEnd(tokens, last + 1);
            }
            if (first < 0 || last <= i + 1) {
                continue;
            }
            i = last - 1;
            if (first == 0 || startsExpression(tokens.get(first - 1))) {
                continue;
            }
            int open = tokens.get(first).start() - 1;
            int close = tokens.get(last - 1).end();
            if (open >= 0 && close < text.length && isBlank(text[open]) && isBlank(text[close])) {
                text[open] = '(';
                text[close] = ')';
            }
        }
    }

    private static final Set<String> EXPRESSION_STARTS = Set.of("select", "distinct", "all", "where", "on", "having",
            "by", "when", "then", "else", "case");
    private static final Set<String> OPERATOR_WORDS = Set.of("and", "or", "not", "in", "between", "symmetric",
            "asymmetric", "like", "ilike", "is", "exists", "any", "some", "all", "select", "where", "on", "having",
            "by", "when", "then", "else", "case", "as", "values", "from", "join", "using");
    private static final Set<String> TYPE_WORDS = Set.of("precision", "varying", "with", "without", "time", "zone");

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean startsExpression(Token token) {
        return token.isSymbol("(") || token.isSymbol(",")
                || (token.kind() == Token.Kind.WORD && EXPRESSION_STARTS.contains(token.name()));
    }

    /** The first token of the operand of a cast whose last token is {@code at}, or -1. */
    private static int operandStart(List<Token> tokens, int at) {
        Token last = tokens.get(at);
        if (last.isSymbol(")") || last.isSymbol("]")) {
            String open = last.isSymbol(")") ? "(" : "[";
            int depth = 0;
            for (int j = at; j >= 0; j--) {
                if (tokens.get(j).isSymbol(last.text())) {
                    depth++;
                } else if (tokens.get(j).isSymbol(open) && --depth == 0) {
                    boolean function = j > 0 && (tokens.get(j - 1).kind() == Token.Kind.QUOTED_NAME
                            || (tokens.get(j - 1).kind() == Token.Kind.WORD
                                    && !OPERATOR_WORDS.contains(tokens.get(j - 1).name())));
                    return function ? j - 1 : j;
                }
            }
            return -1;
        }
        if (last.isWord("end")) {
            int depth = 0;
            for (int j = at; j >= 0; j--) {
                if (tokens.get(j).isWord("end")) {
                    depth++;
                } else if (tokens.get(j).isWord("case") && --depth == 0) {
                    return j;
                }
            }
            return -1;
        }
        if (last.kind() == Token.Kind.STRING) {
            boolean typed = at > 0 && tokens.get(at - 1).kind() == Token.Kind.WORD
                    && Set.of("date", "time", "timestamp", "interval").contains(tokens.get(at - 1).name());
            return typed ? at - 1 : at;
        }
        if (last.kind() == Token.Kind.NUMBER) {
            return at;
        }
        if (last.kind() == Token.Kind.WORD || last.kind() == Token.Kind.QUOTED_NAME) {
            int start = at;
            while (start >= 2 && tokens.get(start - 1).isSymbol(".")
                    && (tokens.get(start - 2).kind() == Token.Kind.WORD
                            || tokens.get(start - 2).kind() == Token.Kind.QUOTED_NAME)) {
                start -= 2;
            }
            return start;
        }
        return -1;
    }

    /** The index after a type name starting at {@code at}: words, a (precision) and [] suffixes. */
    private static int typeEnd(List<Token> tokens, int at) {
        if (at >= tokens.size() || (tokens.get(at).kind() != Token.Kind.WORD
                && tokens.get(at).kind() != Token.Kind.QUOTED_NAME)) {
            return at;
        }
        int j = at + 1;
        while (j < tokens.size() && tokens.get(j).kind() == Token.Kind.WORD && TYPE_WORDS.contains(tokens.get(j).name())) {
            j++;
        }
        if (j < tokens.size() && tokens.get(j).isSymbol("(")) {
            int depth = 0;
            for (int k = j; k < tokens.size(); k++) {
                if (tokens.get(k).isSymbol("(")) {
                    depth++;
                } else if (tokens.get(k).isSymbol(")") && --depth == 0) {
                    j = k + 1;
                    break;
                }
            }
        }
        while (j + 1 < tokens.size() && tokens.get(j).isSymbol("[") && tokens.get(j + 1).isSymbol("]")) {
            j += 2;
        }
        return j;
    }

    /** {@code '30 minutes'} as {@code '30' minute} (with a prefix), or null when it has another shape. */
    private static String intervalLiteral(Token literal, String prefix) {
        String text = literal.text();
        if (!text.startsWith("'")) {
            return null;
        }
        Matcher matcher = INTERVAL_TEXT.matcher(text.substring(1, text.length() - 1));
        if (!matcher.matches()) {
            return null;
        }
        return prefix + "'" + matcher.group(1) + "' " + matcher.group(2).toLowerCase(Locale.ROOT);
    }

    private static void replace(char[] text, int start, int end, String replacement) {
        if (replacement == null || replacement.length() > end - start) {
            return;
        }
        for (int i = start; i < end; i++) {
            int k = i - start;
            text[i] = k < replacement.length() ? replacement.charAt(k) : ' ';
        }
    }

    private static ParseProblem problem(SqlFile file, List<Token> tokens, SqlParseException e) {
        SqlParserPos pos = e.getPos();
        int line = pos == null ? file.lineOf(tokens.get(0).start()) : pos.getLineNum();
        int column = pos == null ? file.columnOf(tokens.get(0).start()) : pos.getColumnNum();
        String found = "end of statement";
        if (pos != null && line <= file.lineStarts().size()) {
            // Babel reports where the longest expected token sequence starts; the tokens it
            // expected are those after that sequence's prefix, so point at the token they miss.
            int offset = file.lineStarts().get(line - 1) + column - 1;
            int longest = 1;
            if (e.getExpectedTokenSequences() != null) {
                for (int[] sequence : e.getExpectedTokenSequences()) {
                    longest = Math.max(longest, sequence.length);
                }
            }
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i).start() <= offset && offset < tokens.get(i).end()) {
                    int at = i + longest - 1;
                    if (at < tokens.size()) {
                        found = "'" + tokens.get(at).text() + "'";
                        line = file.lineOf(tokens.get(at).start());
                        column = file.columnOf(tokens.get(at).start());
                    } else {
                        Token last = tokens.get(tokens.size() - 1);
                        line = file.lineOf(last.end());
                        column = file.columnOf(last.end());
                    }
                    break;
                }
            }
        }
        Set<String> expected = new TreeSet<>();
        if (e.getExpectedTokenNames() != null) {
            for (String name : e.getExpectedTokenNames()) {
                String token = name.replace("\"", "");
                expected.add(token.endsWith("IDENTIFIER>") ? "a name" : token.startsWith("<") ? token : "'" + token + "'");
            }
        }
        StringBuilder message = new StringBuilder("cannot parse this statement: found ").append(found);
        if (!expected.isEmpty()) {
            message.append("; expected ");
            List<String> shown = expected.stream().limit(12).toList();
            message.append(expected.size() == 1 ? "" : "one of ").append(String.join(", ", shown));
            if (expected.size() > shown.size()) {
                message.append(", …");
            }
        }
        return new ParseProblem(line, column, message.toString());
    }

    /** A statement that cannot be parsed, carried out of the recursive descent. */
    private static final class Problem extends RuntimeException {
        final ParseProblem problem;

        Problem(ParseProblem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }

    /** Reads a statement header token by token. */
    private static final class Cursor {
        final SqlFile file;
        final List<Token> tokens;
        int position;

        Cursor(SqlFile file, List<Token> tokens) {
            this.file = file;
            this.tokens = tokens;
        }

        void next() {
            position++;
        }

        boolean peekWord(String word) {
            return peekWordAt(0, word);
        }

        boolean peekWordAt(int ahead, String word) {
            return position + ahead < tokens.size() && tokens.get(position + ahead).isWord(word);
        }

        boolean peekSymbol(String symbol) {
            return position < tokens.size() && tokens.get(position).isSymbol(symbol);
        }

        boolean peekAny(Set<String> words) {
            return position < tokens.size() && tokens.get(position).kind() == Token.Kind.WORD
                    && words.contains(tokens.get(position).name());
        }

        /** Accepts all the words in a row, or none of them. */
        boolean acceptWords(String... words) {
            for (int i = 0; i < words.length; i++) {
                if (!peekWordAt(i, words[i])) {
                    return false;
                }
            }
            position += words.length;
            return true;
        }

        boolean acceptAny(String... words) {
            for (String word : words) {
                if (acceptWords(word)) {
                    return true;
                }
            }
            return false;
        }

        String name() {
            StringBuilder name = new StringBuilder();
            do {
                if (position >= tokens.size() || (tokens.get(position).kind() != Token.Kind.WORD
                        && tokens.get(position).kind() != Token.Kind.QUOTED_NAME)) {
                    throw problem("expected a name");
                }
                if (name.length() > 0) {
                    name.append('.');
                }
                name.append(tokens.get(position++).name());
            } while (peekSymbol(".") && ++position > 0);
            return name.toString();
        }

        /** Moves past the parenthesis at the cursor and its match; returns the match's index. */
        int matchingParenthesis() {
            int depth = 0;
            for (int i = position; i < tokens.size(); i++) {
                if (tokens.get(i).isSymbol("(")) {
                    depth++;
                } else if (tokens.get(i).isSymbol(")") && --depth == 0) {
                    position = i + 1;
                    return i;
                }
            }
            throw problem("unbalanced parenthesis");
        }

        Problem problem(String expectation) {
            Token at = position < tokens.size() ? tokens.get(position) : tokens.get(tokens.size() - 1);
            int offset = position < tokens.size() ? at.start() : at.end();
            String found = position < tokens.size() ? "'" + at.text() + "'" : "end of statement";
            return new Problem(new ParseProblem(file.lineOf(offset), file.columnOf(offset),
                    "cannot parse this statement: found " + found + "; " + expectation));
        }
    }
}
