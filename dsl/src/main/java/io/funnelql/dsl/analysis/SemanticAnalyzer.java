package io.funnelql.dsl.analysis;

import io.funnelql.dsl.ast.Identifier;
import io.funnelql.dsl.ast.Script;
import io.funnelql.dsl.ast.Statement;
import io.funnelql.dsl.diagnostic.Diagnostic;
import io.funnelql.dsl.model.DataType;
import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Parameter;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.Source;
import io.funnelql.dsl.model.Specification;
import io.funnelql.dsl.model.expression.Expression;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * From AST to resolved model. Declarations may come in any order: sources and parameters are
 * resolved before the queries that use them. Every error found is reported, not just the first.
 */
public final class SemanticAnalyzer {

    /** The resolved specification, or the errors that prevent one. */
    public record Result(Optional<Specification> specification, List<Diagnostic> diagnostics) {}

    public Result analyze(String fileName, Script script) {
        Diagnostics diagnostics = new Diagnostics();
        Map<Name, Source> sources = new LinkedHashMap<>();
        Map<Name, Parameter> parameters = new LinkedHashMap<>();
        Map<Name, Identifier> declared = new HashMap<>();
        Map<Name, Identifier> queryNames = new HashMap<>();
        SourceAnalyzer sourceAnalyzer = new SourceAnalyzer(diagnostics);

        for (Statement statement : script.statements()) {
            if (statement instanceof Statement.SourceDeclaration source) {
                if (unique(declared, source.name(), "source", diagnostics)) {
                    sourceAnalyzer.analyze(source).ifPresent(s -> sources.put(s.name(), s));
                }
            } else if (statement instanceof Statement.ParameterDeclaration parameter) {
                if (unique(declared, parameter.name(), "parameter", diagnostics)) {
                    parameter(parameter, diagnostics).ifPresent(p -> parameters.put(p.name(), p));
                }
            }
        }

        List<Query> queries = new ArrayList<>();
        for (Statement statement : script.statements()) {
            if (statement instanceof Statement.SourceDeclaration || statement instanceof Statement.ParameterDeclaration) {
                continue;
            }
            if (!unique(queryNames, statement.name(), "query", diagnostics)) {
                continue;
            }
            Identifier sourceName = querySource(statement);
            Source source = sources.get(sourceName.name());
            if (source == null) {
                if (!declared.containsKey(sourceName.name())) {
                    diagnostics.error(sourceName.location(), "unknown source " + sourceName.name().display()
                            + Suggestions.didYouMean(sourceName.text(), declaredSources(script)));
                }
                continue; // a source that failed its own checks has been reported already
            }
            QueryScope scope = new QueryScope(source,
                    new ExpressionAnalyzer(Optional.of(source), parameters, diagnostics), diagnostics);
            Optional<? extends Query> query;
            if (statement instanceof Statement.FunnelDeclaration funnel) {
                query = new FunnelAnalyzer(scope).analyze(funnel);
            } else if (statement instanceof Statement.SessionsDeclaration sessions) {
                query = new SessionsAnalyzer(scope).analyze(sessions);
            } else if (statement instanceof Statement.MetricDeclaration metric) {
                query = new MetricAnalyzer(scope).analyze(metric);
            } else if (statement instanceof Statement.SequenceDeclaration sequence) {
                query = new SequenceAnalyzer(scope).analyze(sequence);
            } else if (statement instanceof Statement.PathsDeclaration paths) {
                query = new PathsAnalyzer(scope).analyze(paths);
            } else {
                query = new RetentionAnalyzer(scope).analyze((Statement.RetentionDeclaration) statement);
            }
            query.ifPresent(queries::add);
        }
        if (diagnostics.hasErrors()) {
            return new Result(Optional.empty(), diagnostics.sorted());
        }
        return new Result(Optional.of(new Specification(fileName, List.copyOf(sources.values()),
                List.copyOf(parameters.values()), queries)), List.of());
    }

    private static Identifier querySource(Statement statement) {
        if (statement instanceof Statement.FunnelDeclaration funnel) {
            return funnel.source();
        }
        if (statement instanceof Statement.SessionsDeclaration sessions) {
            return sessions.source();
        }
        if (statement instanceof Statement.MetricDeclaration metric) {
            return metric.source();
        }
        if (statement instanceof Statement.SequenceDeclaration sequence) {
            return sequence.source();
        }
        if (statement instanceof Statement.PathsDeclaration paths) {
            return paths.source();
        }
        return ((Statement.RetentionDeclaration) statement).source();
    }

    private static List<String> declaredSources(Script script) {
        return script.statements().stream()
                .filter(Statement.SourceDeclaration.class::isInstance)
                .map(statement -> statement.name().name().display())
                .toList();
    }

    private static boolean unique(Map<Name, Identifier> seen, Identifier name, String kind, Diagnostics diagnostics) {
        Identifier earlier = seen.putIfAbsent(name.name(), name);
        if (earlier != null) {
            diagnostics.error(name.location(), "duplicate name " + name.name().display() + ": already declared at line "
                    + earlier.location());
            return false;
        }
        return true;
    }

    private static Optional<Parameter> parameter(Statement.ParameterDeclaration declaration, Diagnostics diagnostics) {
        DataType type = declaration.type().type();
        if (declaration.defaultValue().isEmpty()) {
            return Optional.of(new Parameter(declaration.name().name(), type, Optional.empty()));
        }
        ExpressionAnalyzer literals = new ExpressionAnalyzer(Optional.empty(), Map.of(), diagnostics);
        Expression value = literals.analyze(declaration.defaultValue().get());
        if (ExpressionAnalyzer.isError(value)) {
            return Optional.empty();
        }
        boolean fits = value.type() == type || (type == DataType.DOUBLE && value.type() == DataType.BIGINT);
        if (!fits) {
            diagnostics.error(declaration.defaultValue().get().location(), "default of parameter "
                    + declaration.name().name().display() + " must be a " + type.displayName() + ", found "
                    + value.type().displayName());
            return Optional.empty();
        }
        Object literal = ((Expression.Literal) value).value();
        if (type == DataType.DOUBLE && literal instanceof Long whole) {
            literal = whole.doubleValue();
        }
        return Optional.of(new Parameter(declaration.name().name(), type, Optional.ofNullable(literal)));
    }
}
