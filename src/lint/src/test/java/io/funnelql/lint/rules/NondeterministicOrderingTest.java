package io.funnelql.lint.rules;

import org.junit.jupiter.api.Test;

import static io.funnelql.lint.LintFixture.lint;
import static io.funnelql.lint.LintFixture.located;
import static org.assertj.core.api.Assertions.assertThat;

/** FQL008 nondeterministic-ordering ({@link NondeterministicOrdering}): what it finds, where, and what it leaves alone. */
class NondeterministicOrderingTest {
    @Test
    void windowFunctionsOrderedByTimeAloneNeedATieBreaker() {
        assertThat(located(lint("""
                SELECT ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY occurred_at DESC) AS n,
                       LAG(ts) OVER (PARTITION BY user_id ORDER BY ts, event_id) AS previous,
                       FIRST_VALUE(page) OVER (PARTITION BY session_id ORDER BY created_at) AS landing,
                       ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY score) AS by_score,
                       RANK() OVER (PARTITION BY user_id ORDER BY ts) AS ranked
                FROM events
                """))).containsExactly("FQL008@1:57", "FQL008@3:65");
    }

    @Test
    void aTimeColumnIsKnownByItsTypeOrRoleAndAUniqueOrderHasNoTies() {
        // "received" is no time column by its name, but by its declared type.
        assertThat(located(lint("""
                CREATE TABLE touches (touch_id uuid PRIMARY KEY, user_id bigint, received timestamptz, score int);
                SELECT ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY received) FROM touches
                """))).containsExactly("FQL008@2:57");
        // "created_time" is named like a time but declared as an integer sequence.
        assertThat(located(lint("""
                CREATE TABLE touches (touch_id uuid PRIMARY KEY, user_id bigint, created_time bigint);
                SELECT ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY created_time) FROM touches
                """))).isEmpty();
        // A CTE column computed from a time is a time, whatever its name.
        assertThat(located(lint("""
                WITH t AS (SELECT user_id, ts::date AS d FROM events)
                SELECT LAG(d) OVER (PARTITION BY user_id ORDER BY d) FROM t
                """))).containsExactly("FQL008@2:51");
        // After GROUP BY user_id, day, a user's days are unique: nothing ties.
        assertThat(located(lint("""
                WITH daily AS (SELECT user_id, ts::date AS day FROM events GROUP BY user_id, ts::date)
                SELECT ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY day) FROM daily
                """))).isEmpty();
    }
}
