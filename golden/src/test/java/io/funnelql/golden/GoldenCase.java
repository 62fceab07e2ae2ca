package io.funnelql.golden;

import io.funnelql.dsl.SpecificationLoader;
import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.Specification;
import io.funnelql.events.CsvEventReader;
import io.funnelql.events.EventTable;
import io.funnelql.reference.ReferenceExecutor;
import io.funnelql.result.ResultTable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One folder of golden/cases: the spec and the query it runs, the events, the hand-checked
 * expected result, the per-dialect SQL snapshots and the engines it skips (docs/test-kit.md).
 */
final class GoldenCase {
    static final String SPEC = "spec.fql";
    static final String EVENTS = "events.csv";
    static final String EXPECTED = "expected.csv";
    static final String QUERY = "query";
    static final String PARAMS = "params";
    static final String SKIP = "skip";
    static final String ALL_ENGINES = "all";
    /** Skips the reference's check against expected.csv: only for a known reference bug (engines are then checked against expected.csv alone). */
    static final String REFERENCE = "reference";
    /** A skip whose reason starts so is an engine that runs but disagrees; any other reason is the compiler's refusal. */
    static final String KNOWN_DISAGREEMENT = "known disagreement";

    /**
     * A skip whose reason starts so is an engine that does not finish the query in any useful time: its
     * SQL is still compiled and must equal its snapshot (the SQL that hung), but it is not run.
     */
    static final String KNOWN_HANG = "known hang";

    /** Why one engine does not run a case. */
    record Skip(String engine, String reason) {
        boolean knownDisagreement() {
            return reason.startsWith(KNOWN_DISAGREEMENT);
        }

        boolean knownHang() {
            return reason.startsWith(KNOWN_HANG);
        }

        /** Neither a disagreement nor a hang: the compiler's refusal, which the reason must quote. */
        boolean refusal() {
            return !knownDisagreement() && !knownHang();
        }
    }

    private final Path folder;
    private final Specification specification;
    private final Query query;
    private final Map<Name, Object> parameters;
    private final EventTable events;
    private final String expected;
    private final Map<String, Skip> skips;
    private ResultTable reference;

    private GoldenCase(Path folder, Specification specification, Query query, Map<Name, Object> parameters,
                       EventTable events, String expected, Map<String, Skip> skips) {
        this.folder = folder;
        this.specification = specification;
        this.query = query;
        this.parameters = parameters;
        this.events = events;
        this.expected = expected;
        this.skips = skips;
    }

    /** The case folders under {@code root}, by name. */
    static List<Path> folders(Path root) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        }
    }

    static GoldenCase load(Path folder) throws Exception {
        Specification specification = SpecificationLoader.load(folder.resolve(SPEC));
        Query query;
        if (Files.exists(folder.resolve(QUERY))) {
            String name = read(folder.resolve(QUERY)).strip();
            query = specification.query(name).orElseThrow(() -> new IllegalArgumentException(
                    folder.resolve(QUERY) + " names query '" + name + "', which " + SPEC + " does not declare"));
        } else if (specification.queries().size() == 1) {
            query = specification.queries().get(0);
        } else {
            throw new IllegalArgumentException(folder.resolve(SPEC) + " declares " + specification.queries().size()
                    + " queries: name the one to run in a '" + QUERY + "' file");
        }
        Map<String, String> given = new LinkedHashMap<>();
        if (Files.exists(folder.resolve(PARAMS))) {
            for (String line : lines(folder.resolve(PARAMS))) {
                int equals = line.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException(folder.resolve(PARAMS) + ": '" + line + "' is not NAME=VALUE");
                }
                given.put(line.substring(0, equals).strip(), line.substring(equals + 1));
            }
        }
        Map<Name, Object> parameters = SpecParameters.values(specification, given);
        EventTable events = CsvEventReader.read(folder.resolve(EVENTS), query.source());
        return new GoldenCase(folder, specification, query, parameters, events, read(folder.resolve(EXPECTED)),
                skips(folder.resolve(SKIP)));
    }

    /**
     * The skip file: one {@code ENGINE: REASON} line per skipped engine, or a single
     * {@code all: REASON} (every engine). {@code reference: known disagreement — ...} marks a known
     * bug of the reference executor. A line without a reason, an unknown engine, an engine named
     * twice or a reference skip that is not a known disagreement is an error.
     */
    static Map<String, Skip> skips(Path file) throws IOException {
        Map<String, Skip> skips = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return skips;
        }
        for (String line : lines(file)) {
            int colon = line.indexOf(':');
            String engine = colon < 0 ? line.strip() : line.substring(0, colon).strip();
            String reason = colon < 0 ? "" : line.substring(colon + 1).strip();
            if (reason.isEmpty()) {
                throw new IllegalArgumentException(file + ": '" + line + "' gives no reason; write ENGINE: REASON");
            }
            List<String> engines = engine.equals(ALL_ENGINES) ? SharedEngines.NAMES : List.of(engine);
            if (!engine.equals(ALL_ENGINES) && !engine.equals(REFERENCE) && !SharedEngines.NAMES.contains(engine)) {
                throw new IllegalArgumentException(file + ": unknown engine '" + engine + "'; engines are "
                        + String.join(", ", SharedEngines.NAMES) + ", " + ALL_ENGINES + " and " + REFERENCE);
            }
            if (engine.equals(REFERENCE) && !reason.startsWith(KNOWN_DISAGREEMENT)) {
                throw new IllegalArgumentException(file + ": the reference can only be skipped for a '"
                        + KNOWN_DISAGREEMENT + " — ...' (a bug of the reference executor)");
            }
            for (String name : engines) {
                if (skips.put(name, new Skip(name, reason)) != null) {
                    throw new IllegalArgumentException(file + ": engine " + name + " is skipped twice");
                }
            }
        }
        return skips;
    }

    /** The non-blank lines of a file. */
    private static List<String> lines(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    String name() {
        return folder.getFileName().toString();
    }

    Path folder() {
        return folder;
    }

    Specification specification() {
        return specification;
    }

    Query query() {
        return query;
    }

    Map<Name, Object> parameters() {
        return parameters;
    }

    EventTable events() {
        return events;
    }

    /** The text of expected.csv. */
    String expected() {
        return expected;
    }

    Map<String, Skip> skips() {
        return skips;
    }

    /** The reference executor's result (computed once). */
    synchronized ResultTable reference() {
        if (reference == null) {
            reference = ReferenceExecutor.execute(query, events, parameters);
        }
        return reference;
    }
}
