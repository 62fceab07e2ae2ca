package io.funnelql.lint.model;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One SELECT of a statement (the outer one, a CTE's, a sub-query's) with its FROM clause read
 * into relations and join steps, its WHERE terms, the joins that multiply rows, and the shape of
 * what it returns.
 */
public final class SelectBlock {
    private final SqlSelect select;
    private final List<RelationUse> relations = new ArrayList<>();
    private final List<JoinStep> joins = new ArrayList<>();
    private final List<SqlNode> where;
    private final List<FanOut> fanOuts = new ArrayList<>();
    private final Map<String, String> classes = new HashMap<>();
    private RelationShape output;

    SelectBlock(SqlSelect select) {
        this.select = select;
        this.where = Nodes.conjuncts(select.getWhere());
    }

    public SqlSelect select() {
        return select;
    }

    public List<RelationUse> relations() {
        return List.copyOf(relations);
    }

    public List<JoinStep> joins() {
        return List.copyOf(joins);
    }

    public List<SqlNode> where() {
        return where;
    }

    /** The joins of this SELECT in which neither side is provably unique on the join keys. */
    public List<FanOut> fanOuts() {
        return List.copyOf(fanOuts);
    }

    /** Joins in the relations this SELECT reads that multiplied rows which nothing has grouped since. */
    public List<FanOut> inheritedFanOuts() {
        return relations.stream().flatMap(r -> r.shape().fanOuts().stream()).toList();
    }

    public RelationShape output() {
        return output;
    }

    /** Every condition term: each join's ON terms and the WHERE terms. */
    public List<SqlNode> conditionTerms() {
        List<SqlNode> terms = new ArrayList<>();
        for (JoinStep step : joins) {
            if (step.join().getCondition() != null && step.join().getCondition().getKind() != SqlKind.OTHER) {
                terms.addAll(Nodes.conjuncts(step.join().getCondition()));
            }
        }
        terms.addAll(where);
        return terms;
    }

    void addRelation(RelationUse relation) {
        relations.add(relation);
    }

    void addJoin(JoinStep step) {
        joins.add(step);
    }

    void addFanOut(FanOut fanOut) {
        fanOuts.add(fanOut);
    }

    void setOutput(RelationShape output) {
        this.output = output;
    }

    /** The relation and column an identifier names, when it can be told. */
    public Optional<ColumnRef> resolve(SqlNode node) {
        if (!(node instanceof SqlIdentifier identifier) || identifier.isStar()) {
            return Optional.empty();
        }
        String column = Nodes.lastName(identifier);
        if (identifier.names.size() >= 2) {
            String alias = identifier.names.get(identifier.names.size() - 2).toLowerCase(java.util.Locale.ROOT);
            return relations.stream().filter(r -> r.alias().equals(alias)).findFirst()
                    .map(r -> new ColumnRef(r, column));
        }
        if (relations.size() == 1) {
            return Optional.of(new ColumnRef(relations.get(0), column));
        }
        List<RelationUse> having = relations.stream()
                .filter(r -> r.shape().hasColumn(column).orElse(false)).toList();
        return having.size() == 1 ? Optional.of(new ColumnRef(having.get(0), column)) : Optional.empty();
    }

    /** The equality class key of an operand: a column, a literal or a parameter. */
    Optional<String> equalityKey(SqlNode node) {
        Optional<ColumnRef> column = resolve(node);
        if (column.isPresent()) {
            return Optional.of(column.get().key());
        }
        if (node instanceof SqlLiteral || node.getKind() == SqlKind.DYNAMIC_PARAM) {
            return Optional.of("value:" + Nodes.text(node));
        }
        return Optional.empty();
    }

    void computeEqualities() {
        for (SqlNode term : conditionTerms()) {
            if (term.getKind() == SqlKind.EQUALS) {
                SqlCall call = (SqlCall) term;
                Optional<String> a = equalityKey(call.operand(0));
                Optional<String> b = equalityKey(call.operand(1));
                if (a.isPresent() && b.isPresent()) {
                    union(a.get(), b.get());
                }
            }
        }
        for (JoinStep step : joins) {
            for (JoinStep.KeyPair pair : step.keys()) {
                union(pair.left().key(), pair.right().key());
            }
        }
    }

    /** Whether the conditions (ON and WHERE, through any chain of equalities) equate two columns. */
    public boolean equated(ColumnRef a, ColumnRef b) {
        return find(a.key()).equals(find(b.key()));
    }

    private String find(String key) {
        String parent = classes.getOrDefault(key, key);
        if (parent.equals(key)) {
            return key;
        }
        String root = find(parent);
        classes.put(key, root);
        return root;
    }

    private void union(String a, String b) {
        String ra = find(a);
        String rb = find(b);
        if (!ra.equals(rb)) {
            classes.put(ra, rb);
        }
    }

    /** Whether the SELECT groups rows: GROUP BY, DISTINCT, or an aggregate outside any OVER. */
    public boolean collapsesRows() {
        return select.isDistinct() || (select.getGroup() != null && select.getGroup().size() > 0)
                || hasAggregate();
    }

    private boolean hasAggregate() {
        boolean[] found = {false};
        for (SqlNode item : select.getSelectList()) {
            findAggregate(item, found);
        }
        findAggregate(select.getHaving(), found);
        return found[0];
    }

    private static void findAggregate(SqlNode node, boolean[] found) {
        if (node == null || Nodes.isQuery(node) || node.getKind() == SqlKind.OVER) {
            return;
        }
        if (node instanceof SqlCall call && !(node instanceof org.apache.calcite.sql.SqlNodeList)
                && StatementAnalyzer.AGGREGATES.contains(Nodes.name(call))) {
            found[0] = true;
            return;
        }
        for (SqlNode child : Nodes.children(node)) {
            findAggregate(child, found);
        }
    }
}
