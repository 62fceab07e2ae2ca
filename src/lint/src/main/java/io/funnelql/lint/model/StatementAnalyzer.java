package io.funnelql.lint.model;

import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlMerge;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSetOperator;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.parser.SqlParserPos;
import io.funnelql.lint.parse.ParseHints;
import io.funnelql.lint.parse.PositionMap;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.sql.SqlWindow;

/**
 * Reads one statement's query into {@link SelectBlock}s, outermost last, resolving relation names
 * against its CTEs and the file's {@link Catalog}, and works out which joins multiply rows.
 */
public final class StatementAnalyzer {
    static final Set<String> AGGREGATES = Set.of("COUNT", "SUM", "AVG", "MIN", "MAX", "ARRAY_AGG", "STRING_AGG",
            "LISTAGG", "BOOL_AND", "BOOL_OR", "ANY_VALUE", "APPROX_COUNT_DISTINCT", "MEDIAN", "STDDEV", "VARIANCE");

    private final Catalog catalog;
    private final Hints hints;
    private final List<SelectBlock> blocks = new ArrayList<>();

    private StatementAnalyzer(Catalog catalog, Hints hints) {
        this.catalog = catalog;
        this.hints = hints;
    }

    /**
     * What the parser's rewrites took out of the text ({@link ParseHints}), and the map from parser
     * positions to the file offsets they are keyed by.
     */
    public record Hints(PositionMap positions, ParseHints parse, Set<String> tenants, boolean tenantAssumed) {
        public Hints {
            tenants = Set.copyOf(tenants);
        }

        public Hints(PositionMap positions, ParseHints parse) {
            this(positions, parse, Set.of(), false);
        }

        /** Whether a relation's rows carry a tenant column: by its columns, or assumed for an unknown table. */
        boolean tenantScoped(RelationShape shape) {
            if (shape.facts().fromTenantScoped()) {
                return true;
            }
            if (shape.columns().isPresent()) {
                return tenants.stream().anyMatch(shape.columns().get()::contains);
            }
            return tenantAssumed && !tenants.isEmpty();
        }

        /** The file offset where a node starts, or -1 without a map. */
        int offset(SqlNode node) {
            if (positions == null || node == null) {
                return -1;
            }
            SqlParserPos pos = node instanceof SqlSelect ? node.getParserPosition() : Nodes.span(node);
            return pos.getLineNum() <= 0 ? -1 : positions.start(pos.getLineNum(), pos.getColumnNum());
        }

        List<String> distinctOn(SqlSelect select) {
            return parse == null ? null : parse.distinctOn(offset(select));
        }

        boolean groupsByAll(SqlSelect select) {
            return parse != null && parse.groupsByAll(offset(select));
        }

        boolean isAsof(SqlNode relation) {
            return parse != null && parse.isAsof(offset(relation));
        }
    }

    /** The analysis of one query: its SELECTs and the shape of its result. */
    public record Result(List<SelectBlock> blocks, RelationShape shape) {
        public Result {
            blocks = List.copyOf(blocks);
        }
    }

    public static Result analyze(SqlNode query, Catalog catalog) {
        return analyze(query, catalog, new Hints(null, null));
    }

    public static Result analyze(SqlNode query, Catalog catalog, Hints hints) {
        StatementAnalyzer analyzer = new StatementAnalyzer(catalog, hints);
        RelationShape shape = analyzer.query(query, Map.of());
        return new Result(analyzer.blocks, shape);
    }

