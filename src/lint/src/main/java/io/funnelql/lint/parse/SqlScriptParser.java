package io.funnelql.lint.parse;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Cuts a SQL file into statements and parses each on its own with Calcite's Babel parser, so a
 * broken statement yields one problem ({@link UnparsableStatement}) and the others are still
 * linted.
 *
 * <p>The statement's header is read first ({@link StatementHeaders}) and only the query is handed
 * to Babel: its own text, from its first token to its last, after the rewrites of the dialects'
 * syntax ({@link Rewriter}). Each statement is parsed from its own text, so the work is linear in
 * the file's size; positions map back to the file through the statement's {@link PositionMap}.
 */
public final class SqlScriptParser {
    static final SqlParser.Config CONFIG = SqlParser.config()
            .withParserFactory(SqlBabelParserImpl.FACTORY)
            .withConformance(SqlConformanceEnum.BABEL)
            .withQuoting(Quoting.DOUBLE_QUOTE)
            .withUnquotedCasing(Casing.UNCHANGED)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(false);

    /** Files of more statements than this are parsed on all cores (statements parse independently). */
    private static final int PARALLEL_FROM = 64;

    private final AtomicLong charactersParsed = new AtomicLong();
    /**
     * One Babel parser per thread, re-initialized for each statement: making one allocates more than
     * parsing a statement takes.
     */
    private final ThreadLocal<SqlAbstractParserImpl> babels = new ThreadLocal<>();

    /** Babel's keyword metadata (which words it reserves). */
    static SqlAbstractParserImpl.Metadata metadata() {
        return SqlParser.create("", CONFIG).getMetadata();
    }

    /** How many characters this parser has handed to Babel: the work it did, to check that it stays linear. */
    public long charactersParsed() {
        return charactersParsed.get();
    }

    public ParsedFile parse(SqlFile file) {
        List<List<Token>> all = SqlLexer.statements(SqlLexer.tokens(file.text()));
        Object[] results = new Object[all.size()];
        IntStream indexes = IntStream.range(0, all.size());
        (all.size() >= PARALLEL_FROM ? indexes.parallel() : indexes).forEach(i -> {
            try {
                results[i] = statement(file, all.get(i)).orElse(null);
            } catch (UnparsableStatement unparsable) {
                results[i] = unparsable.problem();
            }
        });
        List<SqlStatement> statements = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        List<List<Token>> unparsed = new ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            if (results[i] instanceof SqlStatement statement) {
                statements.add(statement);
            } else if (results[i] instanceof ParseProblem problem) {
                problems.add(problem);
                unparsed.add(all.get(i));
            }
        }
        return new ParsedFile(file, statements, problems, unparsed);
    }

    private Optional<SqlStatement> statement(SqlFile file, List<Token> tokens) {
        StatementHeader header = StatementHeaders.read(file, tokens);
        if (header instanceof StatementHeader.Declaration declaration) {
            return Optional.of(declaration.table());
        }
        if (header instanceof StatementHeader.Index index) {
            return Optional.of(index.index());
        }
        if (header instanceof StatementHeader.Query query) {
            List<Token> body = tokens.subList(query.queryStart(), query.queryEnd());
            if (body.isEmpty()) {
                throw UnparsableStatement.noQueryAfter(file, tokens.get(tokens.size() - 1));
            }
            ParseHints hints = new ParseHints();
            TextEdits edits = new TextEdits(file);
            Rewriter.apply(body, edits, hints);
            PositionMap positions = edits.apply(body.get(0).start(), body.get(body.size() - 1).end(), " ");
            return Optional.of(new SqlStatement.Query(query.kind(), query.target(), query.targetColumns(),
                    parse(file, body, positions), tokens.get(0).start(), positions, hints));
        }
        return Optional.empty();
    }

    /** Parses the rewritten text of a query, in its own coordinates. */
    private SqlNode parse(SqlFile file, List<Token> tokens, PositionMap positions) {
        charactersParsed.addAndGet(positions.text().length());
        SqlAbstractParserImpl babel = babels.get();
        if (babel == null) {
            babel = CONFIG.parserFactory().getParser(new StringReader(positions.text()));
            babels.set(babel);
        } else {
            babel.ReInit(new StringReader(positions.text()));
        }
        // What SqlParser.create does, after each ReInit (which resets the lexical state).
        babel.setOriginalSql(positions.text());
        babel.setTabSize(1);
        babel.setQuotedCasing(CONFIG.quotedCasing());
        babel.setUnquotedCasing(CONFIG.unquotedCasing());
        babel.setIdentifierMaxLength(CONFIG.identifierMaxLength());
        babel.setTimeUnitCodes(CONFIG.timeUnitCodes());
        babel.setConformance(CONFIG.conformance());
        babel.switchTo(SqlAbstractParserImpl.LexicalState.forConfig(CONFIG));
        try {
            return babel.parseSqlStmtEof();
        } catch (Throwable e) {
            SqlParseException normalized;
            try {
                normalized = babel.normalizeException(e);
            } catch (RuntimeException cannot) {
                babels.remove();
                throw UnparsableStatement.failure(file, tokens.get(0), e instanceof RuntimeException r ? r
                        : new IllegalStateException(e.getMessage(), e));
            }
            babels.remove(); // a parser that failed half-way is not reused
            if (e instanceof SqlParseException || normalized.getPos() != null || e instanceof Error) {
                throw UnparsableStatement.babel(file, tokens, normalized, positions);
            }
            throw UnparsableStatement.failure(file, tokens.get(0), new IllegalStateException(normalized.getMessage(), e));
        }
    }
}
