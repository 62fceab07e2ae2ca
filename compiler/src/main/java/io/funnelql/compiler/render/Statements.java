package io.funnelql.compiler.render;

import io.funnelql.compiler.CompiledQuery;
import io.funnelql.dsl.model.Name;

/** DDL around a compiled query, with the view named after the query and quoted for the target. */
public final class Statements {
    private Statements() {}

    public static String view(CompiledQuery compiled) {
        Name name = compiled.query().name();
        String quoted = compiled.target().sqlDialect().quoteIdentifier(compiled.target().identifier(name.value(), name.quoted()));
        return "CREATE VIEW " + quoted + " AS\n" + compiled.sql();
    }
}
