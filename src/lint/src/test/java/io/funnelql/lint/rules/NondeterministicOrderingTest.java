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
}
