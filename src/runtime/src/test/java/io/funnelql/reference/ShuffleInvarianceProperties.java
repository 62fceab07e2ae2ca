package io.funnelql.reference;

import io.funnelql.dsl.SpecificationLoader;
import io.funnelql.dsl.diagnostic.InvalidSpecificationException;
import io.funnelql.dsl.diagnostic.SourceFile;
import io.funnelql.dsl.model.Query;
import io.funnelql.events.EventTable;
import io.funnelql.result.ResultTable;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Results never depend on the physical order of the input rows, for any knob combination. */
class ShuffleInvarianceProperties {
    private static final String SOURCE = "source events from table t (key user_id, time ts, tenant account_id, "
            + "event id event_id, event name event_name, columns (event_name varchar, platform varchar, event_id bigint));\n";
    private static final LocalDateTime START = LocalDateTime.of(2024, 3, 30, 22, 0);

    @Property(tries = 300)
    void shufflingRowsNeverChangesAResult(@ForAll("queries") String queryText,
                                          @ForAll @Size(max = 60) List<@IntRange(max = 9999) Integer> seeds,
                                          @ForAll long shuffleSeed) throws InvalidSpecificationException {
        Query query = SpecificationLoader.load(new SourceFile("p.fql", SOURCE + queryText)).queries().get(0);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            rows.add(row(seeds.get(i), i));
        }
        ResultTable ordered = ReferenceExecutor.execute(query, EventTable.ofRows(query.source(), rows), Map.of());
        List<Object[]> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(shuffleSeed));
        ResultTable reordered = ReferenceExecutor.execute(query, EventTable.ofRows(query.source(), shuffled), Map.of());
        assertThat(reordered).isEqualTo(ordered);
    }

    /** A small alphabet on purpose: many ties, repeats, NULLs and shared user ids across tenants. */
    private static Object[] row(int seed, int index) {
        String[] names = {"a", "b", "c", "x", "a"};
        String[] platforms = {"ios", "web", null};
        return new Object[] {
                names[seed % names.length],
                platforms[(seed / 5) % platforms.length],
                (long) (index % 7 == 0 ? 0 : index), // event ids repeat now and then
                seed % 4 == 3 ? null : "u" + (seed / 15) % 3,
                START.plusMinutes((seed / 45) % 40 * 3L),
                (seed / 135) % 2 == 0 ? "acme" : "globex"};
    }

    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> funnel = Combinators.combine(
                Arbitraries.of("from first step", "from previous step", "from first step exclusive"),
                Arbitraries.of("entry first", "entry latest", "entry every"),
                Arbitraries.of("profile clickhouse", "profile duckdb_behavioral"),
                Arbitraries.of("", "mode strict_order", "mode strict_deduplication", "mode strict_increase",
                        "mode strict_once", "mode strict_order, allow_reentry", "mode strict_increase, strict_once"),
                Arbitraries.of("", "null condition is false", "ties forbidden"),
                Arbitraries.of("report steps", "report per key", "report time to convert"),
                Arbitraries.of("", "exclude r: event_name = 'x' between s1 and s3",
                        "breakdown by platform attributed to last step"))
                .as((window, entry, profile, mode, knob, report, extra) -> "funnel f from events within 10 minutes "
                        + window + " " + entry + " " + profile + " " + mode + " " + knob
                        + " steps (s1: event_name = 'a', s2: event_name in ('b', 'a') and platform <> 'web',"
                        + " s3: event_name = 'c') " + extra + " " + report + ";");
        Arbitrary<String> sessions = Arbitraries.of("gap 5 minutes", "gap 5 minutes max length 10 minutes")
                .flatMap(gap -> Arbitraries.of("report sessions", "report events")
                        .map(report -> "sessions s from events " + gap + " " + report + ";"));
        Arbitrary<String> retention = Combinators.combine(
                Arbitraries.of("cohort first", "cohort recurring"),
                Arbitraries.of("period day", "period day time zone 'Europe/Berlin'", "period week"),
                Arbitraries.of("returning on", "returning on or after"),
                Arbitraries.of("report cohorts", "report per key"))
                .as((cohort, period, returning, report) -> "retention r from events " + cohort
                        + " event_name = 'a' return platform = 'ios' " + period + " offsets 0 to 2 " + returning + " "
                        + report + ";");
        Arbitrary<String> conditions = Arbitraries.of("report cohorts", "report per key")
                .map(report -> "retention c from events conditions (a: event_name = 'a', b: platform = 'ios', "
                        + "c: event_name = 'c') " + report + ";");
        return Arbitraries.oneOf(funnel, funnel, sessions, retention, conditions)
                .filter(ShuffleInvarianceProperties::valid);
    }

    private static boolean valid(String query) {
        try {
            SpecificationLoader.load(new SourceFile("p.fql", SOURCE + query));
            return true;
        } catch (InvalidSpecificationException e) {
            return false;
        }
    }
}
