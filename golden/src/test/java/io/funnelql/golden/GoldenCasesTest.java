package io.funnelql.golden;

import io.funnelql.compiler.CompilationException;
import io.funnelql.compiler.CompiledQuery;
import io.funnelql.compiler.SqlCompiler;
import io.funnelql.dialects.TargetDialect;
import io.funnelql.dsl.model.DataType;
import io.funnelql.engine.Engine;
import io.funnelql.result.ResultFormatter;
import io.funnelql.result.ResultTable;
import io.funnelql.verify.EngineRun;
import io.funnelql.verify.ExpectedCsv;
import io.funnelql.verify.ResultDiff;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden corpus (golden/cases, described in docs/test-kit.md): per case, the reference
 * executor's result equals expected.csv, the case's files are in order, and on every engine the
 * compiled SQL equals its snapshot and the rows equal both expected.csv and the reference.
 * {@code -Dgolden.update=true} rewrites the SQL snapshots (never expected.csv).
 */
class GoldenCasesTest {
    static final Path CASES = Path.of("cases");
    static final boolean UPDATE = Boolean.getBoolean("golden.update");
    /** {@code -Dgolden.only=PREFIX} runs only the cases whose folder name starts with PREFIX (while iterating). */
    static final String ONLY = System.getProperty("golden.only", "");
    /** The dialect each engine runs; "oracle-h2" runs the Oracle SQL on H2 in Oracle mode. */
    static final Map<String, TargetDialect> DIALECTS = Map.of(
            "duckdb", TargetDialect.DUCKDB,
            "h2", TargetDialect.H2,
            "oracle-h2", TargetDialect.ORACLE,
            "postgres", TargetDialect.POSTGRES,
            "spark", TargetDialect.SPARK);
    private static final Pattern SNAPSHOT = Pattern.compile("expected\\.(.+)\\.sql");
    private static final List<String> FIXED_FILES = List.of(GoldenCase.SPEC, GoldenCase.EVENTS, GoldenCase.EXPECTED,
            GoldenCase.QUERY, GoldenCase.PARAMS, GoldenCase.SKIP);
    private static final int DIFF_LINES = 60;

    private final Map<Path, Object> loaded = new HashMap<>();

    @AfterAll
    static void closeEngines() {
        SharedEngines.closeAll();
    }

