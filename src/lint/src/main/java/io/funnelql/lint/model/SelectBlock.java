package io.funnelql.lint.model;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

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
    private List<TimeBound> timeBounds;

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

    /** The one relation all the columns of an expression come from, when it can be told. */
    public Optional<RelationUse> relationOf(SqlNode expression) {
        Set<RelationUse> found = new HashSet<>();
        for (SqlIdentifier column : Nodes.columns(expression)) {
            if (Nodes.isUnit(column) && resolve(column).isEmpty()) {
                continue;
            }
            Optional<ColumnRef> ref = resolve(column);
            if (ref.isEmpty()) {
                return Optional.empty();
            }
            found.add(ref.get().relation());
        }
        return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
    }

    /**
     * What the condition terms (ON and WHERE) say about the order of two relations' times: every
     * comparison whose sides come from two different relations, or that compares the difference of
     * two relations' values (minus, or a DATEDIFF-like function) with a constant.
     */
    public List<TimeBound> timeBounds() {
        if (timeBounds == null) {
            List<TimeBound> bounds = new ArrayList<>();
            for (SqlNode term : conditionTerms()) {
                for (Nodes.Comparison comparison : Nodes.comparisons(term)) {
                    timeBound(comparison).ifPresent(bounds::add);
                }
                samePeriod(term).ifPresent(bounds::add);
            }
            timeBounds = List.copyOf(bounds);
        }
        return timeBounds;
    }

    /** {@code DATE(s.ts) = DATE(a.ts)}, {@code s.day = a.day} of two DATE columns: the step lies in the anchor's period. */
    private Optional<TimeBound> samePeriod(SqlNode term) {
        if (term.getKind() != SqlKind.EQUALS) {
            return Optional.empty();
        }
        SqlCall equality = (SqlCall) term;
        Optional<RelationUse> a = relationOf(equality.operand(0));
        Optional<RelationUse> b = relationOf(equality.operand(1));
        if (a.isEmpty() || b.isEmpty() || a.get() == b.get() || !Values.period(equality.operand(0), this)
                || !Values.period(equality.operand(1), this)) {
            return Optional.empty();
        }
        return Optional.of(new TimeBound(b.get(), a.get(), TimeBound.Kind.SAME_PERIOD, term));
    }

    private Optional<TimeBound> timeBound(Nodes.Comparison comparison) {
        SqlNode greater = comparison.greater();
        SqlNode smaller = comparison.smaller();
        Optional<RelationUse> big = relationOf(greater);
        Optional<RelationUse> small = relationOf(smaller);
        if (big.isPresent() && small.isPresent() && big.get() != small.get()) {
            // a + c >= s, or a >= s - c: s is at most c after a. Otherwise the greater side comes after.
            boolean within = Nodes.shift(greater).filter(s -> s.sign() > 0).isPresent()
                    || Nodes.shift(smaller).filter(s -> s.sign() < 0).isPresent();
            return Optional.of(within
                    ? new TimeBound(small.get(), big.get(), TimeBound.Kind.WITHIN, comparison.term())
                    : new TimeBound(big.get(), small.get(), TimeBound.Kind.AFTER, comparison.term()));
        }
        // x - y > c: x after y.  c >= x - y: x at most c after y.
        if (Nodes.isConstant(smaller)) {
            return difference(greater).map(d -> new TimeBound(d[0], d[1], TimeBound.Kind.AFTER, comparison.term()));
        }
        if (Nodes.isConstant(greater)) {
            return difference(smaller).map(d -> new TimeBound(d[0], d[1], TimeBound.Kind.WITHIN, comparison.term()));
        }
        return Optional.empty();
    }

    /** {minuend, subtrahend} of {@code x - y} or of a date-difference function's (start, end) arguments. */
    private Optional<RelationUse[]> difference(SqlNode node) {
        if (!(node instanceof SqlCall call) || node instanceof SqlNodeList) {
            return Optional.empty();
        }
        if (node.getKind() == SqlKind.MINUS) {
            Optional<RelationUse> plus = relationOf(call.operand(0));
            Optional<RelationUse> minus = relationOf(call.operand(1));
            if (plus.isPresent() && minus.isPresent() && plus.get() != minus.get()) {
                return Optional.of(new RelationUse[] {plus.get(), minus.get()});
            }
            return Optional.empty();
        }
        List<SqlNode> arguments = Nodes.children(call).stream()
                .filter(n -> !(n instanceof SqlLiteral) && !Nodes.isUnit(n)).toList();
        if (arguments.size() >= 2 && Nodes.name(call).contains("DIFF")) {
            Optional<RelationUse> start = relationOf(arguments.get(arguments.size() - 2));
            Optional<RelationUse> end = relationOf(arguments.get(arguments.size() - 1));
            if (start.isPresent() && end.isPresent() && start.get() != end.get()) {
                return Optional.of(new RelationUse[] {end.get(), start.get()});
            }
        }
        return Optional.empty();
    }

    /**
     * The normalized text of an expression with each column it can resolve spelled by {@code naming}
     * ({@code activity.week} for the origin, {@code $.week} for a placeholder), to compare
     * expressions over different aliases.
     */
    public String text(SqlNode expression, Function<ColumnRef, String> naming) {
        SqlNode renamed = expression.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlIdentifier identifier) {
                if (!Nodes.isColumn(identifier)) {
                    return identifier;
                }
                return resolve(identifier).<SqlNode>map(ref -> new SqlIdentifier(naming.apply(ref),
                        identifier.getParserPosition())).orElse(identifier);
            }
        });
        return Nodes.text(renamed);
    }

    /** A column spelled with its relation's origin (table, view or CTE), or its alias for a sub-query. */
    public static String originName(ColumnRef column) {
        return column.relation().shape().origin().orElse(column.relation().alias()) + "." + column.column();
    }

    /** The relation and column an identifier names, when it can be told. */
    public Optional<ColumnRef> resolve(SqlNode node) {
        if (!(node instanceof SqlIdentifier identifier) || identifier.isStar()) {
            return Optional.empty();
        }
        String column = Nodes.lastName(identifier);
        if (identifier.names.size() >= 2) {
            String alias = identifier.names.get(identifier.names.size() - 2).toLowerCase(Locale.ROOT);
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

    /** Whether an expression holds an aggregate outside any OVER. */
    static boolean hasAggregate(SqlNode expression) {
        boolean[] found = {false};
        findAggregate(expression, found);
        return found[0];
    }

    private static void findAggregate(SqlNode node, boolean[] found) {
        if (node == null || Nodes.isQuery(node) || node.getKind() == SqlKind.OVER) {
            return;
        }
        if (node instanceof SqlCall call && !(node instanceof SqlNodeList)
                && StatementAnalyzer.AGGREGATES.contains(Nodes.name(call))) {
            found[0] = true;
            return;
        }
        for (SqlNode child : Nodes.children(node)) {
            findAggregate(child, found);
        }
    }
}
