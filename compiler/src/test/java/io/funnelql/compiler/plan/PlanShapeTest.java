package io.funnelql.compiler.plan;

import io.funnelql.compiler.CompiledQuery;
import io.funnelql.compiler.SqlCompiler;
import io.funnelql.dialects.TargetDialect;
import io.funnelql.dsl.SpecificationLoader;
import io.funnelql.dsl.diagnostic.SourceFile;
import io.funnelql.dsl.model.Query;
import org.apache.calcite.plan.RelOptUtil;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of a plan, checked without a database: which strategy the planner chose, which
 * stages it built and what they compute. The golden corpus proves the answers; these pin the cost
 * a strategy promises (no window where a grouped aggregate suffices, no sort key nobody needs).
 */
class PlanShapeTest {
    private static final String SOURCE = "source events from table events (key user_id, time occurred_at, tenant account_id,"
            + " columns (account_id varchar, event_name varchar, platform varchar));\n";

    private static CompiledQuery compile(String query) throws Exception {
        Query parsed = SpecificationLoader.load(new SourceFile("shape.fql", SOURCE + query)).queries().get(0);
        return SqlCompiler.compile(parsed, TargetDialect.DUCKDB, Map.of());
    }

    private static long windows(CompiledQuery compiled) {
        return compiled.stages().stream().filter(stage -> RelOptUtil.toString(stage.plan()).contains("OVER (")).count()
                + (RelOptUtil.toString(compiled.output()).contains("OVER (") ? 1 : 0);
    }

    private static List<String> stageNames(CompiledQuery compiled) {
        return compiled.stages().stream().map(Stage::name).toList();
    }

    @Test
    void theFirstEntryFunnelUnderTiesForbiddenIsAChainOfGroupedStepsWithoutAnyWindow() throws Exception {
        CompiledQuery compiled = compile("funnel checkout from events within 1 hour from first step entry first ties forbidden"
                + " steps (view: event_name = 'page_view', cart: event_name = 'add_to_cart', purchase: event_name = 'purchase')"
                + " report steps;");
        assertThat(compiled.strategy().name()).isEqualTo("aggregate chain");
        assertThat(windows(compiled)).isZero();
        assertThat(stageNames(compiled)).containsSubsequence("checkout_view", "checkout_cart", "checkout_purchase");
        assertThat(compiled.sql()).doesNotContain("ROW_NUMBER", " OR NOT ");
        assertThat(compiled.proof().safe()).isTrue();
    }

    @Test
    void withoutAnEventOrderEachStepReadsItsRowsFromTheSourceByItsOwnCondition() throws Exception {
        CompiledQuery compiled = compile("funnel checkout from events within 1 hour from first step entry first ties forbidden"
                + " steps (view: event_name = 'page_view', cart: event_name = 'add_to_cart') report steps;");
        // No flag compared with 1 (an engine cannot estimate it), and no events stage nobody reads.
        assertThat(stageNames(compiled)).doesNotContain("checkout_events").startsWith("checkout_view");
        assertThat(compiled.sql()).contains("WHERE \"occurred_at\" IS NOT NULL").contains("\"event_name\" = 'page_view'")
                .doesNotContain("\"step_1\" = 1");
    }

    @Test
    void tiesAllowedNeedsTheEventOrderAndNothingElseWindowed() throws Exception {
        CompiledQuery compiled = compile("funnel f from events within 1 hour from first step entry first ties allowed"
                + " steps (a: event_name = 'a', b: event_name = 'b') report steps;");
        assertThat(compiled.strategy().name()).isEqualTo("aggregate chain");
        assertThat(windows(compiled)).isEqualTo(1);
        // The order breaks ties by the columns a step reads, not by every column of the source.
        assertThat(compiled.sql()).contains("ROW_NUMBER()").doesNotContain("\"platform\" NULLS FIRST");
    }

    @Test
    void rowsNoStepCanUseAreFilteredBeforeAnyStage() throws Exception {
        CompiledQuery compiled = compile("funnel f from events within 1 hour from first step entry first ties allowed"
                + " steps (a: event_name = 'a', b: event_name = 'b') report steps;");
        String events = RelOptUtil.toString(compiled.stages().get(0).plan());
        assertThat(events).contains("OR(", "'a'", "'b'");
    }

    @Test
    void modesThatStopTheScanKeepTheirWalk() throws Exception {
        CompiledQuery compiled = compile("funnel f from events within 1 hour from first step entry latest profile clickhouse mode strict_order"
                + " steps (a: event_name = 'a', b: event_name = 'b') report steps;");
        assertThat(compiled.strategy().name()).isEqualTo("walk over ClickHouse's entry list");
        assertThat(compiled.stages()).anyMatch(Stage::recursive);
    }

    @Test
    void everyFunnelJoinIsKeyedByTheTenantAndTheKey() throws Exception {
        CompiledQuery compiled = compile("funnel f from events within 1 hour from first step entry first ties forbidden"
                + " steps (a: event_name = 'a', b: event_name = 'b', c: event_name = 'c') report steps;");
        assertThat(compiled.sql()).contains("\"key_account_id\" = ").contains("\"key_user_id\" = ");
        assertThat(compiled.proof().verdicts()).isNotEmpty();
    }
}