    private RelationShape query(SqlNode node, Map<String, RelationShape> ctes) {
        if (node instanceof SqlWith with) {
            Map<String, RelationShape> scope = new HashMap<>(ctes);
            for (SqlNode item : with.withList) {
                SqlWithItem withItem = (SqlWithItem) item;
                String name = withItem.name.getSimple().toLowerCase(Locale.ROOT);
                RelationShape shape = query(withItem.query, scope).withOrigin(name);
                if (withItem.recursive != null && withItem.recursive.booleanValue()) {
                    shape = shape.withoutFanOuts(); // the recursive member's join with the working table is the recursion
                }
                if (withItem.columnList != null) {
                    shape = shape.renamed(names(withItem.columnList));
                }
                scope.put(name, shape);
            }
            return query(with.body, scope);
        }
        if (node instanceof SqlMerge merge) {
            nestedQueries(merge.getSourceTableRef(), ctes); // MERGE INTO … USING (query): the query is linted
            return RelationShape.unknown(Optional.empty());
        }
        if (node instanceof SqlOrderBy orderBy) {
            return query(orderBy.query, ctes);
        }
        if (node instanceof SqlSelect select) {
            return select(select, ctes);
        }
        if (node instanceof SqlCall call && call.getOperator() instanceof SqlSetOperator operator) {
            List<RelationShape> shapes = new ArrayList<>();
            for (SqlNode operand : Nodes.children(call)) {
                shapes.add(query(operand, ctes));
            }
            RelationShape first = shapes.get(0);
            List<FanOut> fanOuts = shapes.stream().flatMap(s -> s.fanOuts().stream()).toList();
            List<Set<String>> keys = !operator.isAll() && first.columns().isPresent()
                    ? List.of(Set.copyOf(first.columns().get())) : List.of();
            return new RelationShape(Optional.empty(), first.columns(), keys, Optional.empty(), fanOuts);
        }
        return RelationShape.unknown(Optional.empty());
    }

    private static List<String> names(SqlNodeList list) {
        List<String> names = new ArrayList<>();
        for (SqlNode node : list) {
            names.add(node instanceof SqlIdentifier id ? Nodes.lastName(id) : Nodes.text(node));
        }
        return names;
    }

    /** Relations of a FROM sub-tree, and those among them whose rows the joins have not repeated. */
    private record Sub(List<RelationUse> relations, Set<RelationUse> preserved) {}

    private RelationShape select(SqlSelect select, Map<String, RelationShape> ctes) {
        SelectBlock block = new SelectBlock(select);
        Sub from = select.getFrom() == null ? new Sub(List.of(), Set.of()) : from(select.getFrom(), block, ctes);
        block.computeEqualities();
        for (SqlNode expression : List.of(nonNull(select.getSelectList()), nonNull(select.getWhere()),
                nonNull(select.getHaving()), nonNull(select.getGroup()))) {
            subqueries(expression, ctes);
        }
        for (JoinStep step : block.joins()) {
            subqueries(step.join().getCondition(), ctes);
        }
        block.setOutput(output(block, from, hints));
        blocks.add(block);
        return block.output();
    }

    private static SqlNode nonNull(SqlNode node) {
        return node == null ? SqlNodeList.EMPTY : node;
    }

    /** Analyzes the outermost queries inside a node (each analyzes its own sub-queries). */
    private void nestedQueries(SqlNode node, Map<String, RelationShape> ctes) {
        if (Nodes.isQuery(node)) {
            query(node, ctes);
            return;
        }
        for (SqlNode child : Nodes.children(node)) {
            nestedQueries(child, ctes);
        }
    }

    private void subqueries(SqlNode expression, Map<String, RelationShape> ctes) {
        Nodes.walkExpression(expression, node -> {
            if (Nodes.isQuery(node)) {
                query(node, ctes);
            }
        });
    }

