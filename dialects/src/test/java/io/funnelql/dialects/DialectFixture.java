package io.funnelql.dialects;

import org.apache.calcite.plan.Contexts;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.rel2sql.RelToSqlConverter;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.RelBuilder;

import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fluent, immutable fixture in the spirit of Calcite's RelToSqlConverterTest: a relational plan
 * over a small {@code events} table, rendered for one target and compared with the SQL expected,
 * e.g. {@code plan(b -> …).withDuckDb().ok("SELECT …")}. Each {@code with…} returns a new fixture,
 * so one plan is checked on every target in one chain.
 */
record DialectFixture(Function<RelBuilder, RelNode> plan, TargetDialect target) {

    static DialectFixture plan(Function<RelBuilder, RelNode> plan) {
        return new DialectFixture(plan, TargetDialect.POSTGRES);
    }

    DialectFixture withPostgres() {
        return new DialectFixture(plan, TargetDialect.POSTGRES);
    }

    DialectFixture withDuckDb() {
        return new DialectFixture(plan, TargetDialect.DUCKDB);
    }

    DialectFixture withOracle() {
        return new DialectFixture(plan, TargetDialect.ORACLE);
    }

    DialectFixture withH2() {
        return new DialectFixture(plan, TargetDialect.H2);
    }

    /** Asserts the SQL this target renders, rendered the way the compiler renders a stage. */
    DialectFixture ok(String expected) {
        assertThat(sql()).as(target.productName()).isEqualTo(expected);
        return this;
    }

    String sql() {
        SqlDialect dialect = target.sqlDialect();
        return new RelToSqlConverter(dialect).visitRoot(plan.apply(builder())).asStatement()
                .toSqlString(config -> config.withDialect(dialect).withQuoteAllIdentifiers(true)
                        .withClauseStartsLine(false).withAlwaysUseParentheses(false))
                .getSql();
    }

    private static RelBuilder builder() {
        SchemaPlus root = Frameworks.createRootSchema(false);
        root.add("events", new AbstractTable() {
            @Override
            public RelDataType getRowType(RelDataTypeFactory types) {
                return types.builder()
                        .add("user_id", types.createTypeWithNullability(types.createSqlType(SqlTypeName.VARCHAR), true))
                        .add("occurred_at", types.createTypeWithNullability(types.createSqlType(SqlTypeName.TIMESTAMP, 6), true))
                        .add("event_name", types.createTypeWithNullability(types.createSqlType(SqlTypeName.VARCHAR), true))
                        .build();
            }
        });
        FrameworkConfig config = Frameworks.newConfigBuilder().defaultSchema(root)
                .context(Contexts.of(RelBuilder.Config.DEFAULT.withSimplify(false))).build();
        return RelBuilder.create(config);
    }
}
