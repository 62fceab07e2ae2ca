package io.funnelql.bench;

import io.funnelql.dialects.TargetDialect;
import io.funnelql.dsl.SpecificationLoader;
import io.funnelql.dsl.diagnostic.InvalidSpecificationException;
import io.funnelql.dsl.diagnostic.SourceFile;
import io.funnelql.dsl.model.ConditionRetentionQuery;
import io.funnelql.dsl.model.FunnelQuery;
import io.funnelql.dsl.model.MetricQuery;
import io.funnelql.dsl.model.PathsQuery;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.QueryVisitor;
import io.funnelql.dsl.model.RetentionQuery;
import io.funnelql.dsl.model.SequenceQuery;
import io.funnelql.dsl.model.SequenceReport;
import io.funnelql.dsl.model.SessionsQuery;
import io.funnelql.dsl.model.Specification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;

/** The built-in benchmark spec (bench.fql), its K-step funnels and the hand-written baselines. */
public final class BenchSpecs {
    /** The query timed when none is named. */
    public static final String DEFAULT_QUERY = "checkout";
    /** Step conditions of a generated K-step funnel, cycled: a browse-and-buy path repeated. */
    private static final List<String> STEP_EVENTS = List.of("page_view", "add_to_cart", "purchase");

    private BenchSpecs() {}

    public static String builtInText() {
        return resource("bench.fql");
    }

    public static Specification builtIn() {
        return load("bench.fql", builtInText());
    }

    /**
     * The built-in spec plus a funnel {@code steps_K}: the default funnel's shape (1 hour from
     * first step, entry first, ties forbidden) with K steps cycling through view, cart, purchase.
     */
    public static Specification withSteps(int steps) {
        if (steps < 2 || steps > 32) {
            throw new IllegalArgumentException("--steps takes 2 to 32, got " + steps);
        }
        StringJoiner conditions = new StringJoiner(",\n    ", "  steps (\n    ", "\n  )\n");
        for (int step = 1; step <= steps; step++) {
            conditions.add("s" + step + ": event_name = '" + STEP_EVENTS.get((step - 1) % STEP_EVENTS.size()) + "'");
        }
        String funnel = "\nfunnel " + stepsQueryName(steps) + " from events\n"
                + "  within 1 hour from first step\n  entry first\n  ties forbidden\n"
                + conditions + "  report steps;\n";
        return load("bench.fql", builtInText() + funnel);
    }

    public static String stepsQueryName(int steps) {
        return "steps_" + steps;
    }

    /**
     * The hand-written baselines for a query on one engine: for funnels the naive self-join and
     * CTE chain and the expert's aggregate chain; for sessions the expert's per-session aggregate
     * and the single window pass that only counts them (the floor); for retention the expert's
     * cohort and activity aggregate; for sequences the expert's one ordered pass (the count of
     * '(?1).*(?2)', or the next node); for paths the expert's window pipeline. An expert file written for one dialect
     * ({@code NAME.duckdb.sql}) is taken over the portable one ({@code NAME.sql}).
     */
    public static List<Baseline> baselines(Query query, TargetDialect dialect) {
        return query.accept(new QueryVisitor<>() {
            @Override
            public List<Baseline> funnel(FunnelQuery funnel) {
                return List.of(Baseline.naive("naive self-join", resource("naive_self_join.sql")),
                        Baseline.naive("naive CTE chain", resource("naive_cte_chain.sql")),
                        Baseline.expert("expert chain", dialectResource("expert_chain", dialect)));
            }

            @Override
            public List<Baseline> sessions(SessionsQuery sessions) {
                return List.of(Baseline.expert("expert sessions", dialectResource("expert_sessions", dialect)),
                        Baseline.naive("single window pass", resource("window_pass.sql")));
            }

            @Override
            public List<Baseline> retention(RetentionQuery retention) {
                return List.of(Baseline.expert("expert retention", dialectResource("expert_retention", dialect)));
            }

            @Override
            public List<Baseline> conditionRetention(ConditionRetentionQuery conditions) {
                return List.of();
            }

            @Override
            public List<Baseline> metric(MetricQuery metric) {
                return List.of();
            }

            @Override
            public List<Baseline> sequence(SequenceQuery sequence) {
                if (sequence.report() instanceof SequenceReport.Node) {
                    return List.of(Baseline.expert("expert next node", dialectResource("expert_next_node", dialect)));
                }
                return List.of(Baseline.expert("expert sequence count", dialectResource("expert_sequence_count", dialect)));
            }

            @Override
            public List<Baseline> paths(PathsQuery paths) {
                return List.of(Baseline.expert("expert paths", dialectResource("expert_paths", dialect)));
            }
        });
    }

    private static String dialectResource(String name, TargetDialect dialect) {
        String specific = name + "." + dialect.keyword() + ".sql";
        return BenchSpecs.class.getResource(specific) != null ? resource(specific) : resource(name + ".sql");
    }

    private static Specification load(String name, String text) {
        try {
            return SpecificationLoader.load(new SourceFile(name, text));
        } catch (InvalidSpecificationException e) {
            throw new IllegalStateException("the built-in benchmark spec does not check:\n" + e.render(), e);
        }
    }

    static String resource(String name) {
        try (InputStream in = BenchSpecs.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource io/funnelql/bench/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
