package io.funnelql.dsl.analysis;

import io.funnelql.dsl.SpecificationLoader;
import io.funnelql.dsl.diagnostic.SourceFile;
import io.funnelql.dsl.model.Attribution;
import io.funnelql.dsl.model.CohortKind;
import io.funnelql.dsl.model.ConditionRetentionQuery;
import io.funnelql.dsl.model.DataType;
import io.funnelql.dsl.model.EntryPolicy;
import io.funnelql.dsl.model.FunnelMode;
import io.funnelql.dsl.model.FunnelQuery;
import io.funnelql.dsl.model.FunnelReport;
import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.NodeRule;
import io.funnelql.dsl.model.NullConditionPolicy;
import io.funnelql.dsl.model.PathDirection;
import io.funnelql.dsl.model.PathsQuery;
import io.funnelql.dsl.model.PeriodUnit;
import io.funnelql.dsl.model.Profile;
import io.funnelql.dsl.model.RetentionPeriod;
import io.funnelql.dsl.model.RetentionQuery;
import io.funnelql.dsl.model.ReturnMatch;
import io.funnelql.dsl.model.SessionsQuery;
import io.funnelql.dsl.model.Specification;
import io.funnelql.dsl.model.TiePolicy;
import io.funnelql.dsl.model.WindowAnchor;
import io.funnelql.dsl.model.WindowBound;
import io.funnelql.dsl.model.expression.Expression;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SemanticAnalyzerTest {
    private static final String SOURCE = """
            source events from table app.events (
              key user_id, time occurred_at, tenant account_id, event id event_id,
              columns (event_name varchar, amount double, platform varchar, user_id bigint)
            );
            """;

    private static Specification load(String queries) throws Exception {
        return SpecificationLoader.load(new SourceFile("test.fql", SOURCE + queries));
    }

    @Test
    void sourceRolesTakeTypesFromColumnsOrDefaults() throws Exception {
        var source = load("").sources().get(0);
        assertThat(source.key().type()).isEqualTo(DataType.BIGINT);
        assertThat(source.time().type()).isEqualTo(DataType.TIMESTAMP);
        assertThat(source.tenant().orElseThrow().type()).isEqualTo(DataType.VARCHAR);
        assertThat(source.eventId().orElseThrow().name()).isEqualTo(Name.unquoted("event_id"));
        assertThat(source.columns()).extracting(c -> c.name().value())
                .containsExactly("event_name", "amount", "platform", "user_id", "occurred_at", "account_id", "event_id");
    }

    @Test
    void funnelDefaultsComeFromTheClickHouseProfile() throws Exception {
        FunnelQuery funnel = (FunnelQuery) load("funnel f from events within 1 hour from first step "
                + "steps (a: event_name = 'a', b: event_name = 'b');").queries().get(0);
        assertThat(funnel.profile()).isEqualTo(Profile.CLICKHOUSE);
        assertThat(funnel.entry()).isEqualTo(EntryPolicy.LATEST);
        assertThat(funnel.window().length()).isEqualTo(Duration.ofHours(1));
        assertThat(funnel.window().anchor()).isEqualTo(WindowAnchor.FIRST_STEP);
        assertThat(funnel.window().bound()).isEqualTo(WindowBound.INCLUSIVE);
        assertThat(funnel.ties()).isEqualTo(TiePolicy.ALLOWED);
        assertThat(funnel.nullConditions()).isEqualTo(NullConditionPolicy.SKIP_ROW);
        assertThat(funnel.modes()).isEmpty();
        assertThat(funnel.report()).isEqualTo(FunnelReport.STEPS);
        assertThat(funnel.countBy()).extracting(c -> c.name().value()).containsExactly("user_id");
        assertThat(funnel.partitionKey()).extracting(c -> c.name().value()).containsExactly("account_id", "user_id");
        assertThat(funnel.exclusions()).isEmpty();
    }

    @Test
    void duckdbProfileTreatsNullConditionsAsFalseAndStrictIncreaseForbidsTies() throws Exception {
        FunnelQuery funnel = (FunnelQuery) load("funnel f from events within 1 hour from first step "
                + "profile duckdb_behavioral mode strict, strict_increase, allow_reentry "
                + "steps (a: event_name = 'a', b: event_name = 'b', c: event_name = 'c') "
                + "exclude r: event_name = 'r' breakdown by platform attributed to step b report per key;").queries().get(0);
        assertThat(funnel.nullConditions()).isEqualTo(NullConditionPolicy.FALSE);
        assertThat(funnel.modes()).containsExactlyInAnyOrder(FunnelMode.STRICT_DEDUPLICATION, FunnelMode.STRICT_INCREASE,
                FunnelMode.ALLOW_REENTRY);
        assertThat(funnel.ties()).isEqualTo(TiePolicy.FORBIDDEN);
        assertThat(funnel.exclusions().get(0).after().index()).isEqualTo(1);
        assertThat(funnel.exclusions().get(0).before().index()).isEqualTo(3);
        assertThat(funnel.breakdown().orElseThrow().attribution()).isEqualTo(new Attribution.NamedStep(funnel.steps().get(1)));
        assertThat(funnel.report()).isEqualTo(FunnelReport.PER_KEY);
    }

    @Test
    void expressionsAreTyped() throws Exception {
        Specification specification = load("param since timestamp default timestamp '2024-01-02 03:04:05.5';\n"
                + "funnel f from events where occurred_at >= :since - interval 1 day and amount / 2 > 1 "
                + "within 1 hour from first step steps (a: event_name like 'view%');");
        FunnelQuery funnel = (FunnelQuery) specification.queries().get(0);
        assertThat(specification.parameters().get(0).defaultValue())
                .contains(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 500_000_000));
        Expression.Logical filter = (Expression.Logical) funnel.filter().orElseThrow();
        Expression.Comparison since = (Expression.Comparison) filter.left();
        assertThat(since.right().type()).isEqualTo(DataType.TIMESTAMP);
        Expression.Comparison half = (Expression.Comparison) filter.right();
        assertThat(half.left().type()).isEqualTo(DataType.DOUBLE);
    }

    @Test
    void pathsTakeDefaultsAndEveryClause() throws Exception {
        var queries = load("""
                paths p from events start at event_name = 'cart' node event_name;
                paths q from events
                  end at event_name = 'purchase'
                  within session gap 30 minutes
                  within 2 hours
                  depth 20
                  node platform
                  clean ('page': event_name like 'page_%', 'home': event_name = 'home')
                  collapse repeats
                  top 3
                  report transitions;
                """).queries();
        PathsQuery defaults = (PathsQuery) queries.get(0);
        assertThat(defaults.kind()).isEqualTo("paths");
        assertThat(defaults.direction()).isEqualTo(PathDirection.AFTER_ANCHOR);
        assertThat(defaults.depth()).isEqualTo(PathsQuery.DEFAULT_DEPTH);
        assertThat(defaults.top()).isEqualTo(PathsQuery.DEFAULT_TOP);
        assertThat(defaults.sessionGap()).isEmpty();
        assertThat(defaults.window()).isEmpty();
        assertThat(defaults.cleaning()).isEmpty();
        assertThat(defaults.collapseRepeats()).isFalse();
        PathsQuery full = (PathsQuery) queries.get(1);
        assertThat(full.direction()).isEqualTo(PathDirection.BEFORE_ANCHOR);
        assertThat(full.sessionGap()).contains(Duration.ofMinutes(30));
        assertThat(full.window()).contains(Duration.ofHours(2));
        assertThat(full.depth()).isEqualTo(20);
        assertThat(full.node().name()).isEqualTo(Name.unquoted("platform"));
        assertThat(full.cleaning()).extracting(NodeRule::label).containsExactly("page", "home");
        assertThat(full.collapseRepeats()).isTrue();
        assertThat(full.top()).isEqualTo(3);
        assertThat(full.partitionKey()).extracting(c -> c.name().value()).containsExactly("account_id", "user_id");
    }

    @Test
    void sessionsAndRetentionResolve() throws Exception {
        Specification specification = load("""
                sessions s from events gap 30 minutes max length 1 day report events;
                retention w from events cohort recurring event_name = 'a' return event_name = 'b'
                  period month time zone 'Europe/Berlin' offsets 0 to 3 returning on or after;
                retention r from events cohort first event_name = 'a' return event_name = 'b'
                  period rolling 24 hours offsets 4, 1, 2;
                retention c from events conditions (a: event_name = 'a', b: event_name = 'b') report per key;
                """);
        SessionsQuery sessions = (SessionsQuery) specification.queries().get(0);
        assertThat(sessions.gap()).isEqualTo(Duration.ofMinutes(30));
        assertThat(sessions.maxLength()).contains(Duration.ofDays(1));
        RetentionQuery monthly = (RetentionQuery) specification.queries().get(1);
        assertThat(monthly.cohortKind()).isEqualTo(CohortKind.RECURRING);
        assertThat(monthly.period()).isEqualTo(new RetentionPeriod.Calendar(PeriodUnit.MONTH, ZoneId.of("Europe/Berlin")));
        assertThat(monthly.offsets()).containsExactly(0, 1, 2, 3);
        assertThat(monthly.returnMatch()).isEqualTo(ReturnMatch.ON_OR_AFTER);
        RetentionQuery rolling = (RetentionQuery) specification.queries().get(2);
        assertThat(rolling.period()).isEqualTo(new RetentionPeriod.Rolling(Duration.ofHours(24)));
        assertThat(rolling.offsets()).containsExactly(1, 2, 4);
        ConditionRetentionQuery conditions = (ConditionRetentionQuery) specification.queries().get(3);
        assertThat(conditions.conditions()).extracting(c -> c.name().value()).containsExactly("a", "b");
        assertThat(specification.query("w")).containsSame(monthly);
    }

    @Test
    void calendarPeriodsDefaultToUtc() throws Exception {
        RetentionQuery weekly = (RetentionQuery) load("retention w from events cohort first event_name = 'a' "
                + "return event_name = 'b' period week offsets 1;").queries().get(0);
        assertThat(weekly.period()).isEqualTo(new RetentionPeriod.Calendar(PeriodUnit.WEEK, ZoneOffset.UTC));
        assertThat(weekly.returnMatch()).isEqualTo(ReturnMatch.ON);
    }

    @Test
    void unquotedNamesAreCaseInsensitiveQuotedAreExact() throws Exception {
        Specification specification = SpecificationLoader.load(new SourceFile("t.fql", """
                SOURCE Events FROM TABLE t (KEY User_Id, TIME Ts, COLUMNS ("Mixed Case" varchar));
                FUNNEL f FROM EVENTS WITHIN 1 HOUR FROM FIRST STEP STEPS (a: "Mixed Case" = 'x' AND user_id IS NOT NULL);
                """));
        assertThat(specification.sources().get(0).key().name()).isEqualTo(Name.unquoted("user_id"));
        assertThat(specification.sources().get(0).columns()).extracting(c -> c.name().display())
                .contains("\"Mixed Case\"");
    }
}
