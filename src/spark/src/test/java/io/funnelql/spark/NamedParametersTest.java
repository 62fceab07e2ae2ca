package io.funnelql.spark;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Placeholders become numbered named markers; a ? that is text stays text. */
class NamedParametersTest {
    @Test
    void numbersEveryPlaceholderInTextOrder() {
        assertThat(NamedParameters.named("SELECT ? AS a FROM t WHERE x = ? AND y IN (?, ?)"))
                .isEqualTo("SELECT :funnelql_parameter_1 AS a FROM t WHERE x = :funnelql_parameter_2"
                        + " AND y IN (:funnelql_parameter_3, :funnelql_parameter_4)");
        assertThat(NamedParameters.values(List.of("x", 2L)))
                .isEqualTo(Map.of("funnelql_parameter_1", "x", "funnelql_parameter_2", 2L));
    }

    @Test
    void leavesQuestionMarksInLiteralsNamesAndCommentsAlone() {
        String sql = "SELECT 'what?', 'it''s ?', 'back\\'?', \"dq?\", `col?``?` -- why?\n, ? /* or ? */ FROM t WHERE ?";
        assertThat(NamedParameters.named(sql)).isEqualTo("SELECT 'what?', 'it''s ?', 'back\\'?', \"dq?\", `col?``?` -- why?\n,"
                + " :funnelql_parameter_1 /* or ? */ FROM t WHERE :funnelql_parameter_2");
    }
}
