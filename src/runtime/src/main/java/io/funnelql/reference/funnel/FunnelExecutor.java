package io.funnelql.reference.funnel;

import io.funnelql.dsl.model.Attribution;
import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.EntryPolicy;
import io.funnelql.dsl.model.Exclusion;
import io.funnelql.dsl.model.FunnelMode;
import io.funnelql.dsl.model.FunnelQuery;
import io.funnelql.dsl.model.FunnelRules;
import io.funnelql.dsl.model.NullConditionPolicy;
import io.funnelql.dsl.model.Profile;
import io.funnelql.dsl.model.Step;
import io.funnelql.events.Values;
import io.funnelql.reference.ConditionMasks;
import io.funnelql.reference.KeyGroup;
import io.funnelql.reference.KeyGrouping;
import io.funnelql.reference.QueryExecutor;
import io.funnelql.reference.QueryRows;
import io.funnelql.result.ResultTable;
import io.funnelql.result.Statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Funnels, one ordered pass per key: step conditions are evaluated once per row into a bitmask,
 * then the scan the entry policy and profile call for runs over the key's masks and times.
 */
public final class FunnelExecutor implements QueryExecutor {
    private final FunnelQuery query;
    private final FunnelRules rules;
    private final List<Column> partitionKey;
    private final ConditionMasks stepMasks;
    private final ConditionMasks exclusionMasks;
    private final List<Outcome> outcomes = new ArrayList<>();
    /** The step masks of the batch being accumulated, reused by the next one. */
    private long[] masks;

    public FunnelExecutor(FunnelQuery query) {
        this.query = query;
        this.rules = FunnelRules.of(query);
        this.partitionKey = query.partitionKey();
        this.stepMasks = new ConditionMasks(query, query.steps().stream().map(Step::condition).toList(),
                query.nullConditions());
        // A NULL exclusion condition is false; rows outside the funnel exclude nothing.
        this.exclusionMasks = new ConditionMasks(query, query.exclusions().stream().map(Exclusion::condition).toList(),
                NullConditionPolicy.FALSE);
    }

    /**
     * What the reports need of one attempt (one per key for entry first and latest, one per
     * entry event for entry every): its key, entry time, breakdown value, level and time from
     * its first to its last reached step.
     */
    private record Outcome(List<Object> key, Long entryTime, Object breakdown, int level, long convertMicros) {}

    @Override
    public ResultTable finish() {
        return switch (query.report()) {
            case STEPS -> stepsReport();
            case PER_KEY -> perKeyReport();
            case TIME_TO_CONVERT -> timeToConvertReport();
        };
    }

    @Override
    public void accumulate(QueryRows rows) {
        long[] masks = stepMasks.of(rows, this.masks);
        this.masks = masks;
        long[] excluding = query.exclusions().isEmpty() ? null : exclusionMasks.of(rows);
        List<KeyGroup> groups = KeyGrouping.group(rows.table(), partitionKey, query.source().time(),
                row -> masks[row] >= 0);
        for (KeyGroup group : groups) {
            KeyEvents events = keyEvents(group, masks);
            for (Attempt scanned : scan(events)) {
                Attempt attempt = excluding == null ? scanned : applyExclusions(scanned, group, excluding);
                outcomes.add(new Outcome(group.key(),
                        attempt.level() == 0 ? null : attempt.times()[0],
                        breakdownValue(rows, group, attempt),
                        attempt.level(),
                        attempt.level() < 2 ? 0 : attempt.times()[attempt.level() - 1] - attempt.times()[0]));
            }
        }
    }

    /** A key's times and step masks, what the scans read; {@code masks} is indexed by table row. */
    static KeyEvents keyEvents(KeyGroup group, long[] masks) {
        int[] keyMasks = new int[group.size()];
        for (int i = 0; i < keyMasks.length; i++) {
            keyMasks[i] = (int) masks[group.rows()[i]]; // at most 32 steps: bits 0..31
        }
        return new KeyEvents(group.times(), keyMasks);
    }

    /** The hot loop: one key's attempts (package-private for the JMH benchmark in src/bench-jmh). */
    List<Attempt> scan(KeyEvents events) {
        List<Attempt> attempts = new ArrayList<>();
        if (query.entry() == EntryPolicy.LATEST && query.profile() == Profile.CLICKHOUSE) {
            attempts.add(query.hasMode(FunnelMode.STRICT_ONCE)
                    ? ClickHouseStrictOnceScan.scan(events, rules)
                    : ClickHouseScan.scan(events, rules));
            return attempts;
        }
        Attempt best = Attempt.NONE;
        for (int position = 0; position < events.size(); position++) {
            if (!KeyEvents.has(events.masks()[position], 1)) {
                continue;
            }
            Attempt attempt = EntryScan.from(position, events, rules);
            if (query.entry() == EntryPolicy.EVERY) {
                attempts.add(attempt);
                continue;
            }
            if (attempt.level() > best.level()) {
                best = attempt;
            }
            if (query.entry() == EntryPolicy.FIRST || best.level() == rules.steps()) {
                break; // first: only the first entry counts; latest: nothing beats the full funnel
            }
        }
        if (query.entry() != EntryPolicy.EVERY) {
            attempts.add(best);
        }
        return attempts;
    }

