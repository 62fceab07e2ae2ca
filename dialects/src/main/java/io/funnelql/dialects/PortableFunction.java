package io.funnelql.dialects;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;

import java.util.EnumMap;
import java.util.Map;

/**
 * A function the plans use whose SQL differs per engine (epoch microseconds, a date in a time
 * zone, integer division, ...). Each target spells it with a template in which {@code {0}},
 * {@code {1}} stand for the operands, so the plan stays engine-neutral and every spelling is in
 * one place ({@link PortableFunctions}).
 */
public final class PortableFunction extends SqlFunction {
    private final Map<TargetDialect, String> templates;

    PortableFunction(String name, SqlReturnTypeInference returnType, Map<TargetDialect, String> templates) {
        super(name, SqlKind.OTHER_FUNCTION, returnType, null, OperandTypes.VARIADIC,
                SqlFunctionCategory.USER_DEFINED_FUNCTION);
        this.templates = new EnumMap<>(templates);
        if (this.templates.size() != TargetDialect.values().length) {
            throw new IllegalArgumentException(name + " needs a template for every target dialect");
        }
    }

    public String template(TargetDialect target) {
        return templates.get(target);
    }

    /** Writes the call in the target's spelling; operands are unparsed in place of their placeholders. */
    void render(TargetDialect target, SqlWriter writer, SqlCall call) {
        String template = templates.get(target);
        StringBuilder text = new StringBuilder();
        int index = 0;
        while (index < template.length()) {
            char c = template.charAt(index);
            if (c == '{' && index + 2 < template.length() && template.charAt(index + 2) == '}') {
                flush(writer, text);
                // A high precedence makes the writer parenthesize compound operands: the template's
                // own operators must not re-associate them.
                call.operand(template.charAt(index + 1) - '0').unparse(writer, 100, 100);
                index += 3;
            } else {
                text.append(c);
                index++;
            }
        }
        flush(writer, text);
        writer.setNeedWhitespace(true);
    }

    private static void flush(SqlWriter writer, StringBuilder text) {
        // The writer inserts the space between tokens itself.
        String segment = text.toString().stripLeading();
        if (!segment.isEmpty()) {
            // Templates are fixed text of this class's constants, never user input.
            writer.print(segment);
        }
        text.setLength(0);
    }
}
