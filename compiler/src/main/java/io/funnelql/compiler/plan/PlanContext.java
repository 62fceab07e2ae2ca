package io.funnelql.compiler.plan;

import io.funnelql.dialects.TargetDialect;
import io.funnelql.dialects.UnicodeText;
import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.DataType;
import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Query;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.ProxyingMetadataHandlerProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Where a query's plan is built: a Calcite schema holding the source's event table and every
 * stage built so far (so a stage reads earlier ones by name, as its CTE will), and the
 * RelBuilder. Expression simplification is off: the plan says exactly what the SQL will.
 */
public final class PlanContext<Q extends Query> {
    /** Calcite's metadata handlers, called through proxies rather than generated code (stateless, so shared). */
    private static final ProxyingMetadataHandlerProvider METADATA =
            new ProxyingMetadataHandlerProvider(DefaultRelMetadataProvider.INSTANCE);

    private final Q query;
    private final TargetDialect target;
    private final SchemaPlus root;
    private final RelBuilder builder;
    private final List<String> sourceTable;
    private final List<Stage> stages = new ArrayList<>();
    private final Set<String> usedNames = new HashSet<>();
    private Strategy strategy;

    /** The plan strategy a planner chose and why, for {@code explain}. */
    public record Strategy(String name, String reason) {}

    public PlanContext(Q query, TargetDialect target) {
        this.query = query;
        this.target = target;
        this.root = Frameworks.createRootSchema(false);
        this.builder = relBuilder(root);
        this.sourceTable = registerSource();
    }

    /**
     * A RelBuilder over {@code root}, its cluster made by hand: RelBuilder.create(FrameworkConfig)
     * opens a Calcite JDBC connection and a planner with every rule registered (about 1,300 classes
     * loaded and initialised that building and rendering a plan never use), and Calcite's default
     * metadata generates and compiles a handler class (Janino) for each kind of metadata asked, about
     * 0.4 s of a cold {@code funnelql compile}. The proxying provider answers the same handlers
     * through reflection instead (docs/performance.md, "Command-line start-up").
     */
    private static RelBuilder relBuilder(SchemaPlus root) {
        JavaTypeFactoryImpl types = new JavaTypeFactoryImpl(RelDataTypeSystem.DEFAULT);
        VolcanoPlanner planner = new VolcanoPlanner();
        planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
        RelOptCluster cluster = RelOptCluster.create(planner, new RexBuilder(types));
        cluster.setMetadataQuerySupplier(() -> new RelMetadataQuery(METADATA));
        CalciteSchema schema = CalciteSchema.from(root);
        CalciteCatalogReader catalog = new CalciteCatalogReader(schema.root(), schema.path(null), types,
                CalciteConnectionConfig.DEFAULT);
        return RelBuilder.proto(Contexts.of(RelBuilder.Config.DEFAULT.withSimplify(false))).create(cluster, catalog);
    }

    /** The query being planned, typed: each planner receives the context of its own kind. */
    public Q query() {
        return query;
    }

    public TargetDialect target() {
        return target;
    }

    public RelBuilder builder() {
        return builder;
    }

    /** Records the strategy chosen for this query's plan. */
    public void strategy(String name, String reason) {
        this.strategy = new Strategy(name, reason);
    }

    /** The strategy recorded by the planner, or null when the query kind has only one. */
    public Strategy strategy() {
        return strategy;
    }

    public List<Stage> stages() {
        return List.copyOf(stages);
    }

    /** The column's name in the database, as the target folds it. */
    public String databaseName(Column column) {
        return databaseName(column.name());
    }

    private String databaseName(Name name) {
        return target.identifier(name.value(), name.quoted());
    }

    /** A string constant, escaped by the dialect when rendered. */
    public RexNode literalText(String text) {
        return builder.getRexBuilder().makeLiteral(text, UnicodeText.type(builder.getTypeFactory()), false);
    }

    public RexNode nullText() {
        return builder.getRexBuilder().makeNullLiteral(UnicodeText.type(builder.getTypeFactory()));
    }

    /** Pushes a scan of the source's event table. */
    public RelBuilder scanSource() {
        return builder.scan(sourceTable);
    }