    /** An exclusion event strictly between the two steps' events cuts the attempt back to the earlier step. */
    private Attempt applyExclusions(Attempt attempt, KeyGroup group, long[] exclusionMasks) {
        Attempt current = attempt;
        for (int i = 0; i < query.exclusions().size(); i++) {
            Exclusion exclusion = query.exclusions().get(i);
            int after = exclusion.after().index();
            int before = exclusion.before().index();
            if (current.level() < before) {
                continue;
            }
            long from = current.times()[after - 1];
            long to = current.times()[before - 1];
            for (int position = 0; position < group.size(); position++) {
                long time = group.times()[position];
                if (time > from && time < to && (exclusionMasks[group.rows()[position]] & (1L << i)) != 0) {
                    current = current.truncated(after);
                    break;
                }
            }
        }
        return current;
    }

    private Object breakdownValue(QueryRows rows, KeyGroup group, Attempt attempt) {
        if (query.breakdown().isEmpty() || attempt.level() == 0) {
            return null;
        }
        Attribution attribution = query.breakdown().get().attribution();
        int step;
        if (attribution instanceof Attribution.NamedStep named) {
            step = named.step().index();
        } else if (attribution instanceof Attribution.LastStep) {
            step = attempt.level();
        } else {
            step = 1;
        }
        if (step > attempt.level()) {
            return null;
        }
        int column = rows.table().columnIndex(query.breakdown().get().column());
        return rows.table().value(column, group.rows()[attempt.positions()[step - 1]]);
    }

    private List<String> breakdownColumns() {
        return query.breakdownColumnName().map(List::of).orElse(List.of());
    }

    private ResultTable stepsReport() {
        Map<Object, long[]> countsByBreakdown = new LinkedHashMap<>();
        for (Outcome outcome : outcomes) {
            if (outcome.level() == 0) {
                continue;
            }
            long[] counts = countsByBreakdown.computeIfAbsent(outcome.breakdown(), value -> new long[rules.steps()]);
            for (int step = 1; step <= outcome.level(); step++) {
                counts[step - 1]++;
            }
        }
        if (countsByBreakdown.isEmpty() && query.breakdown().isEmpty()) {
            countsByBreakdown.put(null, new long[rules.steps()]); // an empty funnel still lists its steps
        }
        List<String> columns = new ArrayList<>(breakdownColumns());
        columns.addAll(query.report().columns());
        List<List<Object>> result = new ArrayList<>();
        countsByBreakdown.forEach((value, counts) -> {
            for (Step step : query.steps()) {
                int index = step.index() - 1;
                List<Object> row = new ArrayList<>();
                if (query.breakdown().isPresent()) {
                    row.add(value);
                }
                row.addAll(Arrays.asList((long) step.index(), step.name().value(), counts[index],
                        index == 0 ? null : Statistics.percent(counts[index], counts[index - 1]),
                        index == 0 ? null : Statistics.percent(counts[index], counts[0])));
                result.add(row);
            }
        });
        return ResultTable.sorted(columns, result);
    }

    private ResultTable perKeyReport() {
        List<String> columns = new ArrayList<>(query.partitionKey().stream().map(c -> c.name().value()).toList());
        boolean every = query.entry() == EntryPolicy.EVERY;
        if (every) {
            columns.add(FunnelQuery.ENTRY_TIME);
        }
        columns.addAll(breakdownColumns());
        columns.addAll(query.report().columns());
        List<List<Object>> result = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            List<Object> row = new ArrayList<>(outcome.key());
            if (every) {
                row.add(Values.fromEpochMicros(outcome.entryTime()));
            }
            if (query.breakdown().isPresent()) {
                row.add(outcome.breakdown());
            }
            row.add((long) outcome.level());
            row.add(outcome.level() == 0 ? null : query.steps().get(outcome.level() - 1).name().value());
            result.add(row);
        }
        return ResultTable.sorted(columns, result);
    }

    private ResultTable timeToConvertReport() {
        Map<Object, List<Double>> secondsByBreakdown = new LinkedHashMap<>();
        if (query.breakdown().isEmpty()) {
            secondsByBreakdown.put(null, new ArrayList<>());
        }
        for (Outcome outcome : outcomes) {
            if (outcome.level() >= 2) {
                secondsByBreakdown.computeIfAbsent(outcome.breakdown(), v -> new ArrayList<>())
                        .add(outcome.convertMicros() / 1_000_000.0);
            }
        }
        List<String> columns = new ArrayList<>(breakdownColumns());
        columns.addAll(query.report().columns());
        List<List<Object>> result = new ArrayList<>();
        secondsByBreakdown.forEach((value, seconds) -> {
            double[] values = seconds.stream().mapToDouble(Double::doubleValue).toArray();
            List<Object> row = new ArrayList<>();
            if (query.breakdown().isPresent()) {
                row.add(value);
            }
            row.addAll(Arrays.asList((long) values.length, Statistics.average(values),
                    Statistics.percentile(values, 0.5), Statistics.percentile(values, 0.9)));
            result.add(row);
        });
        return ResultTable.sorted(columns, result);
    }
}
