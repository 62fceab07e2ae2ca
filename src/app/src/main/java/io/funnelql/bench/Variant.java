package io.funnelql.bench;

import java.util.List;

/**
 * One thing the benchmark times: a name, where it runs ("reference" or an engine's name), which
 * query's reference counts it must return, whether it is the expert's hand-written SQL (the
 * yardstick), whether it returns only the number of the query's result rows (then only that is
 * compared with the reference), and the work itself, returning its counts.
 */
record Variant(String name, String engine, String agreesWith, boolean expert, boolean rowCountOnly, Work work) {
    /** One timed run; a {@link io.funnelql.engine.QueryTimeoutException} says the budget ran out. */
    interface Work {
        List<Long> run();
    }

    String label() {
        return engine + " " + name;
    }
}