    /** Registers a table the statement reads besides the source (e.g. a table it maintains), by its database name. */
    public void registerTable(String name, Function<RelDataTypeFactory, RelDataType> rowType) {
        usedNames.add(name.toLowerCase(Locale.ROOT));
        root.add(name, new StageTable(rowType::apply, List.of()));
    }

    /** Pushes a scan of a table registered with {@link #registerTable}. */
    public RelBuilder scanTable(String name) {
        return builder.scan(name);
    }

    /** Pushes a scan of an earlier stage. */
    public RelBuilder scan(Stage stage) {
        return builder.scan(stage.name());
    }

    /**
     * Pops the builder's top relation as a named stage. The name is made unique (and never the
     * source table's name) so a CTE can never shadow the table it reads.
     */
    public Stage addStage(String name, String purpose, List<Stage.DeclaredKey> declaredKeys) {
        return addStage(name, purpose, declaredKeys, null, false);
    }

    /**
     * {@link #addStage} for a stage only the next stage reads, once, and that needs no stable
     * numbering: the engine may inline it ({@link Stage}).
     */
    public Stage addInlinedStage(String name, String purpose, List<Stage.DeclaredKey> declaredKeys) {
        return addStage(name, purpose, declaredKeys, null, true);
    }

    /**
     * {@link #addStage} for a stage whose join pairs rows many-to-many on purpose, each output row
     * one distinct candidate; {@code enumeration} says what it enumerates and how its readers
     * reduce it to one row per key before counting ({@link Stage}, the fan-out proof).
     */
    public Stage addEnumeratingStage(String name, String purpose, List<Stage.DeclaredKey> declaredKeys, String enumeration) {
        return addStage(name, purpose, declaredKeys, Objects.requireNonNull(enumeration), false);
    }

    private Stage addStage(String name, String purpose, List<Stage.DeclaredKey> declaredKeys, String enumeration,
            boolean inlined) {
        RelNode plan = builder.build();
        String unique = uniqueName(name);
        List<ImmutableBitSet> keys = new ArrayList<>();
        RelMetadataQuery metadata = plan.getCluster().getMetadataQuery();
        // Calcite 1.40's getUniqueKeys(Aggregate) names the group columns by their input positions
        // (an aggregate grouping input column 1 "is unique on" its output column 1, the count), so
        // each derived key is kept only when column uniqueness, which numbers them right, agrees.
        Set<ImmutableBitSet> derived = metadata.getUniqueKeys(plan);
        if (derived != null) {
            derived.stream().filter(key -> Boolean.TRUE.equals(metadata.areColumnsUnique(plan, key))).forEach(keys::add);
        }
        if (plan instanceof Aggregate aggregate && aggregate.getGroupSets().size() == 1) {
            keys.add(ImmutableBitSet.range(aggregate.getGroupCount()));
        }
        keys.addAll(declaredKeyBits(plan.getRowType(), declaredKeys, name));
        root.add(unique, new StageTable(types -> plan.getRowType(), keys));
        Stage stage = new Stage(unique, purpose, plan, declaredKeys, null, enumeration, inlined);
        stages.add(stage);
        return stage;
    }

    /**
     * A recursive stage whose anchor is built: the anchor is popped from the builder and the
     * stage's name registered with the anchor's row type (every column nullable), so the step,
     * built next, can scan the stage itself ({@link #scan(Recursion)}). Only the declared keys
     * count as unique: metadata of the anchor alone says nothing about the rows the step adds.
     */
    public record Recursion(String name, String purpose, RelNode anchor, List<Stage.DeclaredKey> declaredKeys) {}

    public Recursion beginRecursiveStage(String name, String purpose, List<Stage.DeclaredKey> declaredKeys) {
        RelNode anchor = builder.build();
        String unique = uniqueName(name);
        List<ImmutableBitSet> keys = declaredKeyBits(anchor.getRowType(), declaredKeys, name);
        root.add(unique, new StageTable(types -> types.createTypeWithNullability(anchor.getRowType(), true), keys));
        return new Recursion(unique, purpose, anchor, declaredKeys);
    }

