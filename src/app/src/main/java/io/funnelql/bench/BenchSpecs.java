package io.funnelql.bench;

import io.funnelql.dsl.SpecificationLoader;
import io.funnelql.dsl.diagnostic.InvalidSpecificationException;
import io.funnelql.dsl.diagnostic.SourceFile;
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

    /** The hand-written baselines for a kind of query: naive funnels and the expert's chain for funnels, a window pass otherwise. */
    public static List<Baseline> baselines(boolean funnel) {
        return funnel
                ? List.of(Baseline.of("naive self-join", resource("naive_self_join.sql")),
                        Baseline.of("naive CTE chain", resource("naive_cte_chain.sql")),
                        Baseline.of("expert chain", resource("expert_chain.sql")))
                : List.of(Baseline.of("single window pass", resource("window_pass.sql")));
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