    private Sub from(SqlNode node, SelectBlock block, Map<String, RelationShape> ctes) {
        if (node instanceof SqlJoin join) {
            Sub left = from(join.getLeft(), block, ctes);
            Sub right = from(join.getRight(), block, ctes);
            return join(join, left, right, block);
        }
        SqlNode inner = node;
        String alias = null;
        List<String> columnAliases = List.of();
        if (node.getKind() == SqlKind.AS) {
            List<SqlNode> operands = ((SqlCall) node).getOperandList();
            inner = operands.get(0);
            alias = ((SqlIdentifier) operands.get(1)).getSimple().toLowerCase(Locale.ROOT);
            if (operands.size() > 2) {
                columnAliases = operands.subList(2, operands.size()).stream()
                        .map(n -> Nodes.lastName((SqlIdentifier) n)).toList();
            }
        }
        if (inner.getKind() == SqlKind.LATERAL) {
            inner = ((SqlCall) inner).operand(0);
        }
        RelationShape shape;
        if (inner instanceof SqlIdentifier identifier) {
            String name = String.join(".", identifier.names).toLowerCase(Locale.ROOT);
            shape = Optional.ofNullable(identifier.names.size() == 1 ? ctes.get(name) : null)
                    .or(() -> catalog.lookup(name))
                    .orElseGet(() -> RelationShape.unknown(Optional.of(name)));
            if (alias == null) {
                alias = Nodes.lastName(identifier);
            }
        } else if (Nodes.isQuery(inner) && inner.getKind() != SqlKind.UNNEST && inner.getKind() != SqlKind.COLLECTION_TABLE) {
            shape = query(inner, ctes);
        } else if (inner.getKind() == SqlKind.UNNEST || inner.getKind() == SqlKind.COLLECTION_TABLE
                || inner instanceof SqlBasicCall) {
            // UNNEST(…) or a table function (generate_series): rows made for each row of the relations
            // before it, which the query means to repeat; counting them is not a fan-out of a join.
            subqueries(inner, ctes);
            shape = new RelationShape(Optional.empty(), Optional.empty(), List.of(Set.of()), Optional.empty(), List.of());
        } else {
            // PIVOT, UNPIVOT, MATCH_RECOGNIZE, TABLESAMPLE, VALUES…: the queries inside are linted, the result is unknown.
            for (SqlNode child : Nodes.children(inner)) {
                nestedQueries(child, ctes);
            }
            shape = RelationShape.unknown(Optional.empty());
        }
        if (!columnAliases.isEmpty()) {
            shape = shape.renamed(columnAliases);
        }
        RelationUse use = new RelationUse(alias == null ? "(subquery)" : alias, shape, node);
        block.addRelation(use);
        return new Sub(List.of(use), Set.of(use));
    }

