package io.funnelql.reference.paths;

import io.funnelql.dsl.model.Micros;
import io.funnelql.dsl.model.NodeRule;
import io.funnelql.dsl.model.PathDirection;
import io.funnelql.dsl.model.PathsQuery;
import io.funnelql.reference.KeyGroup;
import io.funnelql.reference.KeyGrouping;
import io.funnelql.reference.QueryExecutor;
import io.funnelql.reference.QueryRows;
import io.funnelql.reference.evaluation.ExpressionEvaluator;
import io.funnelql.reference.evaluation.RowFunction;
import io.funnelql.result.ResultTable;
import io.funnelql.result.Statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Paths, in one ordered pass per key: the key's events with a node, ordered by (time, node,
 * anchor first); its first anchor; the events from it outwards while the gap and the window
 * allow; repeats collapsed; one transition per depth (a drop-off where the path ends). The
 * transitions are counted in keys, as a percentage of the keys at the depth, and the top ones of each depth kept.
 */
public final class PathsExecutor implements QueryExecutor {
    /** The report's columns. */
    public static final List<String> COLUMNS = List.of("depth", "from_node", "to_node", "keys", "percentage");

    private final PathsQuery query;
    private final Map<Transition, Long> counts = new HashMap<>();

    /** One depth's transition; a NULL node is the path's end (to) or, before an anchor, its beginning (from). */
    record Transition(long depth, String from, String to) {}

    /** One event of a key: its time, its node and whether the anchor condition holds on it. */
    private record Event(long time, String node, boolean anchor) {}

    private static final Comparator<Event> EVENT_ORDER = Comparator.comparingLong(Event::time)
            .thenComparing(Event::node)
            .thenComparing(event -> !event.anchor()); // an anchor first among equal (time, node): its ties follow it

    public PathsExecutor(PathsQuery query) {
        this.query = query;
    }

    @Override
    public void accumulate(QueryRows rows) {
        RowFunction anchor = rows.compile(List.of(query.anchor()))[0];
        RowFunction[] rules = rows.compile(query.cleaning().stream().map(NodeRule::condition).toList());
        int nodeColumn = rows.table().columnIndex(query.node());
        for (KeyGroup group : KeyGrouping.group(rows.table(), query.partitionKey(), query.source().time(), rows::passesFilter)) {
            List<Event> events = new ArrayList<>();
            for (int position = 0; position < group.size(); position++) {
                int row = group.rows()[position];
                String node = node(rows, rules, nodeColumn, row);
                if (node != null) {
                    events.add(new Event(group.times()[position], node, Boolean.TRUE.equals(
                            ExpressionEvaluator.truth(anchor.value(row)))));
                }
            }
            events.sort(EVENT_ORDER);
            path(events);
        }
    }

    /** The first rule's label that holds on the row, else the node column's value (NULL: no node, the row is left out). */
    private String node(QueryRows rows, RowFunction[] rules, int nodeColumn, int row) {
        for (int i = 0; i < rules.length; i++) {
            if (Boolean.TRUE.equals(ExpressionEvaluator.truth(rules[i].value(row)))) {
                return query.cleaning().get(i).label();
            }
        }
        return (String) rows.table().value(nodeColumn, row);
    }

    private void path(List<Event> events) {
        int anchor = 0;
        while (anchor < events.size() && !events.get(anchor).anchor()) {
            anchor++;
        }
        if (anchor == events.size()) {
            return; // no anchor: the key has no path
        }
        int step = query.direction() == PathDirection.AFTER_ANCHOR ? 1 : -1;
        long gap = query.sessionGap().map(Micros::of).orElse(Long.MAX_VALUE);
        long window = query.window().map(Micros::of).orElse(Long.MAX_VALUE);
        long anchorTime = events.get(anchor).time();
        List<String> nodes = new ArrayList<>(List.of(events.get(anchor).node()));
        for (int i = anchor + step; i >= 0 && i < events.size() && nodes.size() <= query.depth(); i += step) {
            Event event = events.get(i);
            Event neighbour = events.get(i - step);
            if (Math.abs(event.time() - neighbour.time()) > gap || Math.abs(event.time() - anchorTime) > window) {
                break;
            }
            if (!query.collapseRepeats() || !event.node().equals(nodes.get(nodes.size() - 1))) {
                nodes.add(event.node());
            }
        }
        // nodes.get(s) is the node s steps from the anchor; depth d joins steps d - 1 and d.
        for (int depth = 1; depth <= query.depth() && depth - 1 < nodes.size(); depth++) {
            String near = nodes.get(depth - 1);
            String far = depth < nodes.size() ? nodes.get(depth) : null;
            Transition transition = step > 0 ? new Transition(depth, near, far) : new Transition(depth, far, near);
            counts.merge(transition, 1L, Long::sum);
        }
    }

    @Override
    public ResultTable finish() {
        Map<Long, List<Map.Entry<Transition, Long>>> byDepth = new HashMap<>();
        for (Map.Entry<Transition, Long> entry : counts.entrySet()) {
            byDepth.computeIfAbsent(entry.getKey().depth(), depth -> new ArrayList<>()).add(entry);
        }
        Comparator<String> nullsLast = Comparator.nullsLast(Comparator.naturalOrder());
        Comparator<Map.Entry<Transition, Long>> rank = Comparator.<Map.Entry<Transition, Long>>comparingLong(Map.Entry::getValue)
                .reversed()
                .thenComparing(entry -> entry.getKey().from(), nullsLast)
                .thenComparing(entry -> entry.getKey().to(), nullsLast);
        List<List<Object>> rows = new ArrayList<>();
        for (List<Map.Entry<Transition, Long>> transitions : byDepth.values()) {
            // Every key at the depth's near side has one transition there: their sum, before the cut, is the whole.
            long depthKeys = transitions.stream().mapToLong(Map.Entry::getValue).sum();
            transitions.sort(rank);
            for (Map.Entry<Transition, Long> entry : transitions.subList(0, Math.min(query.top(), transitions.size()))) {
                Transition transition = entry.getKey();
                rows.add(Arrays.asList(transition.depth(), transition.from(), transition.to(), entry.getValue(),
                        Statistics.percent(entry.getValue(), depthKeys)));
            }
        }
        return ResultTable.sorted(COLUMNS, rows);
    }
}
