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

    /** The stages that compute a window function. */
    private static List<String> windowedStages(CompiledQuery compiled) {
        return compiled.stages().stream().filter(stage -> RelOptUtil.toString(stage.plan()).contains("OVER (")).map(Stage::name)
                .toList();
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
        // The only window is the report's, over one row per step (each step's previous and first counts).
        assertThat(windowedStages(compiled)).containsExactly("checkout_steps");
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
        assertThat(compiled.sql()).contains("WHERE \"event_name\" = 'page_view'").doesNotContain("\"step_1\" = 1");
    }

    @Test
    void aStepsReportCountsEachStepsStageWithoutChecksTheJoinMakes() throws Exception {
        CompiledQuery compiled = compile("funnel checkout from events within 1 hour from first step entry first ties forbidden"
                + " steps (view: event_name = 'page_view', cart: event_name = 'add_to_cart') report steps;");
        // Each step's count is its stage's row count: no attempts joined back together, no microseconds.
        assertThat(stageNames(compiled)).containsExactly("checkout_view", "checkout_cart", "checkout_step_counts",
                "checkout_steps");
        assertThat(compiled.sql()).doesNotContain("EXTRACT(EPOCH", "epoch_us", "\"event_name\" IS NOT NULL");
        String cart = RelOptUtil.toString(compiled.stages().get(1).plan());
        // The join on the key and the time comparisons reject NULL keys and times; the first step keeps its checks.
        assertThat(cart).doesNotContain("IS NOT NULL");
        // Step 1 checks the key and the time once per key, after its aggregate (a HAVING), and never
        // the event name, whose condition rejects a NULL.
        String view = RelOptUtil.toString(compiled.stages().get(0).plan());
        assertThat(view).containsPattern("LogicalFilter\\(condition=\\[AND\\(IS NOT NULL\\(\\$0\\), IS NOT NULL\\(\\$1\\), "
                + "IS NOT NULL\\(\\$2\\)\\)\\]\\)\\s+LogicalAggregate");
        assertThat(view.substring(view.indexOf("LogicalAggregate"))).doesNotContain("IS NOT NULL");
        assertThat(compiled.sql()).contains("HAVING");
    }

    @Test
    void pastFourStepsTheLaterStepsReadTheRowsInsideEachKeysFirstWindow() throws Exception {
        StringBuilder steps = new StringBuilder();
        for (int step = 1; step <= 6; step++) {
            steps.append(step == 1 ? "" : ", ").append("s").append(step).append(": event_name = '")
                    .append(step % 2 == 1 ? "page_view" : "add_to_cart").append("'");
        }
        CompiledQuery compiled = compile("funnel long from events within 1 hour from first step entry first ties forbidden"
                + " steps (" + steps + ") report steps;");
        assertThat(stageNames(compiled)).contains("long_first_window");
        // Only step 1 and the first window read the events; steps 2 to 6 read the first window.
        List<String> stageNames = stageNames(compiled);
        for (int step = 2; step <= 6; step++) {
            assertThat(RelOptUtil.toString(compiled.stages().get(stageNames.indexOf("long_s" + step)).plan()))
                    .contains("long_first_window").doesNotContain("[[events]]");
        }
    }

    @Test
    void clickHousesEntryLatestReportingLevelsSortsOnceOnDuckDbAndStacksWindowsOnPostgres() throws Exception {
        String spec = "funnel ch from events within 1 hour from first step profile clickhouse"
                + " steps (view: event_name = 'page_view', cart: event_name = 'add_to_cart', purchase: event_name = 'purchase')"
                + " report steps;";
        CompiledQuery duckdb = compile(spec);
        assertThat(duckdb.strategy().name()).isEqualTo("level lookups");
        // One window stage (the next times), no event numbering, each later level a lookup.
        assertThat(windows(duckdb)).isEqualTo(1);
        assertThat(duckdb.sql()).doesNotContain("ROW_NUMBER");
        assertThat(stageNames(duckdb)).contains("ch_next_times", "ch_level_2", "ch_level_3");
        CompiledQuery postgres = SqlCompiler.compile(SpecificationLoader.load(new SourceFile("shape.fql", SOURCE + spec))
                .queries().get(0), TargetDialect.POSTGRES, Map.of());
        assertThat(postgres.strategy().name()).isEqualTo("window passes");
        // strict_once changes nothing where no row can match two steps; where one can, every candidate is kept.
        assertThat(compile(spec.replace("profile clickhouse", "profile clickhouse mode strict_once")).strategy().name())
                .isEqualTo("level lookups");
        assertThat(compile(spec.replace("profile clickhouse", "profile clickhouse mode strict_once")
                .replace("cart: event_name = 'add_to_cart'", "cart: event_name in ('add_to_cart', 'page_view')"))
                .strategy().name()).isEqualTo("candidate chains");
        // Ties forbidden compares with the stored chain only: not a question of existence, so no lookups.
        assertThat(compile(spec.replace("profile clickhouse", "profile clickhouse ties forbidden")).strategy().name())
                .isEqualTo("window passes");
    }

    @Test
    void theChainWithoutAnEventOrderComparesTimestampsAndComputesMicrosecondsPerKeyOnly() throws Exception {
        CompiledQuery compiled = compile("funnel checkout from events within 1 hour from first step entry first ties forbidden"
                + " steps (view: event_name = 'page_view', cart: event_name = 'add_to_cart') report time to convert;");
        String view = RelOptUtil.toString(compiled.stages().get(0).plan());
        String cart = RelOptUtil.toString(compiled.stages().get(1).plan());
        // Step 1 carries where the window ends; the join reads the table itself (its condition tested
        // after the join, as an analyst writes it), and epoch microseconds are computed above the
        // aggregate only, once per key.
        assertThat(view).contains("window_end=[TIMESTAMP_PLUS_MICROS(");
        assertThat(cart).contains("EPOCH_MICROS(").doesNotContain("event_micros").containsPattern(
                "LogicalFilter\\(condition=\\[=\\(\\$\\d+, _UTF-16LE'add_to_cart'\\)\\]\\)\\s+LogicalJoin");
        assertThat(compiled.sql()).contains("INNER JOIN \"events\" ON");
        assertThat(compiled.sql()).containsPattern("to_microseconds\\(3600000000 ?\\)");
        CompiledQuery oracle = SqlCompiler.compile(SpecificationLoader.load(new SourceFile("shape.fql", SOURCE
                + "funnel checkout from events within 1 hour from first step entry first ties forbidden"
                + " steps (view: event_name = 'page_view', cart: event_name = 'add_to_cart') report steps;")).queries().get(0),
                TargetDialect.ORACLE, Map.of());
        assertThat(oracle.sql()).doesNotContain("NUMTODSINTERVAL").contains("step_1_micros");
    }

    @Test
    void sessionsByTheGapAloneNumberNoEventAndLeaveTheEngineToInlineTheirStages() throws Exception {
        CompiledQuery compiled = compile("sessions visits from events gap 30 minutes report sessions;");
        assertThat(compiled.strategy().name()).isEqualTo("gap pass");
        assertThat(compiled.sql()).doesNotContain("ROW_NUMBER", "MATERIALIZED").contains("LEAD(");
        // The order breaks ties by the event name only: no column after it is read.
        assertThat(compiled.sql()).doesNotContain("\"platform\" NULLS FIRST");
        CompiledQuery withMaxLength = compile("sessions visits from events gap 30 minutes max length 2 hours report sessions;");
        assertThat(withMaxLength.strategy().name()).isEqualTo("numbered events");
    }

    @Test
    void firstCohortRetentionReadsTheSourceByEachConditionAndTakesAUtcDayByACast() throws Exception {
        CompiledQuery compiled = compile("retention daily from events cohort first event_name = 'signup'"
                + " return event_name = 'login' period day offsets 0 to 7 report cohorts;");
        assertThat(compiled.strategy().name()).isEqualTo("cohort and activity aggregates");
        assertThat(stageNames(compiled)).doesNotContain("daily_events", "daily_periods");
        assertThat(compiled.sql()).doesNotContain("timezone(", "epoch_us").contains("CAST(\"occurred_at\" AS DATE)");
    }

    @Test
    void tiesAllowedNeedsTheEventOrderAndNothingElseWindowed() throws Exception {
        CompiledQuery compiled = compile("funnel f from events within 1 hour from first step entry first ties allowed"
                + " steps (a: event_name = 'a', b: event_name = 'b') report steps;");
        assertThat(compiled.strategy().name()).isEqualTo("aggregate chain");
        // The event order, and the report's window over one row per step.
        assertThat(windowedStages(compiled)).containsExactly("f_events", "f_steps");
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
