package io.funnelql.cli;

import io.funnelql.compiler.CompiledQuery;
import io.funnelql.dsl.model.Parameter;

/**
 * Compiled SQL as the commands (and the test kit's failures) print it: a header naming the target
 * and the bind placeholders, then the statement.
 */
public final class SqlText {
    private SqlText() {}

    public static String withHeader(CompiledQuery compiled) {
        return header(compiled) + compiled.sql() + ";\n";
    }

    static String header(CompiledQuery compiled) {
        StringBuilder text = new StringBuilder();
        text.append("-- FunnelQL: ").append(compiled.query().kind()).append(' ')
                .append(oneLine(compiled.query().name().display())).append(" for ").append(compiled.target().productName());
        if (compiled.target() == io.funnelql.dialects.TargetDialect.ORACLE) {
            text.append(" (tested on H2's Oracle mode, not on a real Oracle)");
        }
        text.append('\n');
        for (int i = 0; i < compiled.bindParameters().size(); i++) {
            Parameter parameter = compiled.bindParameters().get(i);
            text.append("-- bind ").append(i + 1).append(": :").append(oneLine(parameter.name().display()))
                    .append(" (").append(parameter.type().displayName()).append(")\n");
        }
        return text.toString();
    }

    /** A name inside a comment must not end the comment line. */
    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]", " ");
    }
}
