package io.funnelql.lint.rules;

import io.funnelql.lint.model.JoinStep;
import io.funnelql.lint.model.Nodes;
import io.funnelql.lint.model.RelationUse;
import io.funnelql.lint.model.SelectBlock;
import io.funnelql.lint.report.RuleInfo;
import io.funnelql.lint.report.Severity;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * FQL010: one relation joined two or more times in one SELECT with conditions that are the same
 * but for a constant offset ({@code a1.week = c.week + 1}, {@code a2.week = c.week + 2}, or
 * {@code + INTERVAL '7' DAY}, DATE_ADD, ADD_MONTHS): a retention table pivoted by one join per
 * period. Each join reads the relation again, and unless the relation has one row per key and
 * period each multiplies the rows of the others. Conditions are compared with the joined alias
 * replaced by a placeholder and every shift by a constant replaced by what it shifts.
 */
public final class RetentionPivotJoins implements Rule {
    static final RuleInfo INFO = new RuleInfo("FQL010", "retention-pivot-joins", Severity.WARNING,
            "One join of the same relation per retention offset (a1.week = c.week + 1, a2.week = c.week + 2): join once and pivot with CASE.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** A join's conditions with its relation and offsets taken out, and the offsets, in the same order. */
    private record Shape(JoinStep step, RelationUse relation, List<String> templates, List<String> offsets) {}

    @Override
    public void check(LintContext context) {
        for (SelectBlock block : context.blocks()) {
            Map<String, List<Shape>> byTemplate = new LinkedHashMap<>();
            for (JoinStep step : block.joins()) {
                if (step.right().size() != 1 || step.right().get(0).shape().origin().isEmpty()
                        || step.conditions().isEmpty()) {
                    continue;
                }
                Shape shape = shape(block, step, step.right().get(0));
                String key = shape.relation().shape().origin().get() + "|" + String.join(" AND ", shape.templates());
                byTemplate.computeIfAbsent(key, k -> new ArrayList<>()).add(shape);
            }
            for (List<Shape> shapes : byTemplate.values()) {
                Set<List<String>> offsets = new LinkedHashSet<>();
                shapes.forEach(s -> offsets.add(s.offsets()));
                if (shapes.size() >= 2 && offsets.size() >= 2) {
                    report(context, shapes);
                }
            }
        }
    }

    private static void report(LintContext context, List<Shape> shapes) {
        RelationUse first = shapes.get(0).relation();
        String origin = first.shape().origin().get();
        List<String> aliases = shapes.stream().map(s -> s.relation().alias()).toList();
        List<String> offsets = shapes.stream()
                .map(s -> s.offsets().isEmpty() ? "no offset" : String.join(", ", s.offsets())).toList();
        context.report(INFO, shapes.get(0).step().anchor(), origin + " is joined " + shapes.size() + " times ("
                + String.join(", ", aliases) + ") with conditions that differ only by a constant offset ("
                + String.join("; ", offsets) + "): one join per retention period. Each join reads " + origin
                + " again, and unless it has one row per key and period each multiplies the rows of the others."
                + " Join " + origin + " once, with the offsets as a range, and pivot with one CASE per period inside"
                + " an aggregate grouped by the cohort key, such as MAX(CASE WHEN <period> = <cohort period> + 1"
                + " THEN 1 ELSE 0 END).");
    }

    private static Shape shape(SelectBlock block, JoinStep step, RelationUse joined) {
        record Term(String template, List<String> offsets) {}
        List<Term> terms = new ArrayList<>();
        for (SqlNode condition : step.conditions()) {
            List<String> offsets = new ArrayList<>();
            SqlNode stripped = condition.accept(new SqlShuttle() {
                @Override
                public SqlNode visit(SqlCall call) {
                    Optional<Nodes.Shift> shift = Nodes.shift(call);
                    if (shift.isPresent()) {
                        offsets.add((shift.get().sign() > 0 ? "+ " : "- ") + Nodes.text(shift.get().amount()));
                        return shift.get().base().accept(this);
                    }
                    return super.visit(call);
                }
            });
            String template = block.text(stripped, ref -> (ref.relation() == joined ? "$" : ref.relation().alias())
                    + "." + ref.column());
            terms.add(new Term(template, offsets));
        }
        terms.sort(Comparator.comparing(Term::template));
        return new Shape(step, joined, terms.stream().map(Term::template).toList(),
                terms.stream().flatMap(t -> t.offsets().stream()).toList());
    }
}