    private Sub join(SqlJoin join, Sub left, Sub right, SelectBlock block) {
        JoinType type = join.getJoinType();
        List<SqlNode> conditions = new ArrayList<>();
        List<JoinStep.KeyPair> keys = new ArrayList<>();
        if (join.getConditionType() == JoinConditionType.USING && join.getCondition() instanceof SqlNodeList using) {
            for (SqlNode column : using) {
                String name = Nodes.lastName((SqlIdentifier) column);
                RelationUse leftRelation = left.relations().stream()
                        .filter(r -> r.shape().hasColumn(name).orElse(false)).findFirst()
                        .orElse(left.relations().get(left.relations().size() - 1));
                keys.add(new JoinStep.KeyPair(new ColumnRef(leftRelation, name), new ColumnRef(right.relations().get(0), name)));
            }
        } else if (join.getCondition() != null) {
            conditions.addAll(Nodes.conjuncts(join.getCondition()));
        }
        if (type == JoinType.INNER || type == JoinType.COMMA || type == JoinType.CROSS) {
            for (SqlNode term : block.where()) {
                if (references(term, left.relations(), block) && references(term, right.relations(), block)) {
                    conditions.add(term);
                }
            }
        }
        for (SqlNode term : conditions) {
            if (term.getKind() == SqlKind.EQUALS) {
                SqlCall call = (SqlCall) term;
                Optional<ColumnRef> a = block.resolve(call.operand(0));
                Optional<ColumnRef> b = block.resolve(call.operand(1));
                if (a.isPresent() && b.isPresent()) {
                    if (left.relations().contains(a.get().relation()) && right.relations().contains(b.get().relation())) {
                        keys.add(new JoinStep.KeyPair(a.get(), b.get()));
                    } else if (left.relations().contains(b.get().relation()) && right.relations().contains(a.get().relation())) {
                        keys.add(new JoinStep.KeyPair(b.get(), a.get()));
                    }
                }
            }
        }
        JoinStep step = new JoinStep(join, type, left.relations(), right.relations(), conditions, keys);
        block.addJoin(step);

        Map<RelationUse, Set<String>> bound = new HashMap<>();
        for (JoinStep.KeyPair pair : keys) {
            bound.computeIfAbsent(pair.left().relation(), r -> new HashSet<>()).add(pair.left().column());
            bound.computeIfAbsent(pair.right().relation(), r -> new HashSet<>()).add(pair.right().column());
        }
        List<SqlNode> constantTerms = new ArrayList<>(conditions);
        constantTerms.addAll(block.where());
        for (SqlNode term : constantTerms) {
            if (term.getKind() == SqlKind.EQUALS) {
                SqlCall call = (SqlCall) term;
                for (int i = 0; i < 2; i++) {
                    SqlNode other = call.operand(1 - i);
                    Optional<ColumnRef> column = block.resolve(call.operand(i));
                    if (column.isPresent() && (Nodes.isConstant(other)
                            || fromOtherSide(other, column.get().relation(), left, right, block))) {
                        bound.computeIfAbsent(column.get().relation(), r -> new HashSet<>()).add(column.get().column());
                    }
                }
            }
        }
        boolean rightUnique = right.preserved().stream()
                .anyMatch(r -> r.shape().uniqueOn(bound.getOrDefault(r, Set.of()))
                        || inOneRange(r, bound.getOrDefault(r, Set.of()), conditions, block))
                || (right.relations().size() == 1 && hints.isAsof(right.relations().get(0).node()));
        boolean leftUnique = left.preserved().stream()
                .anyMatch(r -> r.shape().uniqueOn(bound.getOrDefault(r, Set.of()))
                        || inOneRange(r, bound.getOrDefault(r, Set.of()), conditions, block));
        Set<RelationUse> preserved = new LinkedHashSet<>();
        if (rightUnique) {
            preserved.addAll(left.preserved());
        }
        if (leftUnique) {
            preserved.addAll(right.preserved());
        }
        if (!rightUnique && !leftUnique) {
            Set<String> leftNames = new LinkedHashSet<>();
            for (JoinStep.KeyPair pair : keys) {
                leftNames.add(pair.left().relation().display());
            }
            if (leftNames.isEmpty()) {
                leftNames.add(left.relations().get(left.relations().size() - 1).display());
            }
            String rightName = right.relations().size() == 1 ? right.relations().get(0).display() : "the joined relations";
            List<String> keyText = keys.stream().map(p -> p.left().key() + " = " + p.right().key()).toList();
            block.addFanOut(new FanOut(String.join(", ", leftNames), rightName, keyText, step.anchor()));
        }
        List<RelationUse> all = new ArrayList<>(left.relations());
        all.addAll(right.relations());
        return new Sub(all, preserved);
    }

    /**
     * Whether the join conditions put a value of the other side in one range of {@code relation}'s
     * disjoint ranges per key, half-open ({@code x >= r.low AND x < r.high}, the high end also as
     * {@code COALESCE(r.high, …)} or {@code (x < r.high OR r.high IS NULL)}), with the key bound:
     * each row of the other side then matches at most one row of {@code relation}.
     */
    private static boolean inOneRange(RelationUse relation, Set<String> bound, List<SqlNode> conditions,
            SelectBlock block) {
        for (ColumnFacts.DisjointRange range : relation.shape().facts().ranges()) {
            if (!bound.containsAll(range.keys())) {
                continue;
            }
            for (SqlNode term : conditions) {
                for (Nodes.Comparison lower : Nodes.comparisons(term)) {
                    if (!isColumn(lower.smaller(), relation, range.low(), block)
                            || block.relationOf(lower.greater()).map(r -> r == relation).orElse(true)) {
                        continue;
                    }
                    String point = Nodes.text(lower.greater());
                    for (SqlNode other : conditions) {
                        for (Nodes.Comparison upper : upperBounds(other, relation, range.high(), block)) {
                            if (Nodes.text(upper.smaller()).equals(point) && !(lower.inclusive() && upper.inclusive())) {
                                return true;
                            }
                        }
                    }
                }
            }
        }
        return false;
    }

    private static boolean isColumn(SqlNode node, RelationUse relation, String column, SelectBlock block) {
        return block.resolve(node).map(ref -> ref.relation() == relation && ref.column().equals(column)).orElse(false);
    }

