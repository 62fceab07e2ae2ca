package io.funnelql.compiler.render;

import io.funnelql.compiler.CompiledQuery;
import io.funnelql.compiler.incremental.IncrementalScript;
import io.funnelql.dialects.TargetDialect;
import io.funnelql.dsl.model.Parameter;
import io.funnelql.dsl.model.Query;

import java.time.Duration;
import java.util.List;

/**
 * Compiled SQL as the commands (and the test kit's failures) print it: a header naming the target
 * and the bind placeholders, then the statement.
 */
public final class SqlText {
    private SqlText() {}

    public static String withHeader(CompiledQuery compiled) {
        return header(compiled) + compiled.sql() + ";\n";
    }

    public static String header(CompiledQuery compiled) {
        return title(compiled.query(), compiled.target(), "") + binds(compiled.bindParameters());
    }

    /**
     * The incremental maintenance script: the statements to run once, then, as a commented
     * template, the statements to run in one transaction after each batch, each with its binds.
     */
    public static String incremental(IncrementalScript script) {
        StringBuilder text = new StringBuilder(title(script.query(), script.target(), ", maintained incrementally in table "
                + script.sessionTable()));
        script.query().lateness().ifPresent(lateness -> text.append("-- Events may arrive up to ")
                .append(readable(lateness)).append(" late.\n"));
        text.append("-- Run once:\n");
        for (IncrementalScript.Statement statement : script.setup()) {
            text.append("-- ").append(statement.purpose()).append('\n').append(statement.sql()).append(";\n");
        }
        text.append("-- Run after each batch of events is inserted, in one transaction, with :batch_start and :batch_end\n"
                + "-- bounding the batch's event times (an event may be up to the lateness older than :batch_start):\n");
        for (IncrementalScript.Statement statement : script.batch()) {
            text.append("-- ").append(statement.purpose()).append('\n').append(binds(statement.binds()))
                    .append(statement.sql()).append(";\n");
        }
        return text.toString();
    }

    private static String readable(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 3600 == 0 ? seconds / 3600 + " hour(s)" : seconds % 60 == 0 ? seconds / 60 + " minute(s)"
                : duration.toNanos() / 1000 + " microsecond(s)";
    }

    private static String title(Query query, TargetDialect target, String form) {
        StringBuilder text = new StringBuilder();
        text.append("-- FunnelQL: ").append(query.kind()).append(' ')
                .append(oneLine(query.name().display())).append(" for ").append(target.productName()).append(form);
        target.testedOnNote().ifPresent(note -> text.append(" (").append(note).append(')'));
        return text.append('\n').toString();
    }

    private static String binds(List<Parameter> parameters) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parameters.size(); i++) {
            Parameter parameter = parameters.get(i);
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
