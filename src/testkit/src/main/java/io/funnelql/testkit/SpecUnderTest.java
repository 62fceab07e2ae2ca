package io.funnelql.testkit;

import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.Specification;
import io.funnelql.events.EventTable;
import io.funnelql.input.EventFiles;
import io.funnelql.input.SpecificationFiles;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded, checked spec and the query chosen from it (none yet: the spec's only query). The
 * events come next; they are read at once, against the chosen query's source, so a bad file
 * fails on the line that names it.
 */
public final class SpecUnderTest {
    static final String INLINE_EVENTS = "inline events";

    private final String name;
    private final Specification specification;
    private final Optional<String> queryName;

    SpecUnderTest(String name, Specification specification) {
        this(name, specification, Optional.empty());
    }

    private SpecUnderTest(String name, Specification specification, Optional<String> queryName) {
        this.name = name;
        this.specification = specification;
        this.queryName = queryName;
    }

    /** Chooses the query to check; needed when the spec declares several. An unknown name fails here. */
    public SpecUnderTest query(String name) {
        Objects.requireNonNull(name, "name");
        SpecUnderTest chosen = new SpecUnderTest(this.name, specification, Optional.of(name));
        chosen.query();
        return chosen;
    }

    /** Events from a CSV file with a header row, as for {@code funnelql run --events}. */
    public QueryCheck events(Path file) {
        Objects.requireNonNull(file, "file");
        Query query = query();
        return check(file.toString(), Failures.userInput(() -> EventFiles.read(file, query.source())));
    }

    /**
     * Events written in the test: the same CSV as an events file, a header row first. An empty
     * field is NULL and {@code ""} the empty string.
     */
    public QueryCheck eventsCsv(String inlineCsv) {
        Objects.requireNonNull(inlineCsv, "inlineCsv");
        Query query = query();
        return check(INLINE_EVENTS,
                Failures.userInput(() -> EventFiles.read(inlineCsv, INLINE_EVENTS, query.source())));
    }

    private Query query() {
        return Failures.userInput(() -> SpecificationFiles.query(specification, queryName));
    }

    private QueryCheck check(String eventsName, EventTable events) {
        return new QueryCheck(new Subject(name, specification, query(), eventsName, events));
    }
}
