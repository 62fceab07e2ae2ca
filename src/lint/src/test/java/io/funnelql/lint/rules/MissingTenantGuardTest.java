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
}
