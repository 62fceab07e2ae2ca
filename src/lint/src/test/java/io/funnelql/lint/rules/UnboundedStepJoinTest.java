package io.funnelql.lint.rules;

import org.junit.jupiter.api.Test;

import static io.funnelql.lint.LintFixture.codes;
import static io.funnelql.lint.LintFixture.lint;
import static io.funnelql.lint.LintFixture.located;
import static org.assertj.core.api.Assertions.assertThat;

/** FQL005 unbounded-step-join ({@link UnboundedStepJoin}): what it finds, where, and what it leaves alone. */
class UnboundedStepJoinTest {
    @Test
    void aStepSelfJoinNeedsBothTimeBounds() {
        String prefix = "SELECT a.user_id, b.ts FROM events a JOIN events b ON b.user_id = a.user_id AND ";
        assertThat(located(lint(prefix + "b.ts > a.ts"))).containsExactly("FQL005@1:81");
        assertThat(located(lint(prefix + "a.ts < b.ts"))).containsExactly("FQL005@1:81");
        assertThat(codes(lint(prefix + "b.ts - a.ts > INTERVAL '0' SECOND"))).containsExactly("FQL005");
        assertThat(codes(lint(prefix + "b.ts > a.ts AND b.ts <= a.ts + INTERVAL '1 hour'"))).isEmpty();
        assertThat(codes(lint(prefix + "b.ts BETWEEN a.ts AND a.ts + INTERVAL '1' HOUR"))).isEmpty();
        assertThat(codes(lint(prefix + "b.ts > a.ts AND b.ts - a.ts <= INTERVAL '1' HOUR"))).isEmpty();
        // Two different relations are not a step self-join.
        assertThat(codes(lint("SELECT a.x FROM views a JOIN clicks b ON b.user_id = a.user_id AND b.ts > a.ts"))).isEmpty();
        assertThat(lint(prefix + "b.ts > a.ts").findings().get(0).message())
                .contains("Add an upper bound, such as b.ts <= a.ts + INTERVAL '1' HOUR.");
    }

    @Test
    void anEqualityOfTheTwoTimesPeriodsBoundsTheStep() {
        assertThat(codes(lint("""
                SELECT COUNT(DISTINCT c.user_id) FROM events v JOIN events c
                  ON c.user_id = v.user_id AND c.ts > v.ts AND DATE(c.ts) = DATE(v.ts)
                """))).doesNotContain("FQL005");
        assertThat(codes(lint("""
                CREATE TABLE events (event_id bigint PRIMARY KEY, user_id bigint, day date, ts timestamptz);
                SELECT COUNT(*) FROM events v JOIN events c
                  ON c.user_id = v.user_id AND c.ts > v.ts AND c.day = v.day
                """))).doesNotContain("FQL005");
        // An equality of other columns is no bound.
        assertThat(codes(lint("""
                CREATE TABLE events (event_id bigint PRIMARY KEY, user_id bigint, device text, ts timestamptz);
                SELECT COUNT(*) FROM events v JOIN events c
                  ON c.user_id = v.user_id AND c.ts > v.ts AND c.device = v.device
                """))).contains("FQL005");
    }
}
