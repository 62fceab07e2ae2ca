package io.funnelql.lint.counterexample;

import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Query;
import io.funnelql.engine.Engine;
import io.funnelql.engine.EngineException;
import io.funnelql.events.EventTable;
import io.funnelql.reference.ReferenceExecutor;
import io.funnelql.result.ResultShapes;
import io.funnelql.result.ResultTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Treats a hand-written query as an implementation of a spec's query: runs both on adversarial
 * datasets (the spec on the reference executor, the SQL on a real engine) until they disagree,
 * then drops rows one at a time while they still disagree, so the dataset printed is minimal.
 */
public final class CounterexampleSearch {
    private final Query query;
    private final Map<Name, Object> parameters;
    private final String sql;
    private final Engine engine;

    /** Why the search could not compare at all: a problem with the user's SQL or spec, not a finding. */
    public static final class Incomparable extends RuntimeException {
        Incomparable(String message) {
            super(message);
        }
    }

    /** {@code parameters}: every parameter of the spec with its value, as the reference needs them. */
    public CounterexampleSearch(Query query, Map<Name, Object> parameters, String sql, Engine engine) {
        this.query = query;
        this.parameters = Map.copyOf(parameters);
        this.sql = sql;
        this.engine = engine;
    }

    /** Tries up to {@code datasets} datasets of the seed; reports progress every dataset. */
    public Optional<Counterexample> search(long seed, int datasets, IntConsumer progress) {
        AdversarialEvents generator = new AdversarialEvents(query);
        for (int index = 0; index < datasets; index++) {
            progress.accept(index + 1);
            EventTable events = generator.dataset(seed, index);
            if (differs(events)) {
                EventTable smallest = shrink(events);
                Comparison comparison = compare(smallest);
                return Optional.of(new Counterexample(smallest, comparison.specified(), comparison.handWritten(), index + 1));
            }
        }
        return Optional.empty();
    }

    private record Comparison(ResultTable specified, ResultTable handWritten) {
        boolean differs() {
            return !specified.equals(handWritten);
        }
    }

    private boolean differs(EventTable events) {
        return compare(events).differs();
    }

    private Comparison compare(EventTable events) {
        ResultTable reference = ReferenceExecutor.execute(query, events, parameters);
        ResultTable written;
        try {
            engine.load(events);
            written = engine.query(sql);
        } catch (EngineException e) {
            throw new Incomparable("the hand-written SQL does not run on " + engine.label() + ": " + e.getMessage());
        }
        ResultTable specified = ResultShapes.reshape(reference, written.columns()).orElseThrow(() -> new Incomparable(
                "the hand-written SQL returns columns " + written.columns() + ", which the spec's query "
                        + query.name().display() + " does not: return some of " + ResultShapes.choices(reference)));
        return new Comparison(specified, ResultShapes.comparable(written));
    }

    /** Removes rows while the two still disagree: what is left is a dataset no row of which can go. */
    private EventTable shrink(EventTable events) {
        List<Object[]> rows = events.rows();
        boolean removed = true;
        while (removed) {
            removed = false;
            for (int i = 0; i < rows.size() && rows.size() > 1; i++) {
                List<Object[]> fewer = new ArrayList<>(rows);
                fewer.remove(i);
                if (differs(EventTable.ofRows(events.source(), fewer))) {
                    rows = fewer;
                    removed = true;
                    i--;
                }
            }
        }
        return EventTable.ofRows(events.source(), rows);
    }
}
