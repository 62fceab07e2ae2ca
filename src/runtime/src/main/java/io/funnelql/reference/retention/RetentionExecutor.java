package io.funnelql.reference.retention;

import io.funnelql.dsl.model.CohortKind;
import io.funnelql.dsl.model.Micros;
import io.funnelql.dsl.model.RetentionPeriod;
import io.funnelql.dsl.model.RetentionQuery;
import io.funnelql.dsl.model.RetentionReport;
import io.funnelql.dsl.model.ReturnMatch;
import io.funnelql.reference.CalendarPeriods;
import io.funnelql.reference.KeyGroup;
import io.funnelql.reference.KeyGrouping;
import io.funnelql.reference.QueryExecutor;
import io.funnelql.reference.QueryRows;
import io.funnelql.result.ResultTable;
import io.funnelql.result.Statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cohort retention. A key joins a cohort at its cohort event (the first one, or the first of
 * each period for recurring cohorts); it has returned at offset n when it has a return event at
 * or after the cohort event whose period is the cohort's period + n (on) or later (on or after).
 */
public final class RetentionExecutor implements QueryExecutor {
    private static final int COHORT = 1;
    private static final int RETURN = 2;

    private final RetentionQuery query;
    private final List<Membership> memberships = new ArrayList<>();

    public RetentionExecutor(RetentionQuery query) {
        this.query = query;
    }

    /** One key's membership of one cohort and the offsets at which it returned. */
    private record Membership(List<Object> key, LocalDate cohort, boolean[] returned) {}

    @Override
    public void accumulate(QueryRows rows) {
        long[] masks = rows.masks(List.of(query.cohortCondition(), query.returnCondition()), query.nullConditions());
        for (KeyGroup group : KeyGrouping.group(rows.table(), query.partitionKey(), query.source().time(),
                row -> masks[row] > 0)) {
            memberships.addAll(memberships(group, masks));
        }
    }

    @Override
    public ResultTable finish() {
        return query.report() == RetentionReport.PER_KEY ? perKey() : cohorts();
    }

    private List<Membership> memberships(KeyGroup group, long[] masks) {
        List<Membership> result = new ArrayList<>();
        Map<Long, Integer> cohortEvents = new TreeMap<>(); // cohort period index -> position of its first cohort event
        for (int position = 0; position < group.size(); position++) {
            if ((masks[group.rows()[position]] & COHORT) == 0) {
                continue;
            }
            long period = period(group.times()[position], group.times()[position]);
            cohortEvents.putIfAbsent(period, position);
            if (query.cohortKind() == CohortKind.FIRST) {
                break;
            }
        }
        for (int start : cohortEvents.values()) {
            long cohortTime = group.times()[start];
            long cohortPeriod = period(cohortTime, cohortTime);
            boolean[] returned = new boolean[query.offsets().size()];
            int from = start;
            while (from > 0 && group.times()[from - 1] == cohortTime) {
                from--; // "at or after" is by time: a same-instant return counts whichever row sorts first
            }
            for (int position = from; position < group.size(); position++) {
                if ((masks[group.rows()[position]] & RETURN) == 0) {
                    continue;
                }
                long offset = period(group.times()[position], cohortTime) - cohortPeriod;
                for (int i = 0; i < returned.length; i++) {
                    int wanted = query.offsets().get(i);
                    returned[i] |= query.returnMatch() == ReturnMatch.ON ? offset == wanted : offset >= wanted;
                }
            }
            result.add(new Membership(group.key(), label(cohortTime), returned));
        }
        return result;
    }

    /** The period index of {@code micros}; rolling periods count lengths from the cohort event. */
    private long period(long micros, long cohortMicros) {
        if (query.period() instanceof RetentionPeriod.Calendar calendar) {
            return CalendarPeriods.calendarIndex(calendar, micros);
        }
        long length = Micros.of(((RetentionPeriod.Rolling) query.period()).length());
        return Math.floorDiv(micros - cohortMicros, length);
    }

    private LocalDate label(long cohortMicros) {
        if (query.period() instanceof RetentionPeriod.Calendar calendar) {
            return CalendarPeriods.calendarStart(calendar, cohortMicros);
        }
        return CalendarPeriods.utcDate(cohortMicros);
    }

    private ResultTable cohorts() {
        Map<LocalDate, long[]> counts = new LinkedHashMap<>(); // [size, returned per offset...]
        for (Membership membership : memberships) {
            long[] cohort = counts.computeIfAbsent(membership.cohort(), c -> new long[1 + query.offsets().size()]);
            cohort[0]++;
            for (int i = 0; i < membership.returned().length; i++) {
                cohort[1 + i] += membership.returned()[i] ? 1 : 0;
            }
        }
        List<List<Object>> result = new ArrayList<>();
        counts.forEach((cohort, values) -> {
            for (int i = 0; i < query.offsets().size(); i++) {
                result.add(ResultTable.row(cohort, (long) query.offsets().get(i), values[0], values[1 + i],
                        Statistics.percent(values[1 + i], values[0])));
            }
        });
        return ResultTable.sorted(List.of("cohort", "offset", "cohort_size", "returned", "percentage"), result);
    }

    private ResultTable perKey() {
        List<String> columns = new ArrayList<>(query.partitionKey().stream().map(c -> c.name().value()).toList());
        columns.add("cohort");
        query.offsets().forEach(offset -> columns.add("returned_" + offset));
        List<List<Object>> result = new ArrayList<>();
        for (Membership membership : memberships) {
            List<Object> row = new ArrayList<>(membership.key());
            row.add(membership.cohort());
            for (boolean returned : membership.returned()) {
                row.add(returned);
            }
            result.add(row);
        }
        return ResultTable.sorted(columns, result);
    }
}
