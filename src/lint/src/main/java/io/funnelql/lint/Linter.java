package io.funnelql.lint;

import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.Source;
import io.funnelql.lint.model.Catalog;
import io.funnelql.lint.model.ColumnFacts;
import io.funnelql.lint.model.RelationShape;
import io.funnelql.lint.model.StatementAnalyzer;
import io.funnelql.lint.parse.ParseProblem;
import io.funnelql.lint.parse.ParsedFile;
import io.funnelql.lint.parse.SqlFile;
import io.funnelql.lint.parse.SqlScriptParser;
import io.funnelql.lint.parse.SqlStatement;
import io.funnelql.lint.parse.Token;
import io.funnelql.lint.report.Finding;
import io.funnelql.lint.report.LintReport;
import io.funnelql.lint.report.RuleInfo;
import io.funnelql.lint.rules.LintContext;
import io.funnelql.lint.rules.Rule;
import io.funnelql.lint.rules.Rules;
import io.funnelql.lint.rules.TokenContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The linter: parses each file statement by statement, reads each query into select blocks
 * against a catalog (the schema's sources, then what the file declares and creates, in order),
 * and runs every rule on every statement.
 */
public final class Linter {
    /** Files of more statements than this are analysed and checked on all cores. */
    private static final int PARALLEL_FROM = 64;

    private final LintSettings settings;
    private final List<Rule> rules;

    public Linter(LintSettings settings) {
        this(settings, Rules.all());
    }

    public Linter(LintSettings settings, List<Rule> rules) {
        this.settings = settings;
        this.rules = List.copyOf(rules);
    }

    public LintReport lint(List<SqlFile> files) {
        List<Finding> findings = new ArrayList<>();
        Map<String, SqlFile> byName = new LinkedHashMap<>();
        for (SqlFile file : files) {
            byName.put(file.name(), file);
            lint(file, findings);
        }
        return new LintReport(rules.stream().map(Rule::info).toList(), byName, findings);
    }

    private void lint(SqlFile file, List<Finding> findings) {
        ParsedFile parsed = new SqlScriptParser().parse(file);
        for (ParseProblem problem : parsed.problems()) {
            findings.add(new Finding(RuleInfo.SYNTAX, file.name(), problem.line(), problem.column(), problem.line(),
                    problem.column(), problem.message()));
        }
        for (List<Token> tokens : parsed.unparsed()) {
            TokenContext context = new TokenContext(file, tokens, settings, findings::add);
            for (Rule rule : rules) {
                rule.checkTokens(context);
            }
        }
        // In file order, what each statement may name: the declarations, and the views and tables the
        // file creates (analysed here, as later statements need their shapes). Every other query is
        // analysed and checked afterwards, on all cores for a large file, against its snapshot.
        Catalog catalog = catalog(settings.sources());
        List<SqlStatement> statements = parsed.statements();
        Analysis[] analyses = new Analysis[statements.size()];
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement statement = statements.get(i);
            if (statement instanceof SqlStatement.TableDeclaration table) {
                catalog.add(table.name(), new RelationShape(Optional.of(lastPart(table.name())),
                        Optional.of(table.columns()), table.uniqueKeys().stream().map(Set::copyOf).toList(),
                        Optional.empty(), List.of(), new ColumnFacts(table.temporalColumns(), table.otherTypedColumns(),
                                Set.of(), List.of(), tenantScoped(table.columns()))));
            } else if (statement instanceof SqlStatement.UniqueIndex index) {
                catalog.addKey(index.table(), Set.copyOf(index.columns()));
            } else if (statement instanceof SqlStatement.Query query) {
                boolean creates = query.target().isPresent() && query.kind() != SqlStatement.Kind.INSERT;
                analyses[i] = new Analysis(query, catalog.snapshot());
                if (creates) {
                    analyses[i].analyze(settings).ifPresent(analyzed -> {
                        RelationShape shape = analyzed.shape().withOrigin(lastPart(query.target().get()));
                        catalog.add(query.target().get(), query.targetColumns().isEmpty() ? shape
                                : shape.renamed(query.targetColumns()));
                    });
                }
            }
        }
        IntStream indexes = IntStream.range(0, analyses.length);
        List<List<Finding>> found = (analyses.length >= PARALLEL_FROM ? indexes.parallel() : indexes)
                .mapToObj(i -> analyses[i] == null ? List.<Finding>of() : check(file, analyses[i]))
                .toList();
        found.forEach(findings::addAll);
    }

    /** The rules' findings on one query, or the note that the model could not read it. */
    private List<Finding> check(SqlFile file, Analysis analysis) {
        SqlStatement.Query query = analysis.query();
        try {
            Optional<StatementAnalyzer.Result> analyzed = analysis.analyze(settings);
            if (analyzed.isEmpty()) {
                return List.of(unreadable(file, query, analysis.failure()));
            }
            List<Finding> found = new ArrayList<>();
            LintContext context = new LintContext(file, query, analyzed.get().blocks(), settings, found::add);
            for (Rule rule : rules) {
                rule.check(context);
            }
            return found;
        } catch (RuntimeException e) {
            return List.of(unreadable(file, query, e));
        }
    }

    /** A statement the model cannot read is said, not skipped: the rest of the file goes on. */
    private static Finding unreadable(SqlFile file, SqlStatement.Query query, RuntimeException e) {
        int line = file.lineOf(query.start());
        int column = file.columnOf(query.start());
        return new Finding(RuleInfo.SYNTAX, file.name(), line, column, line, column,
                "the linter could not read this statement (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse(""))
                        + "); it is not checked. Please report it with the statement.");
    }

    /** A query and the catalog it sees; analysed once, by the pass that needs it first. */
    private static final class Analysis {
        private final SqlStatement.Query query;
        private final Catalog catalog;
        private StatementAnalyzer.Result result;
        private RuntimeException failure;

        Analysis(SqlStatement.Query query, Catalog catalog) {
            this.query = query;
            this.catalog = catalog;
        }

        SqlStatement.Query query() {
            return query;
        }

        RuntimeException failure() {
            return failure;
        }

        /** The analysis, or empty when the model could not read the query ({@link #failure} says why). */
        Optional<StatementAnalyzer.Result> analyze(LintSettings settings) {
            if (result == null && failure == null) {
                try {
                    result = StatementAnalyzer.analyze(query.query(), catalog,
                            new StatementAnalyzer.Hints(query.positions(), query.hints(), settings.tenantColumns(),
                                    settings.tenantColumnOption().isPresent()));
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            return Optional.ofNullable(result);
        }
    }

    private boolean tenantScoped(List<String> columns) {
        return settings.tenantColumns().stream().anyMatch(columns::contains);
    }

    private static String lastPart(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** The schema's sources as relations: their columns, their time column, unique on (tenant,) event id. */
    static Catalog catalog(List<Source> sources) {
        Catalog catalog = new Catalog();
        for (Source source : sources) {
            List<String> columns = source.columns().stream().map(Linter::name).toList();
            List<Set<String>> keys = new ArrayList<>();
            source.eventId().ifPresent(id -> keys.add(source.tenant().isPresent()
                    ? Set.of(name(source.tenant().get()), name(id)) : Set.of(name(id))));
            String table = source.table().toString().toLowerCase(Locale.ROOT);
            RelationShape shape = new RelationShape(Optional.of(lastPart(table)), Optional.of(columns), keys,
                    Optional.of(name(source.time())), List.of());
            catalog.add(table, shape);
            catalog.add(source.name().value(), shape.withOrigin(source.name().value()));
        }
        return catalog;
    }

    private static String name(Column column) {
        return column.name().value().toLowerCase(Locale.ROOT);
    }
}
