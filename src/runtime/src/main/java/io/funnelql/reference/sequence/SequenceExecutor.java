package io.funnelql.reference.sequence;

import io.funnelql.dsl.model.PatternElement;
import io.funnelql.dsl.model.Profile;
import io.funnelql.dsl.model.SequenceCondition;
import io.funnelql.dsl.model.SequenceQuery;
import io.funnelql.dsl.model.SequenceReport;
import io.funnelql.reference.KeyGroup;
import io.funnelql.reference.KeyGrouping;
import io.funnelql.reference.QueryExecutor;
import io.funnelql.reference.QueryRows;
import io.funnelql.result.ResultTable;

import java.util.ArrayList;
import java.util.List;

/**
 * A sequence query: per key, its stored events (rows on which some condition holds, in event
 * order) matched by the profile's matcher; reported per key or as totals.
 */
public final class SequenceExecutor implements QueryExecutor {
    /** The events report's column: which (?N) of the pattern, counted from 1. */
    private static final String PATTERN_STEP = "pattern_step";

    private final SequenceQuery query;
    private final SequenceMatcher matcher;
    /** The events report's condition names, one per (?N) of the pattern in order. */
    private final List<String> patternConditions;
    private final List<List<Object>> perKey = new ArrayList<>();
    private long keys;
    private long matchedKeys;
    private long matches;

    public SequenceExecutor(SequenceQuery query) {
        this.query = query;
        this.matcher = query.profile() == Profile.CLICKHOUSE
                ? new ClickHouseSequenceMatcher(query.pattern())
                : new DuckDbSequenceMatcher(query.pattern());
        this.patternConditions = query.pattern().elements().stream()
                .filter(PatternElement.ConditionEvent.class::isInstance)
                .map(element -> query.conditions().get(((PatternElement.ConditionEvent) element).condition() - 1).name().value())
                .toList();
    }

    @Override
    public void accumulate(QueryRows rows) {
        long[] masks = rows.masks(query.conditions().stream().map(SequenceCondition::condition).toList(),
                query.nullConditions());
        int time = rows.table().columnIndex(query.source().time());
        for (KeyGroup group : KeyGrouping.group(rows.table(), query.partitionKey(), query.source().time(),
                row -> masks[row] >= 0)) {
            int stored = 0;
            for (int row : group.rows()) {
                stored += masks[row] != 0 ? 1 : 0;
            }
            long[] times = new long[stored];
            long[] storedMasks = new long[stored];
            int[] storedRows = new int[stored];
            for (int i = 0, j = 0; i < group.size(); i++) {
                long mask = masks[group.rows()[i]];
                if (mask != 0) {
                    times[j] = group.times()[i];
                    storedRows[j] = group.rows()[i];
                    storedMasks[j++] = mask;
                }
            }
            StoredEvents events = new StoredEvents(times, storedMasks);
            if (query.report() instanceof SequenceReport.MatchedEvents) {
                addMatchedEvents(rows, time, group, events, storedRows);
                continue;
            }
            boolean matched = matcher.matches(events);
            long count = matcher.count(events);
            keys++;
            matchedKeys += matched ? 1 : 0;
            matches += count;
            List<Object> row = new ArrayList<>(group.key());
            row.add(matched);
            row.add(count);
            perKey.add(row);
        }
    }

    /** One row per (?N) of the pattern: the time of the event it took in the first match. */
    private void addMatchedEvents(QueryRows rows, int time, KeyGroup group, StoredEvents events, int[] storedRows) {
        int[] consumed = matcher.firstMatchEvents(events);
        if (consumed == null) {
            return;
        }
        for (int i = 0; i < consumed.length; i++) {
            List<Object> row = new ArrayList<>(group.key());
            row.add((long) i + 1);
            row.add(patternConditions.get(i));
            row.add(rows.table().value(time, storedRows[consumed[i]]));
            perKey.add(row);
        }
    }

    @Override
    public ResultTable finish() {
        if (query.report() instanceof SequenceReport.Summary) {
            return ResultTable.sorted(List.of("keys", "matched_keys", "matches"),
                    List.of(ResultTable.row(keys, matchedKeys, matches)));
        }
        List<String> columns = new ArrayList<>(query.partitionKey().stream().map(c -> c.name().value()).toList());
        if (query.report() instanceof SequenceReport.MatchedEvents) {
            columns.addAll(List.of(PATTERN_STEP, "condition", "event_time"));
            return ResultTable.sorted(columns, perKey);
        }
        columns.add("matched");
        columns.add("matches");
        return ResultTable.sorted(columns, perKey);
    }
}
