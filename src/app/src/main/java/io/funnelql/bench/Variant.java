package io.funnelql.bench;

import java.util.List;

/**
 * One thing the benchmark times: a name, where it runs ("reference" or an engine's name), which
 * query's reference counts it must return, and the work itself, returning its counts.
 */
record Variant(String name, String engine, String agreesWith, Work work) {
    /** One timed run; a {@link io.funnelql.engine.QueryTimeoutException} says the budget ran out. */
    interface Work {
        List<Long> run();
    }

    String label() {
        return engine + " " + name;
    }
}
