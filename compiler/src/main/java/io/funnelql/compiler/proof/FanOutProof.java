package io.funnelql.compiler.proof;

import io.funnelql.compiler.CompilationException;
import io.funnelql.compiler.plan.Stage;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Proves that no join of a plan multiplies rows: each join has a side unique on its equi-join
 * keys (so every row of the other side meets at most one partner), or its result is grouped
 * straight back to a unique key of one side before anything is counted. Uniqueness comes from
 * Calcite's metadata (an aggregate's group keys are unique) and from keys a stage declares by
 * construction, each with its reason.
 */
public final class FanOutProof {
    private final List<JoinVerdict> verdicts;

    private FanOutProof(List<JoinVerdict> verdicts) {
        this.verdicts = List.copyOf(verdicts);
    }

    public List<JoinVerdict> verdicts() {
        return verdicts;
    }

    public boolean safe() {
        return verdicts.stream().allMatch(JoinVerdict::safe);
    }

    /** Checks every stage and the output; a join that cannot be proved safe is a compiler bug and stops compilation. */
    public static FanOutProof check(List<Stage> stages, RelNode output) {
        List<JoinVerdict> verdicts = new ArrayList<>();
        for (Stage stage : stages) {
            walk(stage.name(), stage.enumeration(), stage.plan(), new ArrayList<>(), verdicts);
            if (stage.recursive()) {
                walk(stage.name() + " (recursive step)", null, stage.recursiveStep(), new ArrayList<>(), verdicts);
            }
        }
        walk("output", null, output, new ArrayList<>(), verdicts);
        FanOutProof proof = new FanOutProof(verdicts);
        List<JoinVerdict> unsafe = verdicts.stream().filter(v -> !v.safe()).toList();
        if (!unsafe.isEmpty()) {
            throw new CompilationException("internal error: the plan has a join that may multiply rows, so no SQL was "
                    + "emitted (please report this): " + unsafe.get(0));
        }
        return proof;
    }

    private static void walk(String stage, String enumeration, RelNode node, List<RelNode> ancestors,
                             List<JoinVerdict> verdicts) {
        if (node instanceof Join join) {
            verdicts.add(verdict(stage, enumeration, join, groupedBy(ancestors)));
        }
        ancestors.add(node);
        for (RelNode input : node.getInputs()) {
            walk(stage, enumeration, input, ancestors, verdicts);
        }
        ancestors.remove(ancestors.size() - 1);
    }

    /**
     * The join's columns an aggregate right above it groups by: directly, or through one
     * projection that computes the aggregate's arguments (as RelBuilder places it).
     */
    private static ImmutableBitSet groupedBy(List<RelNode> ancestors) {
        if (ancestors.isEmpty()) {
            return null;
        }
        RelNode parent = ancestors.get(ancestors.size() - 1);
        if (parent instanceof Aggregate aggregate) {
            return aggregate.getGroupSet();
        }
        if (parent instanceof Project project && ancestors.size() >= 2
                && ancestors.get(ancestors.size() - 2) instanceof Aggregate aggregate) {
            ImmutableBitSet.Builder columns = ImmutableBitSet.builder();
            for (int group : aggregate.getGroupSet()) {
                if (project.getProjects().get(group) instanceof RexInputRef reference) {
                    columns.set(reference.getIndex());
                }
            }
            return columns.build();
        }
        return null;
    }

    private static JoinVerdict verdict(String stage, String enumeration, Join join, ImmutableBitSet group) {
        RelMetadataQuery metadata = join.getCluster().getMetadataQuery();
        JoinInfo info = join.analyzeCondition();
        ImmutableBitSet leftKeys = ImmutableBitSet.of(info.leftKeys);
        ImmutableBitSet rightKeys = ImmutableBitSet.of(info.rightKeys);
        String description = join.getJoinType().lowerName.toUpperCase(Locale.ROOT) + " JOIN of "
                + name(join.getLeft()) + " and " + name(join.getRight()) + " on ("
                + columns(join.getLeft(), leftKeys) + ") = (" + columns(join.getRight(), rightKeys) + ")";
        if (Boolean.TRUE.equals(metadata.areColumnsUnique(join.getRight(), rightKeys))) {
            return new JoinVerdict(stage, description, true, name(join.getRight()) + " is unique on ("
                    + columns(join.getRight(), rightKeys) + "): each " + name(join.getLeft()) + " row meets at most one");
        }
        if (Boolean.TRUE.equals(metadata.areColumnsUnique(join.getLeft(), leftKeys))) {
            return new JoinVerdict(stage, description, true, name(join.getLeft()) + " is unique on ("
                    + columns(join.getLeft(), leftKeys) + "): each " + name(join.getRight()) + " row meets at most one");
        }
        if (group != null) {
            int leftWidth = join.getLeft().getRowType().getFieldCount();
            ImmutableBitSet leftGroup = group.intersect(ImmutableBitSet.range(0, leftWidth));
            // Grouping by a right-side column that is not a join key would keep several rows per left row.
            ImmutableBitSet rightGroup = group.except(ImmutableBitSet.range(0, leftWidth)).shift(-leftWidth);
            if (!leftGroup.isEmpty() && rightKeys.contains(rightGroup)
                    && Boolean.TRUE.equals(metadata.areColumnsUnique(join.getLeft(), leftGroup))) {
                return new JoinVerdict(stage, description, true, "grouped straight back to one row per "
                        + name(join.getLeft()) + " row (a unique key of it is in the GROUP BY)");
            }
        }
        if (enumeration != null && hasUniqueKey(metadata, join.getLeft()) && hasUniqueKey(metadata, join.getRight())) {
            return new JoinVerdict(stage, description, true, "enumerates distinct pairs by design (both sides are"
                    + " unique on a key, so no row repeats another): " + enumeration);
        }
        return new JoinVerdict(stage, description, false, "neither side is unique on the join keys and the result "
                + "is not grouped back to one side's grain");
    }

    private static boolean hasUniqueKey(RelMetadataQuery metadata, RelNode node) {
        Set<ImmutableBitSet> keys = metadata.getUniqueKeys(node);
        return keys != null && !keys.isEmpty();
    }

    private static String name(RelNode node) {
        if (node instanceof TableScan scan) {
            return String.join(".", scan.getTable().getQualifiedName());
        }
        return node.getRelTypeName();
    }

    private static String columns(RelNode node, ImmutableBitSet keys) {
        List<String> names = node.getRowType().getFieldNames();
        return keys.asList().stream().map(names::get).collect(Collectors.joining(", "));
    }
}
