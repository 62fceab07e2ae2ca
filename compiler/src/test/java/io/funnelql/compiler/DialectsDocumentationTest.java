package io.funnelql.compiler;

import io.funnelql.dialects.PortableFunction;
import io.funnelql.dialects.PortableFunctions;
import io.funnelql.dialects.TargetDialect;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/dialects.md shows every portable function's spelling for every target exactly as the code has it. */
class DialectsDocumentationTest {
    @Test
    void everyPortableFunctionIsDocumentedPerTarget() throws Exception {
        String document = Files.readString(Path.of("..", "docs", "dialects.md"));
        int functions = 0;
        for (Field field : PortableFunctions.class.getFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || !(field.get(null) instanceof PortableFunction function)) {
                continue;
            }
            functions++;
            StringBuilder row = new StringBuilder("| " + function.getName() + " |");
            for (TargetDialect target : new TargetDialect[] {TargetDialect.POSTGRES, TargetDialect.DUCKDB, TargetDialect.H2, TargetDialect.ORACLE,
                    TargetDialect.SPARK}) {
                row.append(" `").append(function.template(target).replace("|", "\\|")).append("` |");
            }
            assertThat(document).as("docs/dialects.md row for " + function.getName()).contains(row.toString());
        }
        assertThat(functions).isGreaterThanOrEqualTo(10);
    }
}