    /** {@code x < r.high}, {@code x < COALESCE(r.high, c)}, and {@code (x < r.high OR r.high IS NULL)}. */
    private static List<Nodes.Comparison> upperBounds(SqlNode term, RelationUse relation, String high, SelectBlock block) {
        List<Nodes.Comparison> found = new ArrayList<>();
        List<SqlNode> alternatives = term.getKind() == SqlKind.OR ? Nodes.children(term) : List.of(term);
        boolean nullAllowed = term.getKind() != SqlKind.OR;
        for (SqlNode alternative : alternatives) {
            if (alternative.getKind() == SqlKind.IS_NULL
                    && isColumn(((SqlCall) alternative).operand(0), relation, high, block)) {
                nullAllowed = true;
            }
        }
        if (!nullAllowed || (term.getKind() == SqlKind.OR && alternatives.size() != 2)) {
            return found;
        }
        for (SqlNode alternative : alternatives) {
            for (Nodes.Comparison comparison : Nodes.comparisons(alternative)) {
                SqlNode greater = comparison.greater();
                if (greater instanceof SqlCall call && !(greater instanceof SqlNodeList)
                        && (Nodes.name(call).equals("COALESCE") || Nodes.name(call).equals("NVL"))
                        && call.operandCount() == 2 && Nodes.isConstant(call.operand(1))) {
                    greater = call.operand(0);
                }
                if (isColumn(greater, relation, high, block)) {
                    found.add(comparison);
                }
            }
        }
        return found;
    }

    /**
     * Whether an expression is computed from the other side of the join than {@code relation}
     * alone ({@code a.week = c.week + 1}): one value per row of that side, so it binds the column.
     */
    private static boolean fromOtherSide(SqlNode expression, RelationUse relation, Sub left, Sub right,
            SelectBlock block) {
        List<RelationUse> other = left.relations().contains(relation) ? right.relations()
                : right.relations().contains(relation) ? left.relations() : List.of();
        List<SqlIdentifier> columns = Nodes.columns(expression);
        return !other.isEmpty() && !columns.isEmpty() && columns.stream()
                .allMatch(c -> block.resolve(c).map(ref -> other.contains(ref.relation())).orElse(false));
    }

    private static boolean references(SqlNode term, List<RelationUse> relations, SelectBlock block) {
        return Nodes.columns(term).stream()
                .map(block::resolve)
                .anyMatch(c -> c.isPresent() && relations.contains(c.get().relation()));
    }

