package io.funnelql.bench.jmh;

import io.funnelql.bench.Bench;
import io.funnelql.bench.BenchSpecs;
import io.funnelql.bench.SyntheticEvents;
import io.funnelql.dsl.model.Query;
import io.funnelql.events.EventTable;
import io.funnelql.result.ResultTable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole reference executor on presorted input, one key per batch, per mode: condition
 * evaluation, grouping and ordering of each key, the scan and the report. Scores are events/s
 * on one thread (one operation = one event).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ExecutorBenchmark.EVENTS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class ExecutorBenchmark {
    static final int EVENTS = 1_000_000;

    /** entry first, entry latest (duckdb_behavioral), entry every, clickhouse latest, sessions, retention. */
    @Param({"checkout", "checkout_any_entry", "checkout_every", "checkout_clickhouse", "visits", "daily"})
    public String query;

    private Query selected;
    private List<EventTable> keys;

    @Setup
    public void setUp() {
        selected = BenchSpecs.builtIn().query(query).orElseThrow();
        keys = SyntheticEvents.generate(EVENTS, 20_000, 42).presortedByKey(selected.source());
    }

    @Benchmark
    public ResultTable presortedKeys() {
        return Bench.executePresorted(selected, keys, Map.of());
    }
}
