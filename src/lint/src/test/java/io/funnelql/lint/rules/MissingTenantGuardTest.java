package io.funnelql.lint.rules;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.funnelql.lint.LintFixture.codes;
import static io.funnelql.lint.LintFixture.lint;
import static org.assertj.core.api.Assertions.assertThat;

/** FQL003 missing-tenant-guard ({@link MissingTenantGuard}): what it finds, where, and what it leaves alone. */
class MissingTenantGuardTest {
    @Test
    void theTenantGuardFollowsChainsOfEqualitiesAndTheWhereClause() {
        Optional<String> tenant = Optional.of("account_id");
        assertThat(codes(lint("SELECT a.x FROM a JOIN b ON b.user_id = a.user_id", tenant))).containsExactly("FQL003");
        assertThat(codes(lint("""
                SELECT a.x FROM a JOIN b ON b.user_id = a.user_id JOIN c ON c.user_id = b.user_id
                WHERE a.account_id = b.account_id AND c.account_id = b.account_id
                """, tenant))).isEmpty();
        assertThat(codes(lint("SELECT a.x FROM a, b WHERE b.user_id = a.user_id AND a.account_id = b.account_id", tenant)))
                .isEmpty();
        assertThat(codes(lint("SELECT a.x FROM a JOIN b USING (account_id, user_id)", tenant))).isEmpty();
        // Without --tenant-column nothing is known about a and b's columns but what the query names.
        assertThat(codes(lint("SELECT a.x FROM a JOIN b ON b.user_id = a.user_id"))).isEmpty();
    }

    @Test
    void aRelationThatDroppedTheTenantIsJoinedOneSided() {
        String sql = """
                CREATE TABLE orders (account_id bigint, order_id bigint, user_id bigint, ts timestamptz,
                                     PRIMARY KEY (account_id, order_id));
                WITH firsts AS (SELECT user_id, MIN(ts) AS first_ts FROM orders GROUP BY user_id)
                SELECT o.order_id FROM orders o JOIN firsts f ON f.user_id = o.user_id
                """;
        assertThat(codes(lint(sql, Optional.of("account_id")))).containsExactly("FQL003");
        // A global table that never had the tenant is not tenant-scoped.
        assertThat(codes(lint("""
                CREATE TABLE orders (account_id bigint, order_id bigint, country text, PRIMARY KEY (account_id, order_id));
                CREATE TABLE countries (country text PRIMARY KEY, region text);
                SELECT o.order_id, c.region FROM orders o JOIN countries c ON c.country = o.country
                """, Optional.of("account_id")))).isEmpty();
    }
}