    /** The shape of a SELECT's result: its columns, unique keys, time column and unresolved fan-out. */
    private static RelationShape output(SelectBlock block, Sub from, Hints hints) {
        SqlSelect select = block.select();
        List<String> names = new ArrayList<>();
        List<SqlNode> expressions = new ArrayList<>();
        Map<String, String> outputOf = new LinkedHashMap<>();
        boolean columnsKnown = true;
        Optional<String> time = Optional.empty();
        for (SqlNode item : select.getSelectList()) {
            SqlNode expression = Nodes.unalias(item);
            if (expression instanceof SqlIdentifier identifier && identifier.isStar()) {
                List<RelationUse> covered = identifier.names.size() == 1 ? block.relations()
                        : block.relations().stream().filter(r -> r.alias().equals(
                                identifier.names.get(identifier.names.size() - 2).toLowerCase(Locale.ROOT))).toList();
                for (RelationUse relation : covered) {
                    if (relation.shape().columns().isEmpty()) {
                        columnsKnown = false;
                        continue;
                    }
                    for (String column : relation.shape().columns().get()) {
                        names.add(column);
                        expressions.add(null);
                        outputOf.putIfAbsent(relation.alias() + "." + column, column);
                    }
                    if (relation.shape().timeColumn().isPresent() && time.isEmpty()) {
                        time = relation.shape().timeColumn();
                    }
                }
                continue;
            }
            String name;
            if (item.getKind() == SqlKind.AS) {
                name = ((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple().toLowerCase(Locale.ROOT);
            } else if (expression instanceof SqlIdentifier identifier) {
                name = Nodes.lastName(identifier);
            } else {
                name = "expr$" + names.size();
            }
            names.add(name);
            expressions.add(expression);
            Optional<ColumnRef> column = block.resolve(expression);
            if (column.isPresent()) {
                outputOf.putIfAbsent(column.get().key(), name);
                if (time.isEmpty() && column.get().relation().shape().timeColumn().equals(Optional.of(column.get().column()))) {
                    time = Optional.of(name);
                }
            }
        }
        List<Set<String>> keys = new ArrayList<>();
        List<String> distinctOn = hints.distinctOn(select);
        if (distinctOn != null && names.containsAll(distinctOn)) {
            keys.add(Set.copyOf(distinctOn)); // SELECT DISTINCT ON (a, b): one row per (a, b)
        } else if (select.isDistinct() && columnsKnown && distinctOn == null) {
            keys.add(Set.copyOf(names));
        }
        SqlNodeList group = select.getGroup();
        if (hints.groupsByAll(select)) {
            Set<String> key = new HashSet<>();
            for (int i = 0; i < names.size(); i++) {
                if (expressions.get(i) == null || !SelectBlock.hasAggregate(expressions.get(i))) {
                    key.add(names.get(i));
                }
            }
            keys.add(key);
        } else if (group != null && group.size() > 0) {
            Set<String> key = new HashSet<>();
            boolean all = true;
            for (SqlNode item : group) {
                Optional<String> name = groupName(item, block, names, expressions, outputOf);
                if (name.isPresent()) {
                    key.add(name.get());
                } else {
                    all = false;
                }
            }
            if (all) {
                keys.add(key);
            }
        } else if ((block.collapsesRows() && !select.isDistinct()) || select.getFrom() == null) {
            keys.add(Set.of()); // one row: an aggregate without GROUP BY, or SELECT 3 AS n without FROM
        }
        if (!block.collapsesRows()) {
            for (RelationUse relation : from.preserved()) {
                for (Set<String> key : relation.shape().uniqueKeys()) {
                    Set<String> mapped = new HashSet<>();
                    for (String column : key) {
                        String name = outputOf.get(relation.alias() + "." + column);
                        if (name != null) {
                            mapped.add(name);
                        }
                    }
                    if (mapped.size() == key.size()) {
                        keys.add(mapped);
                    }
                }
            }
        }
        List<FanOut> fanOuts = new ArrayList<>();
        Optional<Set<String>> firstRows = block.collapsesRows() ? Optional.empty() : firstRowKeys(block, outputOf);
        firstRows.ifPresent(keys::add);
        if (!block.collapsesRows() && firstRows.isEmpty()) {
            fanOuts.addAll(block.fanOuts());
            fanOuts.addAll(block.inheritedFanOuts());
        }
        ColumnFacts facts = facts(block, from, names, expressions, outputOf, hints);
        for (Map.Entry<String, Set<String>> numbered : facts.rowNumbers().entrySet()) {
            Set<String> key = new HashSet<>(numbered.getValue());
            key.add(numbered.getKey()); // ROW_NUMBER() numbers the rows of a partition 1, 2, 3…: no two alike
            keys.add(key);
        }
        return new RelationShape(Optional.empty(), columnsKnown ? Optional.of(names) : Optional.empty(), keys, time, fanOuts,
                facts);
    }

    /** What is known of the output columns: inherited from the columns they name, or proved of their expressions. */
    private static ColumnFacts facts(SelectBlock block, Sub from, List<String> names, List<SqlNode> expressions,
            Map<String, String> outputOf, Hints hints) {
        Set<String> temporal = new HashSet<>();
        Set<String> nonTemporal = new HashSet<>();
        Set<String> positive = new HashSet<>();
        List<ColumnFacts.DisjointRange> ranges = new ArrayList<>();
        Map<String, Set<String>> rowNumbers = new HashMap<>();
        boolean grouped = block.select().getGroup() != null && block.select().getGroup().size() > 0;
        for (RelationUse relation : block.relations()) {
            ColumnFacts inherited = relation.shape().facts().renamed(c -> outputOf.get(relation.alias() + "." + c));
            temporal.addAll(inherited.temporal());
            nonTemporal.addAll(inherited.nonTemporal());
            if (!block.collapsesRows() || grouped) {
                positive.addAll(inherited.positive());
            }
            if (!block.collapsesRows() && from.preserved().contains(relation)) {
                ranges.addAll(inherited.ranges());
                rowNumbers.putAll(inherited.rowNumbers());
            }
            relation.shape().timeColumn().map(c -> outputOf.get(relation.alias() + "." + c)).ifPresent(temporal::add);
        }
        for (int i = 0; i < names.size(); i++) {
            SqlNode expression = expressions.get(i);
            if (expression == null || block.resolve(expression).isPresent()) {
                continue;
            }
            if (Values.temporal(expression, block)) {
                temporal.add(names.get(i));
            }
            if (Values.positive(expression, block, grouped)) {
                positive.add(names.get(i));
            }
            disjointRange(expression, names.get(i), block, names, expressions).ifPresent(ranges::add);
            String name = names.get(i);
            rowNumberKeys(expression, block, names, expressions).ifPresent(keys -> rowNumbers.put(name, keys));
        }
        boolean tenantScoped = block.relations().stream().anyMatch(r -> hints.tenantScoped(r.shape()));
        return new ColumnFacts(temporal, nonTemporal, positive, ranges, tenantScoped, rowNumbers);
    }

    /** The output columns a {@code ROW_NUMBER() OVER (PARTITION BY …)} numbers the rows of (empty: the whole result). */
    private static Optional<Set<String>> rowNumberKeys(SqlNode expression, SelectBlock block, List<String> names,
            List<SqlNode> expressions) {
        if (expression.getKind() != SqlKind.OVER || !(((SqlCall) expression).operand(0) instanceof SqlCall function)
                || !Nodes.name(function).equals("ROW_NUMBER")
                || !(((SqlCall) expression).operand(1) instanceof SqlWindow window)) {
            return Optional.empty();
        }
        Set<String> keys = new HashSet<>();
        for (SqlNode partition : Nodes.children(window.getPartitionList())) {
            if (names == null) {
                continue; // QUALIFY: the caller maps the partition itself
            }
            String key = outputName(partition, block, names, expressions);
            if (key == null) {
                return Optional.empty();
            }
            keys.add(key);
        }
        return Optional.of(keys);
    }

    /**
     * The keys on which a SELECT keeps one row by a row number: {@code WHERE rn = 1} on a column that
     * numbers the rows of each key, or {@code QUALIFY ROW_NUMBER() OVER (PARTITION BY keys …) = 1};
     * in the SELECT's output names, or empty.
     */
    private static Optional<Set<String>> firstRowKeys(SelectBlock block, Map<String, String> outputOf) {
        List<SqlNode> terms = new ArrayList<>(block.where());
        terms.addAll(Nodes.conjuncts(block.select().getQualify()));
        for (SqlNode term : terms) {
            if (term.getKind() != SqlKind.EQUALS && term.getKind() != SqlKind.LESS_THAN_OR_EQUAL) {
                continue;
            }
            SqlCall call = (SqlCall) term;
            SqlNode numbered = call.operand(0);
            if (!(call.operand(1) instanceof SqlLiteral one) || !"1".equals(one.toValue())) {
                if (term.getKind() == SqlKind.EQUALS && call.operand(0) instanceof SqlLiteral first && "1".equals(first.toValue())) {
                    numbered = call.operand(1);
                } else {
                    continue;
                }
            }
            Optional<ColumnRef> column = block.resolve(numbered);
            Set<String> keys = null;
            if (column.isPresent()) {
                Set<String> partition = column.get().relation().shape().facts().rowNumbers().get(column.get().column());
                if (partition != null) {
                    keys = new HashSet<>();
                    for (String key : partition) {
                        String name = outputOf.get(column.get().relation().alias() + "." + key);
                        if (name == null) {
                            keys = null;
                            break;
                        }
                        keys.add(name);
                    }
                }
            } else if (numbered.getKind() == SqlKind.OVER) {
                Optional<Set<String>> partition = rowNumberKeys(numbered, block, null, null);
                if (partition.isPresent()) {
                    // QUALIFY: the partition's columns as the output names they have
                    keys = new HashSet<>();
                    for (SqlNode expression : Nodes.children(((SqlWindow) ((SqlCall) numbered).operand(1)).getPartitionList())) {
                        Optional<ColumnRef> ref = block.resolve(expression);
                        String name = ref.map(r -> outputOf.get(r.key())).orElse(null);
                        if (name == null) {
                            keys = null;
                            break;
                        }
                        keys.add(name);
                    }
                }
            }
            if (keys != null) {
                return Optional.of(keys);
            }
        }
        return Optional.empty();
    }

    /**
     * {@code LEAD(low) OVER (PARTITION BY keys ORDER BY low, …) AS high} (or COALESCE of it and a
     * constant), with low and the keys among the output columns: each key's rows have disjoint
     * ranges {@code [low, high)}.
     */
    private static Optional<ColumnFacts.DisjointRange> disjointRange(SqlNode expression, String high, SelectBlock block,
            List<String> names, List<SqlNode> expressions) {
        SqlNode node = expression;
        if (node instanceof SqlCall call && !(node instanceof SqlNodeList)
                && (Nodes.name(call).equals("COALESCE") || Nodes.name(call).equals("NVL")) && call.operandCount() == 2
                && Nodes.isConstant(call.operand(1))) {
            node = call.operand(0);
        }
        if (node.getKind() != SqlKind.OVER || !(((SqlCall) node).operand(0) instanceof SqlCall lead)
                || !Nodes.name(lead).equals("LEAD") || lead.operandCount() != 1
                || !(((SqlCall) node).operand(1) instanceof SqlWindow window)) {
            return Optional.empty();
        }
        List<SqlNode> order = Nodes.children(window.getOrderList());
        if (order.isEmpty() || order.get(0).getKind() == SqlKind.DESCENDING) {
            return Optional.empty();
        }
        String low = outputName(lead.operand(0), block, names, expressions);
        String ordered = outputName(order.get(0), block, names, expressions);
        if (low == null || !low.equals(ordered)) {
            return Optional.empty();
        }
        Set<String> keys = new HashSet<>();
        for (SqlNode partition : Nodes.children(window.getPartitionList())) {
            String key = outputName(partition, block, names, expressions);
            if (key == null) {
                return Optional.empty();
            }
            keys.add(key);
        }
        return Optional.of(new ColumnFacts.DisjointRange(keys, low, high));
    }

    /** The output column that holds an expression's value: the same column, or the same expression text. */
    private static String outputName(SqlNode node, SelectBlock block, List<String> names, List<SqlNode> expressions) {
        Optional<ColumnRef> ref = block.resolve(node);
        String text = Nodes.text(node);
        for (int i = 0; i < names.size(); i++) {
            SqlNode expression = expressions.get(i);
            if (expression == null) {
                if (ref.isPresent() && ref.get().column().equals(names.get(i))) {
                    return names.get(i);
                }
                continue;
            }
            Optional<ColumnRef> other = block.resolve(expression);
            if ((ref.isPresent() && other.isPresent() && ref.get().key().equals(other.get().key()))
                    || Nodes.text(expression).equals(text)) {
                return names.get(i);
            }
        }
        return null;
    }

    private static Optional<String> groupName(SqlNode item, SelectBlock block, List<String> names,
            List<SqlNode> expressions, Map<String, String> outputOf) {
        if (item instanceof SqlLiteral literal && literal.getValue() instanceof BigDecimal ordinal) {
            int index = ordinal.intValue() - 1;
            return index >= 0 && index < names.size() ? Optional.of(names.get(index)) : Optional.empty();
        }
        Optional<ColumnRef> column = block.resolve(item);
        if (column.isPresent() && outputOf.containsKey(column.get().key())) {
            return Optional.of(outputOf.get(column.get().key()));
        }
        if (item instanceof SqlIdentifier identifier && identifier.names.size() == 1 && names.contains(Nodes.lastName(identifier))) {
            return Optional.of(Nodes.lastName(identifier));
        }
        String text = Nodes.text(item);
        for (int i = 0; i < expressions.size(); i++) {
            if (expressions.get(i) != null && Nodes.text(expressions.get(i)).equals(text)) {
                return Optional.of(names.get(i));
            }
        }
        return Optional.empty();
    }
}
