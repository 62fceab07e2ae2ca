package io.funnelql.testkit;

import io.funnelql.compiler.CompiledQuery;
import io.funnelql.dsl.model.DataType;
import io.funnelql.dsl.model.Name;
import io.funnelql.input.ParameterValues;
import io.funnelql.input.SpecificationFiles;
import io.funnelql.reference.ReferenceExecutor;
import io.funnelql.reference.evaluation.EvaluationException;
import io.funnelql.result.ResultTable;
import io.funnelql.verify.ExpectedCsv;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A query over its events, ready to check: set parameters and engines, then assert. The
 * reference executor (docs/semantics.md, executed) always runs; the chosen engines run the
 * compiled SQL. Every method returns a new object; the assertions run everything anew.
 */
public final class QueryCheck {
    private static final String EXPECTED_ROWS = "the expected rows";

    private final Subject subject;
    private final Map<String, String> parameters;
    private final List<Engine> engines;

    QueryCheck(Subject subject) {
        this(subject, Map.of(), List.of());
    }

    private QueryCheck(Subject subject, Map<String, String> parameters, List<Engine> engines) {
        this.subject = subject;
        this.parameters = parameters;
        this.engines = engines;
    }

    /**
     * A value for a parameter the spec declares, in the text form of {@code funnelql run --param
     * NAME=VALUE} (typed by the declaration: {@code "2024-10-28 00:00:00"}, {@code "3"}, {@code "true"}).
     * Parameters not given take their defaults.
     */
    public QueryCheck parameter(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Map<String, String> given = new LinkedHashMap<>(parameters);
        given.put(name, value);
        return new QueryCheck(subject, Collections.unmodifiableMap(given), engines);
    }

    /** The engines to run besides the reference executor, replacing any chosen before; none: the reference only. */
    public QueryCheck onEngines(Engine... engines) {
        List<Engine> chosen = Arrays.stream(engines).map(engine -> Objects.requireNonNull(engine, "engine"))
                .distinct().toList();
        return new QueryCheck(subject, parameters, chosen);
    }

    /**
     * The reference executor and every chosen engine return exactly these rows, written as
     * {@code funnelql run --format csv} writes them: a header row, NULL as an empty field.
     * Rows may be in any order.
     */
    public void assertRows(String expectedCsv) {
        Objects.requireNonNull(expectedCsv, "expectedCsv");
        checkRows(expectedCsv, EXPECTED_ROWS);
    }

    /** {@link #assertRows(String)} with the rows in a file, such as a golden case's expected.csv. */
    public void assertRows(Path expectedCsv) {
        Objects.requireNonNull(expectedCsv, "expectedCsv");
        String text;
        try {
            text = Files.readString(expectedCsv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionFailedError(SpecificationFiles.unreadable(expectedCsv, e));
        }
        checkRows(text, expectedCsv.toString());
    }

    /** Every chosen engine returns exactly the reference executor's rows. */
    public void assertAgreement() {
        if (engines.isEmpty()) {
            throw new AssertionFailedError("funnelql: " + subject.describe() + ": assertAgreement() compares engines"
                    + " with the reference executor, and none is chosen; call onEngines(...) first");
        }
        Map<Name, Object> values = parameterValues();
        ResultTable reference = reference(values);
        List<Problem> problems = new ArrayList<>();
        for (Engine engine : engines) {
            Problem.ofEngine(EngineOutcome.run(engine, subject, values), reference, "reference", null)
                    .ifPresent(problems::add);
        }
        Failures.failIfAny(subject, "not the reference executor's rows", problems);
    }

    /**
     * Your own SQL for this query — a hand-written funnel you keep, or are replacing with the
     * spec — returns the reference executor's rows on every chosen engine. It runs over the events
     * loaded into the table the spec's source names, with no parameters. Its columns are matched
     * to the query's result by name (case ignored), or, for {@code report steps}, one column per
     * step name holding that step's count (the wide form most hand-written funnels return); values
     * compare as text, numbers by value. On disagreement the failure shows the differing rows and
     * your SQL, as {@code funnelql lint --against} does with generated datasets.
     */
    public void assertSqlAgrees(String sql) {
        Objects.requireNonNull(sql, "sql");
        if (engines.isEmpty()) {
            throw new AssertionFailedError("funnelql: " + subject.describe() + ": assertSqlAgrees(sql) runs your SQL"
                    + " on engines, and none is chosen; call onEngines(...) first");
        }
        ResultTable reference = reference(parameterValues());
        List<Problem> problems = new ArrayList<>();
        for (Engine engine : engines) {
            Problem.ofWrittenSql(engine, sql, reference, SharedEngines.run(engine, open -> HandWrittenRun.run(open,
                    subject, sql))).ifPresent(problems::add);
        }
        Failures.failIfAny(subject, "your SQL does not return the reference executor's rows", problems);
    }

    /** The reference executor's result, for assertions of your own; the chosen engines do not run. */
    public QueryResult rows() {
        return QueryResult.of(reference(parameterValues()));
    }

    private void checkRows(String expectedText, String expectedName) {
        Map<Name, Object> values = parameterValues();
        ResultTable reference = reference(values);
        List<EngineOutcome> outcomes = engines.stream()
                .map(engine -> EngineOutcome.run(engine, subject, values))
                .toList();
        ResultTable expected = expected(expectedText, expectedName, reference, outcomes);
        List<Problem> problems = new ArrayList<>();
        Optional<Problem> ofReference = Problem.ofReference(expected, reference);
        ofReference.ifPresent(problems::add);
        for (EngineOutcome outcome : outcomes) {
            Problem.ofEngine(outcome, expected, "expected", ofReference.isPresent() ? reference : null)
                    .ifPresent(problems::add);
        }
        Failures.failIfAny(subject, "not the expected rows", problems);
    }

    /**
     * The expected rows, typed column by column like the reference's result; a column that is
     * NULL throughout takes the type the compiled SQL declares, when an engine ran.
     */
    private ResultTable expected(String text, String name, ResultTable reference, List<EngineOutcome> outcomes) {
        List<DataType> declared = outcomes.stream()
                .filter(EngineOutcome.Ran.class::isInstance)
                .map(outcome -> ((EngineOutcome.Ran) outcome).compiled().columns().stream()
                        .map(CompiledQuery.OutputColumn::type).toList())
                .findFirst()
                .orElse(List.of());
        try {
            return ExpectedCsv.parse(text, name, ExpectedCsv.columnTypes(reference, declared));
        } catch (IllegalArgumentException e) {
            throw new AssertionFailedError("funnelql: " + subject.describe() + ": " + e.getMessage());
        }
    }

    private Map<Name, Object> parameterValues() {
        return Failures.userInput(() -> ParameterValues.resolve(subject.specification(), parameters));
    }

    private ResultTable reference(Map<Name, Object> values) {
        try {
            return ReferenceExecutor.execute(subject.query(), subject.events(), values);
        } catch (EvaluationException e) {
            throw new AssertionFailedError("funnelql: " + subject.describe() + ": the reference executor fails: "
                    + e.getMessage());
        }
    }
}
