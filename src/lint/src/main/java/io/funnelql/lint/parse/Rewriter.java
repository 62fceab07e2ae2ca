package io.funnelql.lint.parse;

import org.apache.calcite.sql.parser.SqlAbstractParserImpl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Rewrites what PostgreSQL, DuckDB, Oracle and Redshift users write, and Calcite's Babel parser
 * does not read, into what it reads and means the same to the linter. Each rewrite is an edit of
 * the statement's text ({@link TextEdits}), so positions map back to the file as written.
 *
 * <ul>
 *   <li>PostgreSQL: interval strings in all their forms, {@code ::} casts bound to the value before
 *       them (arrays too), JSON and JSONB operators, {@code DISTINCT ON}, {@code AT TIME ZONE},
 *       {@code $1} and psql {@code :var} parameters, dollar-quoted and {@code E''} strings,
 *       {@code EXTRACT('day' FROM …)}, {@code LIKE ANY}, and keywords used as names where
 *       PostgreSQL allows them ({@code timestamp}, {@code time}, {@code row}, …);</li>
 *   <li>DuckDB: {@code INTERVAL 30 MINUTES}, {@code ASOF JOIN}, list literals, {@code //},
 *       {@code GROUP BY ALL}, {@code ORDER BY ALL};</li>
 *   <li>Oracle: {@code (+)} joins, {@code START WITH … CONNECT BY}, {@code PRIOR}, {@code KEEP (…)};</li>
 *   <li>Redshift: {@code DATEDIFF('minute', …)}, {@code APPROXIMATE}, {@code TOP n}.</li>
 * </ul>
 */
final class Rewriter {
    /** Babel's reserved words, which PostgreSQL allows after a dot and after AS. */
    private static final SqlAbstractParserImpl.Metadata METADATA = SqlScriptParser.metadata();
    /** Words Babel reserves that PostgreSQL allows as plain column names and aliases. */
    private static final Set<String> KEYWORD_NAMES = Set.of("timestamp", "time", "date", "row", "rows", "range",
            "interval", "current", "call", "over", "partition");
    /** Words after which a '?' is a parameter, not PostgreSQL's key-exists operator. */
    private static final Set<String> BEFORE_PARAMETER = Set.of("select", "where", "and", "or", "not", "on", "by",
            "limit", "offset", "then", "else", "when", "in", "like", "ilike", "between", "is", "set", "values", "case",
            "having", "as", "return", "fetch", "first", "next", "top");
    private static final Set<String> CLAUSE_ENDS = Set.of("group", "order", "having", "union", "minus", "except",
            "intersect", "window", "qualify", "limit", "fetch", "offset");
    private static final Set<String> FROM_CONTEXT = Set.of("from", "join", "lateral");

    private final List<Token> tokens;
    private final TextEdits edits;
    private final ParseHints hints;
    /** For each token, the name of the function whose parentheses enclose it (lower case), or "" */
    private final String[] enclosing;
    /** For each token, how many parentheses enclose it. */
    private final int[] depths;

    private Rewriter(List<Token> tokens, TextEdits edits, ParseHints hints) {
        this.tokens = tokens;
        this.edits = edits;
        this.hints = hints;
        this.enclosing = enclosingFunctions(tokens);
        this.depths = new int[tokens.size() + 1];
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            depths[i + 1] = depths[i] + (token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0);
        }
    }

    static void apply(List<Token> tokens, TextEdits edits, ParseHints hints) {
        new Rewriter(tokens, edits, hints).apply();
    }

    private void apply() {
        strings();
        intervals();
        datePartUnits();
        listSlices();
        parameters();
        oracle();
        duckdb();
        postgres();
        keywordNames();
        selectWithoutFrom();
        atTimeZone();
        arrayTypes();
        casts();
    }

    private Token at(int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i) : null;
    }

    private boolean word(int i, String word) {
        Token token = at(i);
        return token != null && token.isWord(word);
    }

    private boolean symbol(int i, String symbol) {
        Token token = at(i);
        return token != null && token.isSymbol(symbol);
    }

    // ---------------------------------------------------------------- strings

    /** Dollar-quoted, E'' and Oracle's q'[…]' strings as standard strings. */
    private void strings() {
        for (Token token : tokens) {
            if (token.kind() != Token.Kind.STRING) {
                continue;
            }
            String text = token.text();
            int quote = text.indexOf('\'');
            if (quote > 0 && quote + 1 < text.length() && (text.charAt(quote - 1) == 'q' || text.charAt(quote - 1) == 'Q')) {
                String body = text.substring(quote + 2, text.length() - 2); // q'[…]': no escapes inside
                edits.replace(token.start(), token.end(), "'" + body.replace("'", "''") + "'");
            } else if (text.startsWith("$")) {
                int tag = text.indexOf('$', 1) + 1;
                String body = text.length() >= 2 * tag ? text.substring(tag, text.length() - tag) : "";
                edits.replace(token.start(), token.end(), "'" + body.replace("'", "''") + "'");
            } else if (text.startsWith("E") || text.startsWith("e")) {
                String body = text.substring(2, Math.max(2, text.length() - 1));
                StringBuilder plain = new StringBuilder();
                for (int i = 0; i < body.length(); i++) {
                    char c = body.charAt(i);
                    if (c == '\\' && i + 1 < body.length()) {
                        char escaped = body.charAt(++i);
                        plain.append(switch (escaped) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            default -> escaped;
                        });
                    } else {
                        plain.append(c);
                    }
                }
                edits.replace(token.start(), token.end(), "'" + plain.toString().replace("''", "'").replace("'", "''") + "'");
            }
        }
    }

    // ---------------------------------------------------------------- intervals

    /**
     * {@code INTERVAL '30 min'}, {@code '2 weeks'::interval}, {@code CAST('1 day' AS INTERVAL)},
     * {@code INTERVAL '1 day 2 hours'}, {@code INTERVAL 'P1D'}, and DuckDB's {@code INTERVAL 30
     * MINUTES} and {@code INTERVAL (n) DAY}, as standard intervals.
     */
    private void intervals() {
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            Token next = at(i + 1);
            if (token.isWord("interval") && next != null && next.kind() == Token.Kind.STRING && !next.text().startsWith("$")
                    && !symbol(i - 1, "::")) {
                Token after = at(i + 2);
                boolean unitFollows = after != null && after.kind() == Token.Kind.WORD
                        && IntervalText.unit(after.text()).isPresent();
                String body = body(next);
                if (unitFollows && body.trim().matches("[+-]?\\d+(\\.\\d+)?")) {
                    String unit = IntervalText.unit(after.text()).get();
                    if (!after.text().equalsIgnoreCase(unit)) {
                        edits.replace(after.start(), after.end(), unit); // INTERVAL '2' WEEKS
                    }
                    continue;
                }
                if (unitFollows) {
                    continue; // INTERVAL '1:30' HOUR TO MINUTE and the like, as the standard has them
                }
                Optional<String> standard = IntervalText.standard(body);
                standard.ifPresent(s -> edits.replace(token.start(), next.end(), s));
            } else if (token.isWord("interval") && next != null
                    && (next.kind() == Token.Kind.NUMBER || next.isSymbol("(") || next.isSymbol("-"))) {
                duckdbInterval(i);
            } else if (token.kind() == Token.Kind.STRING && symbol(i + 1, "::") && word(i + 2, "interval")) {
                Optional<String> standard = IntervalText.standard(body(token));
                Token end = tokens.get(i + 2);
                standard.ifPresent(s -> edits.replace(token.start(), end.end(), s));
            } else if (token.isWord("cast") && symbol(i + 1, "(") && at(i + 2) != null
                    && at(i + 2).kind() == Token.Kind.STRING && word(i + 3, "as") && word(i + 4, "interval")
                    && symbol(i + 5, ")")) {
                Optional<String> standard = IntervalText.standard(body(at(i + 2)));
                Token end = tokens.get(i + 5);
                standard.ifPresent(s -> edits.replace(token.start(), end.end(), s));
            }
        }
    }

    /** DuckDB's {@code INTERVAL 30 MINUTES}, {@code INTERVAL (n) DAY}: the amount quoted, or wrapped. */
    private void duckdbInterval(int i) {
        Token amount = tokens.get(i + 1);
        int unitAt;
        if (amount.isSymbol("(")) {
            int close = SqlLexer.closingParenthesis(tokens, i + 1);
            if (close < 0) {
                return;
            }
            unitAt = close + 1;
            Token unit = at(unitAt);
            if (unit == null || IntervalText.unit(unit.text()).isEmpty()) {
                return;
            }
            // INTERVAL (expr) DAY: the expression times one unit.
            edits.replace(tokens.get(i).start(), amount.end(), "((");
            edits.replace(unit.start(), unit.end(), ") * INTERVAL '1' " + IntervalText.unit(unit.text()).get() + ")");
            edits.replace(tokens.get(close).start(), tokens.get(close).end(), ")");
            return;
        }
        boolean negative = amount.isSymbol("-");
        Token number = negative ? at(i + 2) : amount;
        Token unit = at(negative ? i + 3 : i + 2);
        if (number == null || number.kind() != Token.Kind.NUMBER || unit == null || unit.kind() != Token.Kind.WORD
                || IntervalText.unit(unit.text()).isEmpty()) {
            return;
        }
        edits.replace(tokens.get(i).start(), unit.end(),
                "INTERVAL '" + (negative ? "-" : "") + number.text() + "' " + IntervalText.unit(unit.text()).get());
    }

    private static String body(Token string) {
        String text = string.text();
        int open = text.indexOf('\'');
        return text.substring(open + 1, Math.max(open + 1, text.length() - 1)).replace("''", "'");
    }

    // ---------------------------------------------------------------- date parts

    /** {@code EXTRACT('day' FROM …)}, {@code DATEDIFF('minute', …)}: the unit unquoted. */
    private void datePartUnits() {
        for (int i = 2; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() != Token.Kind.STRING || !symbol(i - 1, "(") || !body(token).matches("[A-Za-z_]+")) {
                continue;
            }
            Token function = tokens.get(i - 2);
            boolean extract = function.isWord("extract") && word(i + 1, "from");
            boolean datePart = function.kind() == Token.Kind.WORD && symbol(i + 1, ",")
                    && Set.of("datediff", "dateadd", "timestampdiff", "timestampadd").contains(function.name());
            boolean duckdbDiff = function.kind() == Token.Kind.WORD && symbol(i + 1, ",")
                    && (function.isWord("date_diff") || function.isWord("datesub") || function.isWord("date_sub"));
            if (extract || datePart) {
                edits.replace(token.start(), token.end(), body(token));
            } else if (duckdbDiff && IntervalText.unit(body(token)).isPresent()) {
                // DuckDB's date_diff('day', a, b) is Babel's DATEDIFF(day, a, b), not BigQuery's DATE_DIFF(a, b, day)
                edits.replace(function.start(), function.end(), "DATEDIFF");
                edits.replace(token.start(), token.end(), body(token));
            }
        }
    }

    // ---------------------------------------------------------------- list slices

    /**
     * DuckDB's slices {@code l[1:2]}, {@code l[:n]}, {@code s[2:]} as a subscript by a call,
     * {@code l[list_slice(1, 2)]}: Babel reads a subscript, and the bounds stay expressions. A bound
     * written {@code :n} was read as a psql variable, so that token is a colon and a name here.
     */
    private void listSlices() {
        for (int i = 1; i < tokens.size(); i++) {
            if (!symbol(i, "[") || !endsOperand(i - 1)) {
                continue;
            }
            List<Integer> colons = new ArrayList<>();
            int close = -1;
            int brackets = 0;
            for (int j = i; j < tokens.size() && close < 0; j++) {
                Token token = tokens.get(j);
                if (token.isSymbol("[")) {
                    brackets++;
                } else if (token.isSymbol("]") && --brackets == 0) {
                    close = j;
                } else if (brackets == 1 && depth(j) == depth(i) && (token.isSymbol(":") || (token.kind() == Token.Kind.PARAM
                        && token.text().startsWith(":") && !token.text().startsWith(":'") && !token.text().startsWith(":\"")))) {
                    colons.add(j);
                }
            }
            if (close < 0 || colons.isEmpty()) {
                continue;
            }
            edits.insert(tokens.get(i).end(), "list_slice(" + (colons.get(0) == i + 1 ? "NULL" : ""));
            for (int colon : colons) {
                Token token = tokens.get(colon);
                boolean emptyAfter = token.isSymbol(":") && (colons.contains(colon + 1) || colon + 1 == close);
                String bound = token.isSymbol(":") ? "" : " " + token.text().substring(1);
                edits.replace(token.start(), token.end(), ", " + (emptyAfter ? "NULL" : "") + bound);
            }
            edits.insert(tokens.get(close).start(), ")");
            i = close;
        }
    }

    // ---------------------------------------------------------------- parameters

    /** {@code $1}, psql's {@code :name} and {@code :'name'} as {@code ?}; {@code :"name"} as the name. */
    private void parameters() {
        for (Token token : tokens) {
            if (token.kind() != Token.Kind.PARAM) {
                continue;
            }
            if (token.text().startsWith(":\"")) {
                edits.replace(token.start(), token.end(), token.text().substring(1));
            } else {
                edits.replace(token.start(), token.end(), "?");
            }
        }
    }

    // ---------------------------------------------------------------- Oracle

    private void oracle() {
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(") && symbol(i + 1, "+") && symbol(i + 2, ")")) {
                edits.blank(token.start(), tokens.get(i + 2).end()); // a.x = b.x(+)
            } else if (token.isWord("prior") || token.isWord("connect_by_root") || token.isWord("nocycle")) {
                edits.blank(token.start(), token.end());
            } else if ((token.isWord("start") && word(i + 1, "with")) || (token.isWord("connect") && word(i + 1, "by"))) {
                int end = clauseEnd(i + 2);
                edits.blank(token.start(), tokens.get(end - 1).end());
                i = end - 1;
            } else if (token.isWord("siblings") && word(i - 1, "order") && word(i + 1, "by")) {
                edits.blank(token.start(), token.end());
            } else if (token.isWord("keep") && symbol(i + 1, "(") && word(i + 2, "dense_rank")) {
                int close = SqlLexer.closingParenthesis(tokens, i + 1);
                if (close > 0) {
                    edits.blank(token.start(), tokens.get(close).end());
                    i = close;
                }
            }
        }
    }

    /** The index after a clause that starts before {@code from}: up to a clause keyword, a ')' or the end, at its depth. */
    private int clauseEnd(int from) {
        int depth = 0;
        for (int j = from; j < tokens.size(); j++) {
            Token token = tokens.get(j);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                if (depth == 0) {
                    return j;
                }
                depth--;
            } else if (depth == 0 && (token.isWordIn(CLAUSE_ENDS) || (token.isWord("connect") && word(j + 1, "by"))
                    || (token.isWord("start") && word(j + 1, "with")))) {
                return j;
            }
        }
        return tokens.size();
    }

    // ---------------------------------------------------------------- DuckDB

    private void duckdb() {
        fromFirst();
        pivotStatement();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isWord("pivot") && symbol(i + 1, "(")) {
                pivotGroupBy(i + 1);
            } else if (token.isWord("list") && symbol(i + 1, "(") && !inFromClause(i)) {
                edits.replace(token.start(), token.end(), "array_agg"); // list(x ORDER BY ts): the same aggregate
            }
            if (token.isWord("replace") && symbol(i + 1, "(") && symbol(i - 1, ")")) {
                int open = CastParentheses.operandStart(tokens, i - 1);
                int close = SqlLexer.closingParenthesis(tokens, i + 1);
                if (open >= 0 && word(open, "exclude") && close > 0) {
                    edits.blank(token.start(), tokens.get(close).end()); // * EXCLUDE (…) REPLACE (…): the replacements go
                    continue;
                }
            }
            if (token.isWord("asof") && (word(i + 1, "join") || word(i + 1, "left") || word(i + 1, "inner"))) {
                edits.blank(token.start(), token.end());
                int join = word(i + 1, "join") ? i + 1 : word(i + 2, "join") ? i + 2 : word(i + 3, "join") ? i + 3 : -1;
                if (join > 0 && at(join + 1) != null) {
                    hints.asof(at(join + 1).start());
                }
            } else if (token.isSymbol("//")) {
                edits.replace(token.start(), token.end(), "/");
            } else if (token.isSymbol("[") && !symbol(i + 1, "]") && !endsOperand(i - 1)) {
                edits.insert(token.start(), "ARRAY"); // a list literal [1, 2]
            } else if (token.isWord("group") && word(i + 1, "by") && word(i + 2, "all") && !symbol(i + 3, "(")) {
                edits.replace(tokens.get(i + 2).start(), tokens.get(i + 2).end(), "()");
                select(i).ifPresent(hints::groupByAll);
            } else if (token.isWord("order") && word(i + 1, "by") && word(i + 2, "all")) {
                edits.blank(token.start(), tokens.get(i + 2).end());
            }
        }
    }

    /** DuckDB's {@code FROM t [SELECT …]}: the FROM clause read after the select list (a missing list is *). */
    private void fromFirst() {
        if (!word(0, "from")) {
            return;
        }
        int depth = 0;
        int select = -1;
        for (int j = 1; j < tokens.size() && select < 0; j++) {
            Token token = tokens.get(j);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && token.isWord("select")) {
                select = j;
            }
        }
        if (select < 0) {
            edits.insert(tokens.get(0).start(), "SELECT * ");
            return;
        }
        int listEnd = clauseEnd(select + 1);
        for (int j = select + 1; j < listEnd; j++) {
            if (tokens.get(j).isWord("where") && depth(j) == depth(select)) {
                listEnd = j;
                break;
            }
        }
        Token last = tokens.get(listEnd - 1);
        edits.moveFromClause(tokens.get(0).start(), tokens.get(select).start(), last.end());
    }

    /**
     * DuckDB's PIVOT statement, {@code PIVOT source ON columns [IN (…)] [USING aggregates] [GROUP BY
     * keys] …}, read as {@code SELECT aggregates FROM source GROUP BY keys …}: one row per key, as the
     * pivot gives (the ON columns become column names); without USING the aggregate is COUNT(*).
     * {@code UNPIVOT source ON … INTO …} is read as {@code SELECT * FROM source}.
     */
    private void pivotStatement() {
        boolean pivot = word(0, "pivot") || word(0, "pivot_wider");
        boolean unpivot = word(0, "unpivot") || word(0, "pivot_longer");
        if (!pivot && !unpivot) {
            return;
        }
        int on = -1;
        int using = -1;
        int rest = tokens.size();
        for (int j = 1; j < tokens.size(); j++) {
            if (depth(j) != 0) {
                continue;
            }
            if (on < 0 && word(j, "on")) {
                on = j;
            } else if (on > 0 && using < 0 && word(j, "using")) {
                using = j;
            } else if (on > 0 && (word(j, "group") || word(j, "order") || word(j, "limit"))) {
                rest = j;
                break;
            }
        }
        if (on < 0) {
            return;
        }
        Token first = tokens.get(0);
        if (unpivot) {
            edits.replace(first.start(), first.end(), "SELECT * FROM");
            edits.blank(tokens.get(on).start(), tokens.get(rest - 1).end());
        } else if (using < 0) {
            edits.replace(first.start(), first.end(), "SELECT COUNT(*) FROM");
            edits.blank(tokens.get(on).start(), tokens.get(rest - 1).end());
        } else {
            edits.replace(first.start(), first.end(), "FROM");
            edits.blank(tokens.get(on).start(), tokens.get(using - 1).end());
            edits.replace(tokens.get(using).start(), tokens.get(using).end(), "SELECT");
            edits.moveFromClause(first.start(), tokens.get(using).start(), tokens.get(rest - 1).end());
        }
    }

    /** DuckDB's {@code PIVOT (aggregate FOR column IN (…) GROUP BY keys)}: the GROUP BY, which Calcite's PIVOT lacks, goes. */
    private void pivotGroupBy(int open) {
        int close = SqlLexer.closingParenthesis(tokens, open);
        for (int j = open + 1; j < close; j++) {
            if (depth(j) == depth(open) + 1 && word(j, "group") && word(j + 1, "by")) {
                edits.blank(tokens.get(j).start(), tokens.get(close - 1).end());
                return;
            }
        }
    }

    /** The offset of the SELECT whose clause holds token {@code i}, at the same depth. */
    private Optional<Integer> select(int i) {
        int depth = 0;
        for (int j = i; j >= 0; j--) {
            Token token = tokens.get(j);
            if (token.isSymbol(")")) {
                depth++;
            } else if (token.isSymbol("(")) {
                if (depth == 0) {
                    return Optional.empty();
                }
                depth--;
            } else if (depth == 0 && token.isWord("select")) {
                return Optional.of(token.start());
            }
        }
        return Optional.empty();
    }

    /** Whether token {@code i} ends an operand, so that what follows is an operator or a subscript. */
    private boolean endsOperand(int i) {
        Token token = at(i);
        if (token == null) {
            return false;
        }
        return switch (token.kind()) {
            case QUOTED_NAME, STRING, NUMBER, PARAM -> true;
            case WORD -> !BEFORE_PARAMETER.contains(token.name()) && !METADATA.isReservedWord(token.text().toUpperCase(Locale.ROOT))
                    || token.isWord("end") || KEYWORD_NAMES.contains(token.name());
            case SYMBOL -> token.isSymbol(")") || token.isSymbol("]");
        };
    }

    // ---------------------------------------------------------------- PostgreSQL

    private void postgres() {
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("->") || token.isSymbol("->>") || token.isSymbol("#>") || token.isSymbol("#>>")) {
                edits.replace(token.start(), token.end(), "||"); // a value of the JSON document
            } else if (token.isSymbol("::") && word(i + 1, "interval") && !edits.touched(token.start(), token.end())) {
                edits.blank(token.start(), tokens.get(i + 1).end()); // (n || ' days')::interval: a value all the same
            } else if (token.isWord("materialized") && (word(i - 1, "as") || (word(i - 1, "not") && word(i - 2, "as")))
                    && symbol(i + 1, "(")) {
                edits.blank(word(i - 1, "not") ? tokens.get(i - 1).start() : token.start(), token.end());
            } else if (token.kind() == Token.Kind.STRING && (word(i - 1, "from") || word(i - 1, "join"))) {
                edits.replace(token.start(), token.end(), "\"" + body(token).replace("\"", "\"\"") + "\""); // FROM 'file.parquet'
            } else if (token.isWord("sample") && symbol(i + 1, "(") && at(i - 1) != null
                    && at(i - 1).kind() == Token.Kind.WORD && inFromClause(i)) {
                int close = SqlLexer.closingParenthesis(tokens, i + 1);
                if (close > 0) {
                    edits.blank(token.start(), tokens.get(close).end()); // Oracle's t SAMPLE (10)
                }
            } else if (token.isWord("positional") && word(i + 1, "join")) {
                edits.replace(token.start(), token.end(), "CROSS"); // row i with row i: no fan-out
                if (at(i + 2) != null) {
                    hints.asof(at(i + 2).start());
                }
            } else if (token.isWord("filter") && symbol(i + 1, "(") && !word(i + 2, "where")) {
                edits.insert(tokens.get(i + 2).start(), "WHERE "); // DuckDB's FILTER (condition)
            } else if (token.isSymbol("{")) {
                structLiteral(i);
            } else if (token.kind() == Token.Kind.WORD && symbol(i + 1, "(") && (word(i - 1, "from")
                    || word(i - 1, "join") || symbol(i - 1, ",") || word(i - 1, "lateral"))
                    && !token.isWord("unnest") && !token.isWord("table") && !token.isWord("lateral")
                    && METADATA.isReservedWord(token.text().toUpperCase(Locale.ROOT)) && inFromClause(i)) {
                edits.replace(token.start(), token.end(), "\"" + token.text() + "\""); // FROM range(10)
            } else if (token.isWord("collate") && at(i + 1) != null
                    && (at(i + 1).kind() == Token.Kind.QUOTED_NAME || at(i + 1).kind() == Token.Kind.WORD)) {
                edits.blank(token.start(), tokens.get(i + 1).end()); // ORDER BY name COLLATE "C": the order of the value
            } else if ((token.isWord("number") || token.isWord("varchar2") || token.isWord("nvarchar2"))
                    && symbol(i + 1, "(") && (castType(i) || symbol(i - 1, "::"))) {
                edits.replace(token.start(), token.end(), token.isWord("number") ? "DECIMAL" : "VARCHAR"); // Oracle types
            } else if (token.isWord("timezone") && symbol(i + 1, "(")) {
                edits.replace(token.start(), token.end(), "\"" + token.text() + "\""); // a function, not the keyword
            } else if (token.isWord("using") && word(i + 1, "sample")) {
                int end = clauseEnd(i + 2);
                edits.blank(token.start(), tokens.get(end - 1).end());
            } else if (token.isSymbol("&&") || token.isSymbol("@@") || token.isSymbol("?|") || token.isSymbol("?&")
                    || token.isSymbol("@>") || token.isSymbol("<@")
                    || (token.isSymbol("?") && endsOperand(i - 1))) {
                edits.replace(token.start(), token.end(), "<>"); // a test of the JSON document
            } else if (token.isWord("distinct") && word(i + 1, "on") && symbol(i + 2, "(")) {
                int close = SqlLexer.closingParenthesis(tokens, i + 2);
                if (close > 0) {
                    edits.blank(tokens.get(i + 1).start(), tokens.get(close).end());
                    List<String> columns = new ArrayList<>();
                    for (List<Token> part : TableDeclarations.split(tokens.subList(i + 3, close))) {
                        if (!part.isEmpty()) {
                            columns.add(part.get(part.size() - 1).name());
                        }
                    }
                    select(i).ifPresent(offset -> hints.distinctOn(offset, columns));
                }
            } else if ((token.isWord("like") || token.isWord("ilike")) && (word(i + 1, "any") || word(i + 1, "all")
                    || word(i + 1, "some"))) {
                if (word(i - 1, "not")) {
                    edits.replace(tokens.get(i - 1).start(), token.end(), "<>");
                } else {
                    edits.replace(token.start(), token.end(), "=");
                }
            } else if (token.isWord("unnest") && symbol(i + 1, "(") && !inFromClause(i)) {
                edits.replace(token.start(), token.end(), "\"" + token.text() + "\"");
            } else if ((token.isWord("approximate") && word(i + 1, "count")) || (token.isWord("top") && word(i - 1, "select")
                    && at(i + 1) != null && at(i + 1).kind() == Token.Kind.NUMBER)) {
                edits.blank(token.start(), token.isWord("top") ? tokens.get(i + 1).end() : token.end());
            } else if (token.isWord("with") && (word(i + 1, "data") || (word(i + 1, "no") && word(i + 2, "data")))
                    && i + (word(i + 1, "data") ? 2 : 3) == tokens.size()) {
                edits.blank(token.start(), tokens.get(tokens.size() - 1).end());
            } else if ((token.isWord("on") && word(i + 1, "conflict")) || token.isWord("returning")) {
                if (depth(i) == 0) {
                    edits.blank(token.start(), tokens.get(tokens.size() - 1).end());
                    return;
                }
            }
        }
    }

    /** DuckDB's {@code {'a': 1, 'b': x}} as {@code MAP['a', 1, 'b', x]}: the keys and values are kept. */
    private void structLiteral(int open) {
        int depth = 0;
        List<Integer> colons = new ArrayList<>();
        for (int j = open; j < tokens.size(); j++) {
            Token token = tokens.get(j);
            if (token.isSymbol("{") || token.isSymbol("(") || token.isSymbol("[")) {
                depth++;
            } else if (token.isSymbol("}") || token.isSymbol(")") || token.isSymbol("]")) {
                depth--;
                if (depth == 0) {
                    if (!token.isSymbol("}")) {
                        return;
                    }
                    edits.replace(tokens.get(open).start(), tokens.get(open).end(), "MAP[");
                    for (int colon : colons) {
                        edits.replace(tokens.get(colon).start(), tokens.get(colon).end(), ",");
                    }
                    edits.replace(token.start(), token.end(), "]");
                    return;
                }
            } else if (depth == 1 && token.isSymbol(":")) {
                colons.add(j);
            }
        }
    }

    private int depth(int i) {
        return depths[Math.max(0, Math.min(i, tokens.size()))];
    }

    /** Whether token {@code i} lies in a FROM clause (after FROM, JOIN or LATERAL, before the next clause). */
    private boolean inFromClause(int i) {
        if (word(i - 1, "from") || word(i - 1, "join") || word(i - 1, "lateral")) {
            return true;
        }
        int depth = 0;
        for (int j = i - 1; j >= 0; j--) {
            Token token = tokens.get(j);
            if (token.isSymbol(")")) {
                depth++;
            } else if (token.isSymbol("(")) {
                if (depth == 0) {
                    return false;
                }
                depth--;
            } else if (depth == 0 && token.kind() == Token.Kind.WORD
                    && Set.of("select", "where", "from", "join", "on", "group", "order", "having").contains(token.name())) {
                return FROM_CONTEXT.contains(token.name());
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- keywords as names

    /**
     * A keyword that PostgreSQL lets users name columns with, used as a name, is quoted: after a
     * dot ({@code e.timestamp}), after AS ({@code AS time}), and {@code timestamp}, {@code time},
     * {@code row} and the like wherever they are not a type, a typed literal, a function or part
     * of a clause ({@code CURRENT ROW}, {@code ROWS BETWEEN}, {@code PARTITION BY}, {@code AT TIME ZONE}).
     */
    private void keywordNames() {
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() != Token.Kind.WORD || edits.touched(token.start(), token.end())) {
                continue;
            }
            String name = token.name();
            boolean reserved = METADATA.isReservedWord(name.toUpperCase(Locale.ROOT));
            boolean quote = false;
            if (symbol(i - 1, ".") && !symbol(i + 1, "(")) {
                quote = reserved;
            } else if (word(i - 1, "as") && !castType(i) && !symbol(i + 1, "(")
                    && !Set.of("select", "with", "not", "materialized", "values", "table").contains(name)) {
                quote = reserved;
            } else if (KEYWORD_NAMES.contains(name)) {
                quote = !keywordUse(i);
            } else if (reserved && (symbol(i - 1, "(") || symbol(i - 1, ",")) && (symbol(i + 1, ")") || symbol(i + 1, ","))
                    && aliasColumnList(i)) {
                quote = true; // AS v(variant)
            }
            if (quote) {
                edits.replace(token.start(), token.end(), "\"" + token.text() + "\"");
            }
        }
    }

    /** Whether token {@code i} lies in the column list of an alias: {@code AS v(a, b)}, {@code t v(a, b)}. */
    private boolean aliasColumnList(int i) {
        int depth = 0;
        for (int j = i - 1; j >= 0; j--) {
            if (tokens.get(j).isSymbol(")")) {
                depth++;
            } else if (tokens.get(j).isSymbol("(")) {
                if (depth == 0) {
                    return j >= 2 && at(j - 1).kind() == Token.Kind.WORD && (word(j - 2, "as") || symbol(j - 2, ")"));
                }
                depth--;
            }
        }
        return false;
    }

    /** Whether a KEYWORD_NAMES word at {@code i} is used as the keyword. */
    private boolean keywordUse(int i) {
        Token token = tokens.get(i);
        String word = token.name();
        Token next = at(i + 1);
        if (next != null && (next.kind() == Token.Kind.STRING || next.isSymbol("("))) {
            return true; // TIMESTAMP '…', DATE(ts), ROW(…), OVER (…)
        }
        if (symbol(i - 1, "::") || castType(i)) {
            return true;
        }
        if (word(i - 1, "as") && depth(i) == 0 && word(i + 1, "select")) {
            return true;
        }
        switch (word) {
            case "timestamp", "time" -> {
                return word(i + 1, "with") || word(i + 1, "without") || word(i - 1, "at") || word(i - 1, "with")
                        || word(i - 1, "without") || word(i - 1, "current");
            }
            case "interval" -> {
                return next != null && (next.kind() == Token.Kind.NUMBER || next.isSymbol("-") || next.kind() == Token.Kind.PARAM);
            }
            case "row" -> {
                return word(i - 1, "current") || word(i - 1, "each") || word(i - 1, "first") || word(i - 1, "next")
                        || word(i + 1, "only") || endsNumber(i - 1);
            }
            case "rows", "range" -> {
                return word(i + 1, "between") || word(i + 1, "unbounded") || word(i + 1, "current") || word(i + 1, "only")
                        || endsNumber(i - 1) || (next != null && next.kind() == Token.Kind.NUMBER) || word(i - 1, "first")
                        || word(i - 1, "next") || word(i - 1, "with");
            }
            case "current" -> {
                return word(i + 1, "row") || word(i + 1, "date") || word(i + 1, "time") || word(i + 1, "timestamp");
            }
            case "partition" -> {
                return word(i + 1, "by");
            }
            case "over" -> {
                return symbol(i - 1, ")") || (next != null && next.kind() == Token.Kind.WORD);
            }
            case "call" -> {
                return i == 0;
            }
            default -> {
                return false;
            }
        }
    }

    private boolean endsNumber(int i) {
        Token token = at(i);
        return token != null && (token.kind() == Token.Kind.NUMBER || token.kind() == Token.Kind.PARAM || token.isSymbol("?"));
    }

    /** Whether the word at {@code i} is the type of a CAST(… AS type). */
    private boolean castType(int i) {
        int j = i - 1;
        while (j >= 0 && tokens.get(j).kind() == Token.Kind.WORD && !tokens.get(j).isWord("as")) {
            j--; // double precision, timestamp with time zone
        }
        return j >= 0 && tokens.get(j).isWord("as") && Set.of("cast", "try_cast", "safe_cast").contains(enclosing[j]);
    }

    private static String[] enclosingFunctions(List<Token> tokens) {
        String[] enclosing = new String[tokens.size()];
        Deque<String> stack = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol(")") && !stack.isEmpty()) {
                stack.pop();
            }
            enclosing[i] = stack.isEmpty() ? "" : stack.peek();
            if (token.isSymbol("(")) {
                Token before = i > 0 ? tokens.get(i - 1) : null;
                stack.push(before != null && before.kind() == Token.Kind.WORD ? before.name() : "");
            }
        }
        return enclosing;
    }

    // ---------------------------------------------------------------- SELECT without FROM

    /**
     * {@code SELECT … WHERE …} without a FROM (PostgreSQL and DuckDB read it over one row): Babel
     * wants a FROM before WHERE, so the one row is written out, {@code FROM (VALUES (0))}.
     */
    private void selectWithoutFrom() {
        for (int i = 0; i < tokens.size(); i++) {
            if (!word(i, "select") || (word(0, "from") && depth(i) == 0)) {
                continue; // DuckDB's FROM t SELECT … WHERE …: its FROM is moved, not missing
            }
            for (int j = i + 1; j < tokens.size() && depth(j) >= depth(i); j++) {
                Token token = tokens.get(j);
                if (depth(j) != depth(i) || token.kind() != Token.Kind.WORD) {
                    continue;
                }
                if (token.isWord("where") || (token.isWord("group") && word(j + 1, "by")) || token.isWord("having")) {
                    edits.insert(token.start(), "FROM (VALUES (0)) AS \"one row\" ");
                }
                if (token.isWord("from") || token.isWord("where") || token.isWordIn(CLAUSE_ENDS)) {
                    break;
                }
            }
        }
    }

    // ---------------------------------------------------------------- AT TIME ZONE

    /** {@code v AT TIME ZONE z} as {@code AT_TIME_ZONE(v, z)}: a function of the value. */
    private void atTimeZone() {
        for (int i = 1; i + 3 < tokens.size(); i++) {
            if (!(word(i, "at") && word(i + 1, "time") && word(i + 2, "zone"))) {
                continue;
            }
            int first = CastParentheses.operandStart(tokens, i - 1);
            while (first > 1 && symbol(first - 1, "::")) {
                first = CastParentheses.operandStart(tokens, first - 2);
            }
            Token zone = tokens.get(i + 3);
            int zoneEnd = i + 3;
            if (zone.isSymbol("(")) {
                zoneEnd = SqlLexer.closingParenthesis(tokens, i + 3);
            }
            if (first < 0 || zoneEnd < 0) {
                continue;
            }
            edits.insert(tokens.get(first).start(), "AT_TIME_ZONE(");
            edits.replace(tokens.get(i).start(), tokens.get(i + 2).end(), ",");
            edits.insert(tokens.get(zoneEnd).end(), ")");
        }
    }

    // ---------------------------------------------------------------- casts

    /** {@code text[]} as {@code text ARRAY}, in casts and declarations alike. */
    private void arrayTypes() {
        for (int i = 1; i + 1 < tokens.size(); i++) {
            if (symbol(i, "[") && symbol(i + 1, "]") && at(i - 1).kind() == Token.Kind.WORD) {
                edits.replace(tokens.get(i).start(), tokens.get(i + 1).end(), " ARRAY");
            }
        }
    }

    private void casts() {
        CastParentheses.apply(tokens, edits);
    }
}