    /** Pushes a scan of the recursive stage being built (its step reads it). */
    public RelBuilder scan(Recursion recursion) {
        return builder.scan(recursion.name());
    }

    /**
     * Pops the builder's top relation as the recursive stage's step. Its columns must have the
     * anchor's types: engines type a recursive CTE from its anchor (PostgreSQL insists on equality).
     */
    public Stage addRecursiveStage(Recursion recursion) {
        RelNode step = builder.build();
        List<RelDataTypeField> anchorFields = recursion.anchor().getRowType().getFieldList();
        List<RelDataTypeField> stepFields = step.getRowType().getFieldList();
        if (anchorFields.size() != stepFields.size()) {
            throw new IllegalStateException("recursive stage " + recursion.name() + ": the anchor has " + anchorFields.size()
                    + " columns, the step " + stepFields.size());
        }
        for (int i = 0; i < anchorFields.size(); i++) {
            if (anchorFields.get(i).getType().getSqlTypeName() != stepFields.get(i).getType().getSqlTypeName()) {
                throw new IllegalStateException("recursive stage " + recursion.name() + ": column " + anchorFields.get(i).getName()
                        + " is " + anchorFields.get(i).getType() + " in the anchor but " + stepFields.get(i).getType() + " in the step");
            }
        }
        Stage stage = new Stage(recursion.name(), recursion.purpose(), recursion.anchor(), recursion.declaredKeys(), step, null, false);
        stages.add(stage);
        return stage;
    }

    /** The name made unique (and never the source table's name), so a CTE can never shadow the table it reads. */
    private String uniqueName(String name) {
        String unique = name;
        for (int suffix = 2; usedNames.contains(unique.toLowerCase(Locale.ROOT)); suffix++) {
            unique = name + "_" + suffix;
        }
        usedNames.add(unique.toLowerCase(Locale.ROOT));
        return unique;
    }

    private static List<ImmutableBitSet> declaredKeyBits(RelDataType rowType, List<Stage.DeclaredKey> declaredKeys, String stage) {
        List<String> fieldNames = rowType.getFieldNames();
        List<ImmutableBitSet> keys = new ArrayList<>();
        for (Stage.DeclaredKey key : declaredKeys) {
            keys.add(ImmutableBitSet.of(key.columns().stream().mapToInt(column -> {
                int index = fieldNames.indexOf(column);
                if (index < 0) {
                    throw new IllegalStateException("declared key column " + column + " is not in stage " + stage);
                }
                return index;
            }).toArray()));
        }
        return keys;
    }

    private List<String> registerSource() {
        List<Name> parts = query.source().table().parts();
        List<String> names = parts.stream().map(this::databaseName).toList();
        usedNames.addAll(names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList());
        SchemaPlus schema = root;
        for (String part : names.subList(0, names.size() - 1)) {
            SchemaPlus existing = schema.subSchemas().get(part);
            schema = existing != null ? existing : schema.add(part, new AbstractSchema());
        }
        schema.add(names.get(names.size() - 1), new StageTable(types -> {
            RelDataTypeFactory.Builder row = types.builder();
            for (Column column : query.source().columns()) {
                row.add(databaseName(column), types.createTypeWithNullability(sqlType(types, column.type()), true));
            }
            return row.build();
        }, List.of()));
        return names;
    }

    /** The SQL type of a language type. */
    public static RelDataType sqlType(RelDataTypeFactory types, DataType type) {
        return switch (type) {
            case VARCHAR -> UnicodeText.type(types);
            case BIGINT -> types.createSqlType(SqlTypeName.BIGINT);
            case DOUBLE -> types.createSqlType(SqlTypeName.DOUBLE);
            case BOOLEAN -> types.createSqlType(SqlTypeName.BOOLEAN);
            case TIMESTAMP -> types.createSqlType(SqlTypeName.TIMESTAMP, 6);
            case DATE -> types.createSqlType(SqlTypeName.DATE);
            // Intervals are integer microseconds in SQL (see ExpressionTranslator.micros).
            case INTERVAL -> types.createSqlType(SqlTypeName.BIGINT);
            case NULL -> types.createSqlType(SqlTypeName.NULL);
        };
    }
}
