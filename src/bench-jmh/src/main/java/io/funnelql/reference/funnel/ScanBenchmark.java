package io.funnelql.reference.funnel;

import io.funnelql.bench.BenchSpecs;
import io.funnelql.bench.SyntheticEvents;
import io.funnelql.dsl.model.FunnelQuery;
import io.funnelql.dsl.model.Step;
import io.funnelql.events.EventTable;
import io.funnelql.reference.KeyGroup;
import io.funnelql.reference.KeyGrouping;
import io.funnelql.reference.QueryRows;

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
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The funnel executor's hot loop alone: the scan over each key's ordered times and step masks
 * (prepared in setup, as the executor prepares them per key), per entry policy and profile. In
 * this package because the scan is package-private. Scores are events/s on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ScanBenchmark.EVENTS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class ScanBenchmark {
    static final int EVENTS = 1_000_000;

    @Param({"checkout", "checkout_any_entry", "checkout_every", "checkout_clickhouse"})
    public String query;

    private FunnelExecutor executor;
    private final List<KeyEvents> keys = new ArrayList<>();

    @Setup
    public void setUp() {
        FunnelQuery funnel = (FunnelQuery) BenchSpecs.builtIn().query(query).orElseThrow();
        executor = new FunnelExecutor(funnel);
        for (EventTable key : SyntheticEvents.generate(EVENTS, 20_000, 42).presortedByKey(funnel.source())) {
            long[] masks = new QueryRows(funnel, key, Map.of())
                    .masks(funnel.steps().stream().map(Step::condition).toList(), funnel.nullConditions());
            for (KeyGroup group : KeyGrouping.group(key, funnel.partitionKey(), funnel.source().time(), row -> masks[row] >= 0)) {
                keys.add(FunnelExecutor.keyEvents(group, masks));
            }
        }
    }

    @Benchmark
    public void scan(Blackhole sink) {
        for (KeyEvents key : keys) {
            sink.consume(executor.scan(key));
        }
    }
}
