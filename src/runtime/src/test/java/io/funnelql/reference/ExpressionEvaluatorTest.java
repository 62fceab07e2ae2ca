package io.funnelql.reference;

import io.funnelql.dsl.SpecificationLoader;
import io.funnelql.dsl.diagnostic.SourceFile;
import io.funnelql.dsl.model.FunnelQuery;
import io.funnelql.events.EventTable;
import io.funnelql.reference.evaluation.EvaluationException;
import io.funnelql.reference.evaluation.ExpressionEvaluator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SQL's three-valued logic, on a row where {@code n} is NULL, {@code s} is 'ab_c' and {@code i} is 7. */
class ExpressionEvaluatorTest {
    private static Object evaluate(String condition) throws Exception {
        FunnelQuery query = (FunnelQuery) SpecificationLoader.load(new SourceFile("e.fql",
                "source e from table t (key k, time ts, columns (n bigint, s varchar, i bigint));\n"
                        + "funnel f from e within 1 hour from first step steps (a: " + condition + ");")).queries().get(0);
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {null, "ab_c", 7L, "k1", LocalDateTime.of(2024, 1, 1, 0, 0)});
        EventTable table = EventTable.ofRows(query.source(), rows);
        return new ExpressionEvaluator(table, Map.of()).compile(query.steps().get(0).condition()).value(0);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "n = 1 | NULL",
            "n = 1 and i = 8 | false",
            "n = 1 and i = 7 | NULL",
            "n = 1 or i = 7 | true",
            "n = 1 or i = 8 | NULL",
            "not n = 1 | NULL",
            "n is null | true",
            "i in (1, n) | NULL",
            "i in (7, n) | true",
            "i not in (1, 2) | true",
            "i between 7 and 7 | true",
            "i not between 1 and n | NULL",
            "s like 'ab%' | true",
            "s like 'a__c' | true",
            "s like 'AB%' | false",
            "s like 'ab.c' | false",
            "i / 0 is null | true",
            "i / 2 = 3.5 | true",
            "i * 2 - 4 = 10 | true",
            "-i < 0 | true"})
    void threeValuedLogic(String condition, Boolean expected) throws Exception {
        assertThat(evaluate(condition)).isEqualTo(expected);
    }

    @Test
    void integerOverflowIsAnError() {
        assertThatThrownBy(() -> evaluate("i * 9223372036854775807 > 0"))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("integer overflow: 7 * 9223372036854775807");
    }
}
