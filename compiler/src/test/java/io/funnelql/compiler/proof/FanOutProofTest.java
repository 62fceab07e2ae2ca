package io.funnelql.compiler.proof;

import io.funnelql.compiler.CompilationException;
import io.funnelql.compiler.plan.PlanContext;
import io.funnelql.compiler.plan.Stage;
import io.funnelql.dialects.TargetDialect;
import io.funnelql.dsl.SpecificationLoader;
import io.funnelql.dsl.diagnostic.InvalidSpecificationException;
import io.funnelql.dsl.diagnostic.SourceFile;
import io.funnelql.dsl.model.Query;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The proof's rules, each on a small plan built as the planners build theirs: what it accepts and what it refuses. */
class FanOutProofTest {
    private final PlanContext<?> context = new PlanContext<>(query(), TargetDialect.DUCKDB);
    private final RelBuilder b = context.builder();

    private static Query query() {
        try {
            return SpecificationLoader.load(new SourceFile("spec.fql", """
                    source events from table events (key user_id, time occurred_at, columns (event_name varchar));
                    funnel f from events within 1 hour from first step
                      steps (a: event_name = 'a', b: event_name = 'b');
                    """)).queries().get(0);
        } catch (InvalidSpecificationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aJoinOfTwoEventTablesOnTheUserIsRefusedAndNamed() {
        Stage pairs = joinOfEvents();

        assertThatThrownBy(() -> FanOutProof.check(List.of(pairs), context.scan(pairs).build()))
                .isInstanceOf(CompilationException.class)
                .hasMessageContaining("the plan has a join that may multiply rows")
                .hasMessageContaining("pairs: INNER JOIN of events and events on (user_id) = (user_id)");
    }

    @Test
    void aJoinWithASideUniqueOnTheJoinKeysIsSafe() {
        context.scanSource();
        b.aggregate(b.groupKey(b.field("user_id")), b.count().as("events"));
        Stage perUser = context.addStage("per_user", "one row per user", List.of());
        context.scanSource();
        context.scan(perUser);
        b.join(JoinRelType.INNER, b.equals(b.field(2, 0, "user_id"), b.field(2, 1, "user_id")));
        Stage joined = context.addStage("joined", "events with their user's count", List.of());

        FanOutProof proof = FanOutProof.check(List.of(perUser, joined), context.scan(joined).build());

        assertThat(proof.verdicts()).singleElement().satisfies(verdict -> {
            assertThat(verdict.safe()).isTrue();
            assertThat(verdict.reason()).startsWith("per_user is unique on (user_id)");
        });
    }

    @Test
    void groupingBackByAUniqueKeyOfOneSideIsSafeOnlyWithoutColumnsOfTheOtherSide() {
        Stage numbered = numberedEvents();
        context.scan(numbered);
        context.scanSource();
        b.join(JoinRelType.INNER, b.equals(b.field(2, 0, "user_id"), b.field(2, 1, "user_id")));
        b.aggregate(b.groupKey(b.field(0), b.field("event_order")), b.count().as("later"));
        Stage grouped = context.addStage("grouped", "per numbered event, a count", List.of());
        assertThat(FanOutProof.check(List.of(numbered, grouped), context.scan(grouped).build()).safe()).isTrue();

        int eventName = numbered.plan().getRowType().getFieldCount()
                + context.scanSource().peek().getRowType().getFieldNames().indexOf("event_name");
        b.build();
        context.scan(numbered);
        context.scanSource();
        b.join(JoinRelType.INNER, b.equals(b.field(2, 0, "user_id"), b.field(2, 1, "user_id")));
        b.aggregate(b.groupKey(b.field(0), b.field("event_order"), b.field(eventName)), b.count().as("later"));
        Stage split = context.addStage("split", "per numbered event and other event's name, a count", List.of());

        assertThatThrownBy(() -> FanOutProof.check(List.of(numbered, split), context.scan(split).build()))
                .isInstanceOf(CompilationException.class)
                .hasMessageContaining("split: INNER JOIN");
    }

    @Test
    void anEnumeratingStageMayPairUniqueRowsManyToManyButNotRepeatedOnes() {
        Stage numbered = numberedEvents();
        context.scan(numbered);
        context.scan(numbered);
        b.join(JoinRelType.INNER, b.equals(b.field(2, 0, "user_id"), b.field(2, 1, "user_id")));
        Stage candidates = context.addEnumeratingStage("candidates", "every pair of a user's events",
                List.of(), "every pair, reduced by MIN per user");
        assertThat(FanOutProof.check(List.of(numbered, candidates), context.scan(candidates).build()).verdicts())
                .singleElement().satisfies(verdict -> assertThat(verdict.reason())
                        .startsWith("enumerates distinct pairs by design").endsWith("every pair, reduced by MIN per user"));

        context.scan(numbered);
        context.scanSource();
        b.join(JoinRelType.INNER, b.equals(b.field(2, 0, "user_id"), b.field(2, 1, "user_id")));
        Stage repeated = context.addEnumeratingStage("repeated", "numbered events with every event",
                List.of(), "claimed, but the events table has no key");

        assertThatThrownBy(() -> FanOutProof.check(List.of(numbered, repeated), context.scan(repeated).build()))
                .isInstanceOf(CompilationException.class)
                .hasMessageContaining("repeated: INNER JOIN");
    }

    private Stage joinOfEvents() {
        context.scanSource();
        context.scanSource();
        b.join(JoinRelType.INNER, b.equals(b.field(2, 0, "user_id"), b.field(2, 1, "user_id")));
        return context.addStage("pairs", "every pair of a user's events", List.of());
    }

    /** The events with a per-user number: unique on (user_id, event_order), as declared. */
    private Stage numberedEvents() {
        context.scanSource();
        b.project(List.of(b.field("user_id"), b.field("occurred_at"),
                        b.aggregateCall(SqlStdOperatorTable.ROW_NUMBER).over()
                                .partitionBy(b.field("user_id")).orderBy(b.field("occurred_at")).rowsUnbounded().toRex()),
                List.of("user_id", "occurred_at", "event_order"), true);
        return context.addStage("numbered", "events numbered per user",
                List.of(new Stage.DeclaredKey(List.of("user_id", "event_order"), "ROW_NUMBER() per user")));
    }
}
