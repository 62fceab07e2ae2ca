package io.funnelql.golden;

import io.funnelql.compiler.CompiledQuery;
import io.funnelql.compiler.SqlCompiler;
import io.funnelql.compiler.incremental.IncrementalScript;
import io.funnelql.compiler.incremental.IncrementalSessions;
import io.funnelql.dsl.SpecificationLoader;
import io.funnelql.dsl.diagnostic.SourceFile;
import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.Parameter;
import io.funnelql.dsl.model.SessionsQuery;
import io.funnelql.engine.Engine;
import io.funnelql.events.EventTable;
import io.funnelql.reference.ReferenceExecutor;
import io.funnelql.result.ResultTable;
import io.funnelql.verify.ResultCoercion;
import io.funnelql.verify.ResultDiff;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof of {@code compile --as incremental}: random event streams arrive in random batches,
 * late (up to the declared lateness) and with redelivered event ids, and the batch statements run
 * after each batch on DuckDB, PostgreSQL and H2 (and Oracle's script on H2's Oracle mode, but for
 * max length, whose walk that mode cannot run inside an INSERT). After every batch the session table must equal
 * the reference over the events loaded so far; running the batch again must change nothing; and
 * at the end the table must equal the full query run on the engine.
 */
class IncrementalSessionsTest {
    private static final int STREAMS = 6;
    private static final LocalDateTime ORIGIN = LocalDateTime.of(2024, 3, 30, 22, 0);
    private static final String SOURCE = """
            source events from table events (
              key user_id, time occurred_at, tenant account_id, event id event_id, event name event_name,
              columns (event_name varchar, platform varchar)
            );
            """;
    private static final List<String> QUERIES = List.of(
            "sessions visits from events gap 30 minutes late by 3 hours report sessions;",
            "sessions capped from events gap 45 minutes max length 2 hours late by 30 minutes report sessions;",
            "sessions per_platform from events count by user_id, platform where event_name <> 'refund' "
                    + "gap 20 minutes late by 90 minutes report sessions;");

    @AfterAll
    static void close() {
        SharedEngines.closeAll();
    }

