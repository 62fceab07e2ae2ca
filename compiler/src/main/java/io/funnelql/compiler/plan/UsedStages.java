package io.funnelql.compiler.plan;

import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The stages the output reads, directly or through other stages. A planner may build a stage that
 * its chosen strategy ends up not reading (the aggregate chain reads its steps' rows straight from
 * the source when no event order is needed); the SQL then leaves it out rather than carry a CTE
 * nobody reads.
 */
public final class UsedStages {
    private UsedStages() {}

    public static List<Stage> of(List<Stage> stages, RelNode output) {
        Set<String> read = new HashSet<>(tablesRead(output));
        List<Stage> used = new ArrayList<>();
        for (int i = stages.size() - 1; i >= 0; i--) {
            Stage stage = stages.get(i);
            if (read.contains(stage.name())) {
                used.add(0, stage);
                read.addAll(tablesRead(stage.plan()));
                if (stage.recursive()) {
                    read.addAll(tablesRead(stage.recursiveStep()));
                }
            }
        }
        return used;
    }

    private static Set<String> tablesRead(RelNode plan) {
        Set<String> names = new HashSet<>();
        for (RelOptTable table : RelOptUtil.findTables(plan)) {
            List<String> qualified = table.getQualifiedName();
            names.add(qualified.get(qualified.size() - 1));
        }
        return names;
    }
}