    @TestFactory
    List<DynamicNode> goldenCases() throws Exception {
        List<Path> folders = GoldenCase.folders(CASES).stream()
                .filter(folder -> folder.getFileName().toString().startsWith(ONLY)).toList();
        assertThat(folders).as("golden cases under " + CASES.toAbsolutePath()).hasSizeGreaterThanOrEqualTo(ONLY.isEmpty() ? 40 : 1);
        List<DynamicNode> cases = new ArrayList<>();
        for (Path folder : folders) {
            List<DynamicTest> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest("files", () -> checkFiles(folder)));
            tests.add(DynamicTest.dynamicTest("reference", () -> checkReference(load(folder))));
            for (String engine : SharedEngines.NAMES) {
                tests.add(DynamicTest.dynamicTest(engine, () -> checkEngine(load(folder), engine)));
            }
            cases.add(DynamicContainer.dynamicContainer(folder.getFileName().toString(), tests));
        }
        return cases;
    }

    /** Loads a case once; a case that cannot load fails every one of its tests with the same error. */
    private GoldenCase load(Path folder) throws Exception {
        Object value = loaded.computeIfAbsent(folder, f -> {
            try {
                return GoldenCase.load(f);
            } catch (Exception e) {
                return e;
            }
        });
        if (value instanceof Exception e) {
            throw new AssertionError("case " + folder.getFileName() + " does not load: " + e.getMessage(), e);
        }
        return (GoldenCase) value;
    }

    /**
     * Only known files; a snapshot for every engine that runs and none for a dialect that does
     * not exist or an engine that is skipped (update mode deletes the latter).
     */
    static void checkFiles(Path folder) throws Exception {
        List<String> problems = new ArrayList<>();
        for (String required : List.of(GoldenCase.SPEC, GoldenCase.EVENTS, GoldenCase.EXPECTED)) {
            if (!Files.isRegularFile(folder.resolve(required))) {
                problems.add("missing " + required);
            }
        }
        Map<String, GoldenCase.Skip> skips = GoldenCase.skips(folder.resolve(GoldenCase.SKIP));
        List<String> dialects = DIALECTS.values().stream().map(TargetDialect::keyword).toList();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                Matcher snapshot = SNAPSHOT.matcher(name);
                if (FIXED_FILES.contains(name)) {
                    continue;
                }
                if (!snapshot.matches()) {
                    problems.add("unknown file " + name + " (a case holds " + String.join(", ", FIXED_FILES)
                            + " and expected.<dialect>.sql)");
                } else if (!dialects.contains(snapshot.group(1))) {
                    problems.add("stale snapshot " + name + ": there is no dialect '" + snapshot.group(1)
                            + "' (dialects: " + String.join(", ", dialects) + ")");
                } else {
                    String engine = engineOf(snapshot.group(1));
                    if (skips.containsKey(engine) && !skips.get(engine).knownHang()) {
                        if (UPDATE) {
                            Files.delete(file);
                        } else {
                            problems.add("stale snapshot " + name + ": engine " + engine + " is skipped ("
                                    + skips.get(engine).reason() + "); delete it or run with -Dgolden.update=true");
                        }
                    }
                }
            }
        }
        if (!UPDATE) {
            for (String engine : SharedEngines.NAMES) {
                Path snapshot = snapshotFile(folder, engine);
                if ((!skips.containsKey(engine) || skips.get(engine).knownHang()) && !Files.exists(snapshot)) {
                    problems.add("missing snapshot " + snapshot.getFileName() + " for engine " + engine
                            + "; run with -Dgolden.update=true to write it");
                }
            }
        }
        assertThat(problems).as("case " + folder.getFileName() + ": files").isEmpty();
    }

    /**
     * The reference's result, written as CSV, is exactly expected.csv; or, under a
     * {@code reference: known disagreement} skip, still differs from it.
     */
    static void checkReference(GoldenCase golden) {
        String actual = ResultFormatter.csv(golden.reference());
        GoldenCase.Skip skip = golden.skips().get(GoldenCase.REFERENCE);
        if (skip != null) {
            if (actual.equals(golden.expected())) {
                throw new AssertionError("case " + golden.name() + ": the skip says '" + skip.reason() + "', but the"
                        + " reference now gives expected.csv: remove the 'reference' line from the skip file");
            }
            System.out.println("case " + golden.name() + " on the reference: " + skip.reason()
                    + "\n  (- expected.csv, + reference):\n" + TextDiff.between(golden.expected(), actual, DIFF_LINES));
            return;
        }
        if (!actual.equals(golden.expected())) {
            throw new AssertionError("case " + golden.name() + ": the reference executor's result differs from "
                    + GoldenCase.EXPECTED + " (- expected.csv, + reference):\n"
                    + TextDiff.between(golden.expected(), actual, DIFF_LINES));
        }
    }

    static void checkEngine(GoldenCase golden, String engineName) throws Exception {
        String label = "case " + golden.name() + " on " + engineName;
        TargetDialect dialect = DIALECTS.get(engineName);
        GoldenCase.Skip skip = golden.skips().get(engineName);
        if (skip != null && skip.refusal()) {
            checkRefusal(golden, dialect, skip, label);
            return;
        }
        if (skip != null && skip.knownHang()) {
            checkHang(golden, engineName, skip, label);
            return;
        }
        Engine engine = SharedEngines.engine(engineName);
        assertThat(engine.dialect()).as(engineName + "'s dialect").isEqualTo(dialect);
        CompiledQuery compiled;
        try {
            compiled = SqlCompiler.compile(golden.query(), dialect, Map.of());
        } catch (CompilationException e) {
            throw new AssertionError(label + ": the compiler refuses the query: " + e.getMessage()
                    + "\n(if that is a known gap, add the line '" + engineName + ": " + e.getMessage()
                    + "' to the case's skip file)", e);
        } catch (RuntimeException e) {
            if (skip != null) {
                System.out.println(label + ": " + skip.reason() + " (the compiler fails: " + e + ")");
                return;
            }
            throw new AssertionError(label + ": the compiler fails (not a CompilationException): " + e, e);
        }
        List<String> problems = new ArrayList<>();
        if (skip == null) {
            checkSnapshot(golden, engineName, compiled.sql(), problems);
        }
        EngineRun.Outcome outcome;
        try {
            outcome = EngineRun.run(engine, golden.query(), golden.events(), golden.parameters());
        } catch (RuntimeException e) {
            if (skip != null) {
                System.out.println(label + ": " + skip.reason() + " (the SQL fails: " + e.getMessage() + ")");
                return;
            }
            problems.add("the SQL fails on " + engine.label() + ": " + e + "\n-- SQL --\n" + compiled.sql());
            throw new AssertionError(label + ":\n" + String.join("\n", problems), e);
        }
        ResultTable reference = golden.reference();
        ResultTable actual = outcome.result();
        List<DataType> compiledTypes = outcome.compiled().columns().stream().map(CompiledQuery.OutputColumn::type).toList();
        ResultTable expected = ExpectedCsv.parse(golden.expected(), GoldenCase.EXPECTED,
                ExpectedCsv.columnTypes(reference, compiledTypes));
        List<String> fromExpected = ResultDiff.between(expected, actual, 20);
        boolean referenceKnownWrong = golden.skips().containsKey(GoldenCase.REFERENCE);
        List<String> fromReference = referenceKnownWrong ? List.of() : ResultDiff.between(reference, actual, 20);
        if (skip != null) {
            if (fromExpected.isEmpty() && fromReference.isEmpty()) {
                throw new AssertionError(label + ": the skip says '" + skip.reason() + "', but " + engineName
                        + " now agrees with expected.csv and the reference: remove the line from the skip file and"
                        + " run with -Dgolden.update=true to write the SQL snapshot");
            }
            System.out.println(label + ": " + skip.reason() + "\n  rows (- expected.csv, + " + engineName + "):\n    "
                    + String.join("\n    ", fromExpected.isEmpty() ? fromReference : fromExpected));
            return;
        }
        if (!fromExpected.isEmpty()) {
            problems.add("rows differ from expected.csv (- expected.csv, + " + engineName + "):\n  "
                    + String.join("\n  ", fromExpected));
        }
        if (!fromReference.isEmpty()) {
            problems.add("rows differ from the reference (- reference, + " + engineName + "):\n  "
                    + String.join("\n  ", fromReference));
        }
        if (!fromExpected.isEmpty() || !fromReference.isEmpty()) {
            problems.add("-- SQL (" + engine.label() + ") --\n" + compiled.sql());
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(label + ":\n" + String.join("\n", problems));
        }
    }

    /**
     * A hang skip holds only while the compiler emits the very SQL that hung (the snapshot): the
     * query is compiled and compared, never run. When the SQL changes, the skip must be re-checked,
     * so even update mode does not rewrite this snapshot (delete it to have update mode write it).
     */
    private static void checkHang(GoldenCase golden, String engineName, GoldenCase.Skip skip, String label)
            throws Exception {
        String sql = SqlCompiler.compile(golden.query(), DIALECTS.get(engineName), Map.of()).sql();
        Path file = snapshotFile(golden.folder(), engineName);
        String text = sql.endsWith("\n") ? sql : sql + "\n";
        if (UPDATE && !Files.exists(file)) {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file) || !GoldenCase.read(file).equals(text)) {
            throw new AssertionError(label + ": the skip says '" + skip.reason() + "', but the compiled SQL is no"
                    + " longer the snapshot " + file.getFileName() + " that hung: run the case on " + engineName
                    + "; if it now finishes, remove the skip line, else delete the snapshot and rerun with"
                    + " -Dgolden.update=true to record the new SQL");
        }
        System.out.println(label + ": not run: " + skip.reason());
    }

    /** A refusal skip holds only while the compiler still refuses the query with (at least) that reason. */
    private static void checkRefusal(GoldenCase golden, TargetDialect dialect, GoldenCase.Skip skip, String label) {
        try {
            SqlCompiler.compile(golden.query(), dialect, Map.of());
        } catch (CompilationException e) {
            assertThat(e.getMessage()).as(label + ": the skip's reason must be the compiler's refusal").contains(skip.reason());
            return;
        }
        throw new AssertionError(label + ": the skip says the compiler refuses this query ('" + skip.reason()
                + "'), but it compiles for " + dialect.productName() + ": remove the line from the skip file and run"
                + " with -Dgolden.update=true to write the SQL snapshot");
    }

    private static void checkSnapshot(GoldenCase golden, String engineName, String sql, List<String> problems)
            throws Exception {
        Path file = snapshotFile(golden.folder(), engineName);
        String text = sql.endsWith("\n") ? sql : sql + "\n";
        if (UPDATE) {
            if (!Files.exists(file) || !GoldenCase.read(file).equals(text)) {
                Files.writeString(file, text, StandardCharsets.UTF_8);
            }
            return;
        }
        if (!Files.exists(file)) {
            problems.add("no SQL snapshot " + file.getFileName() + "; run with -Dgolden.update=true to write it");
            return;
        }
        String snapshot = GoldenCase.read(file);
        if (!snapshot.equals(text)) {
            problems.add("the compiled SQL differs from " + file.getFileName() + " (- snapshot, + compiled; "
                    + "-Dgolden.update=true rewrites the snapshot):\n" + TextDiff.between(snapshot, text, DIFF_LINES));
        }
    }

    private static Path snapshotFile(Path folder, String engineName) {
        return folder.resolve("expected." + DIALECTS.get(engineName).keyword() + ".sql");
    }

    private static String engineOf(String dialectKeyword) {
        Map<String, String> engines = new LinkedHashMap<>();
        DIALECTS.forEach((engine, dialect) -> engines.put(dialect.keyword(), engine));
        return engines.get(dialectKeyword);
    }
}