    @TestFactory
    List<DynamicTest> batchByBatchEqualsTheReferenceAndAFullRecompute() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (String text : QUERIES) {
            SessionsQuery query = (SessionsQuery) SpecificationLoader.load(new SourceFile("incremental.fql", SOURCE + text))
                    .queries().get(0);
            for (String engineName : List.of("duckdb", "postgres", "h2", "oracle-h2")) {
                if (engineName.equals("oracle-h2") && query.maxLength().isPresent()) {
                    // H2's Oracle mode cannot read a recursive WITH (max length's walk) inside INSERT;
                    // Oracle itself can. Oracle's other scripts run on it (docs/dialects.md).
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(query.name().display() + " on " + engineName, () -> {
                    for (int stream = 0; stream < STREAMS; stream++) {
                        check(SharedEngines.engine(engineName), query, new Random(1000L * stream + text.length()));
                    }
                }));
            }
        }
        return tests;
    }

    private static void check(Engine engine, SessionsQuery query, Random random) {
        IncrementalScript script = IncrementalSessions.compile(query, engine.dialect(), Map.of());
        CompiledQuery full = SqlCompiler.compile(query, engine.dialect(), Map.of());
        Duration lateness = query.lateness().orElseThrow();
        List<Arrival> arrivals = stream(query, random, lateness);
        engine.load(EventTable.ofRows(query.source(), List.of()));
        try {
            script.setup().forEach(statement -> engine.execute(statement.sql()));
            List<Object[]> loaded = new ArrayList<>();
            LocalDateTime batchStart = ORIGIN;
            int next = 0;
            int batchNumber = 0;
            while (next < arrivals.size()) {
                LocalDateTime batchEnd = batchStart.plusMinutes(20 + random.nextInt(150));
                List<Object[]> batch = new ArrayList<>();
                while (next < arrivals.size() && arrivals.get(next).arrival().isBefore(batchEnd)) {
                    batch.add(arrivals.get(next++).row());
                }
                engine.append(EventTable.ofRows(query.source(), batch));
                loaded.addAll(batch);
                String context = query.name().display() + " on " + engine.label() + ", batch " + (++batchNumber) + " ["
                        + batchStart + ", " + batchEnd + ") of " + batch.size() + " events";
                runBatch(engine, script, batchStart, batchEnd);
                ResultTable expected = ReferenceExecutor.execute(query, EventTable.ofRows(query.source(), loaded), Map.of());
                ResultTable stored = stored(engine, script, full);
                assertThat(ResultDiff.between(expected, stored, 20)).as(context + " against the reference").isEmpty();
                runBatch(engine, script, batchStart, batchEnd);
                assertThat(ResultDiff.between(stored, stored(engine, script, full), 20)).as(context + " run twice").isEmpty();
                batchStart = batchEnd;
            }
            ResultTable recomputed = ResultCoercion.coerce(engine.query(full.sql()), full.columns());
            assertThat(ResultDiff.between(recomputed, stored(engine, script, full), 20))
                    .as(query.name().display() + " on " + engine.label() + ": the maintained table against a full recompute").isEmpty();
        } finally {
            engine.execute("DROP VIEW IF EXISTS " + script.batchEventsView());
            engine.execute("DROP TABLE IF EXISTS " + script.dirtyKeysTable());
            engine.execute("DROP TABLE IF EXISTS " + script.sessionTable());
        }
    }

    private static void runBatch(Engine engine, IncrementalScript script, LocalDateTime batchStart, LocalDateTime batchEnd) {
        engine.inTransaction(() -> {
            for (IncrementalScript.Statement statement : script.batch()) {
                List<Object> binds = new ArrayList<>();
                for (Parameter parameter : statement.binds()) {
                    binds.add(parameter.equals(IncrementalSessions.BATCH_START) ? batchStart : batchEnd);
                }
                engine.execute(statement.sql(), binds);
            }
        });
    }

    private static ResultTable stored(Engine engine, IncrementalScript script, CompiledQuery full) {
        return ResultCoercion.coerce(engine.query("SELECT * FROM " + script.sessionTable()), full.columns());
    }

    private record Arrival(LocalDateTime arrival, Object[] row) {}

    /**
     * Events of 4 users in 2 tenants over about 12 hours: gaps around the session gap, ties, and
     * event ids that repeat (redelivered the same, or with another time); each event arrives up to
     * the lateness after its time.
     */
    private static List<Arrival> stream(SessionsQuery query, Random random, Duration lateness) {
        List<Arrival> arrivals = new ArrayList<>();
        String[] names = {"open", "play", "pause", "refund"};
        String[] platforms = {"web", "tv"};
        int events = 20 + random.nextInt(40);
        List<Map<String, Object>> sent = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            Map<String, Object> event = new HashMap<>();
            if (!sent.isEmpty() && random.nextInt(8) == 0) {
                event.putAll(sent.get(random.nextInt(sent.size())));
                if (random.nextBoolean()) {
                    // Sent again with another time: near the first, or hours later (then the first one is kept).
                    int shift = random.nextInt(3) == 0 ? 60 + random.nextInt(240) : random.nextInt(41) - 20;
                    event.put("occurred_at", ((LocalDateTime) event.get("occurred_at")).plusMinutes(shift));
                }
            } else {
                int user = random.nextInt(4);
                event.put("account_id", "t" + (user % 2));
                event.put("user_id", "u" + user);
                event.put("occurred_at", ORIGIN.plusMinutes(random.nextInt(12 * 60 / 5) * 5L + (random.nextInt(3) == 0 ? 1 : 0)));
                event.put("event_id", "e" + i);
                event.put("event_name", names[random.nextInt(names.length)]);
                event.put("platform", platforms[random.nextInt(platforms.length)]);
            }
            sent.add(event);
            LocalDateTime time = (LocalDateTime) event.get("occurred_at");
            long delay = (long) (random.nextDouble() * lateness.toSeconds());
            Object[] row = new Object[query.source().columns().size()];
            for (int c = 0; c < row.length; c++) {
                Column column = query.source().columns().get(c);
                row[c] = event.get(column.name().value());
            }
            arrivals.add(new Arrival(time.plusSeconds(random.nextInt(4) == 0 ? delay : 0), row));
        }
        arrivals.sort(Comparator.comparing(Arrival::arrival));
        return arrivals;
    }
}
