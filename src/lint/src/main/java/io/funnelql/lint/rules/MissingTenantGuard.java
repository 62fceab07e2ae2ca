package io.funnelql.lint.rules;

import io.funnelql.lint.model.ColumnRef;
import io.funnelql.lint.model.JoinStep;
import io.funnelql.lint.model.Nodes;
import io.funnelql.lint.model.RelationUse;
import io.funnelql.lint.model.SelectBlock;
import io.funnelql.lint.report.RuleInfo;
import io.funnelql.lint.report.Severity;
import org.apache.calcite.sql.SqlIdentifier;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * FQL003: a join between two relations that both carry the tenant column whose ON and WHERE
 * conditions never equate it. A relation carries the tenant column when its known columns include
 * it; one whose columns are unknown (a table outside the schema) carries it when the statement
 * names {@code alias.tenant}, or when {@code --tenant-column} was given. A join of a tenant-scoped
 * relation with one computed from tenant-scoped rows that dropped the tenant column (a CTE grouped by
 * user alone) is the same mistake, one-sided: the dropped relation mixes the tenants' rows.
 */
public final class MissingTenantGuard implements Rule {
    static final RuleInfo INFO = new RuleInfo("FQL003", "missing-tenant-guard", Severity.ERROR,
            "A join of two tenant-scoped relations whose condition does not equate the tenant column.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext context) {
        Set<String> tenants = context.settings().tenantColumns();
        if (tenants.isEmpty()) {
            return;
        }
        for (SelectBlock block : context.blocks()) {
            for (JoinStep step : block.joins()) {
                for (RelationUse right : step.right()) {
                    Set<RelationUse> linked = new LinkedHashSet<>();
                    for (JoinStep.KeyPair pair : step.keys()) {
                        if (pair.right().relation().equals(right)) {
                            linked.add(pair.left().relation());
                        }
                    }
                    if (linked.isEmpty()) {
                        linked.addAll(step.left());
                    }
                    for (RelationUse left : linked) {
                        Optional<String> tenant = tenants.stream()
                                .filter(t -> carries(left, t, block, context) && carries(right, t, block, context))
                                .findFirst();
                        Optional<String> lost = tenant.isPresent() ? Optional.empty() : tenants.stream()
                                .filter(t -> lostTenant(left, right, t, block, context) || lostTenant(right, left, t, block, context))
                                .findFirst();
                        if (lost.isPresent()) {
                            RelationUse scoped = carries(left, lost.get(), block, context) ? left : right;
                            RelationUse dropped = scoped == left ? right : left;
                            context.report(INFO, step.anchor(), "the join of " + left.display() + " and " + right.display()
                                    + " does not equate " + lost.get() + ": " + dropped.display() + " was computed from"
                                    + " tenant-scoped rows but does not carry " + lost.get() + ", so its rows of every"
                                    + " tenant match " + scoped.alias() + "'s rows with the same key. Keep " + lost.get()
                                    + " in " + dropped.display() + " (select and group by it) and add " + scoped.alias()
                                    + "." + lost.get() + " = " + dropped.alias() + "." + lost.get() + " to the join condition.");
                            break;
                        }
                        if (tenant.isPresent() && !block.equated(new ColumnRef(left, tenant.get()),
                                new ColumnRef(right, tenant.get()))) {
                            context.report(INFO, step.anchor(), "the join of " + left.display() + " and "
                                    + right.display() + " does not equate " + tenant.get()
                                    + ": rows of one tenant match rows of every other tenant with the same key."
                                    + " Add " + left.alias() + "." + tenant.get() + " = " + right.alias() + "."
                                    + tenant.get() + " to the join condition.",
                                    left.alias() + "." + tenant.get() + " = " + right.alias() + "." + tenant.get());
                            break;
                        }
                    }
                }
            }
        }
    }

    /**
     * {@code scoped} carries the tenant and {@code other}, computed from tenant-scoped rows, lost it:
     * its columns are known and the tenant is not among them.
     */
    private static boolean lostTenant(RelationUse scoped, RelationUse other, String tenant, SelectBlock block,
            LintContext context) {
        return carries(scoped, tenant, block, context) && other.shape().hasColumn(tenant).equals(Optional.of(false))
                && other.shape().facts().fromTenantScoped();
    }

    private static boolean carries(RelationUse relation, String tenant, SelectBlock block, LintContext context) {
        Optional<Boolean> known = relation.shape().hasColumn(tenant);
        if (known.isPresent()) {
            return known.get();
        }
        if (context.settings().tenantColumnOption().isPresent()) {
            return true;
        }
        boolean[] named = {false};
        Nodes.walkAll(block.select(), node -> {
            if (node instanceof SqlIdentifier id && id.names.size() >= 2
                    && id.names.get(id.names.size() - 2).toLowerCase(Locale.ROOT).equals(relation.alias())
                    && Nodes.lastName(id).equals(tenant)) {
                named[0] = true;
            }
        });
        return named[0];
    }
}
