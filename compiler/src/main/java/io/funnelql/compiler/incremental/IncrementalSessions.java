package io.funnelql.compiler.incremental;

import io.funnelql.compiler.CompilationException;
import io.funnelql.compiler.CompiledQuery;
import io.funnelql.compiler.SqlCompiler;
import io.funnelql.compiler.plan.sessions.SessionsPlanner;
import io.funnelql.dialects.TargetDialect;
import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.DataType;
import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Parameter;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.SessionsQuery;
import io.funnelql.dsl.model.SessionsReport;
import io.funnelql.dsl.model.Source;
import io.funnelql.dsl.model.TableName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Incremental maintenance of a sessions query's table (docs/dialects.md, "Incremental sessions").
 * After a batch of events has been inserted, the batch's statements find the keys with events
 * in [:batch_start - lateness, :batch_end), and for each such key the earliest session a new
 * event can touch: the first stored session that ends at most one gap before the key's earliest
 * event in that range (sessions ending earlier cannot change, since a later event is more than a
 * gap after them). From that session's start on, the key's sessions are deleted and computed
 * again from the events table, numbered on from the sessions kept. Nothing else is rewritten,
 * and running a batch twice computes the same rows again.
 */
public final class IncrementalSessions {
    public static final Parameter BATCH_START = new Parameter(Name.unquoted("batch_start"), DataType.TIMESTAMP, Optional.empty());
    public static final Parameter BATCH_END = new Parameter(Name.unquoted("batch_end"), DataType.TIMESTAMP, Optional.empty());

    static final String RESTART = "restart_time";
    static final String BATCH_END_COLUMN = "batch_end";
    static final String NUMBER_OFFSET = "number_offset";

    private IncrementalSessions() {}

    public static IncrementalScript compile(Query query, TargetDialect target, Map<Name, Object> inlined) {
        if (!(query instanceof SessionsQuery sessions)) {
            throw new CompilationException("--as incremental maintains a session table; " + query.kind() + " "
                    + query.name().display() + " is not a sessions query (a view or materialized view refreshes it instead)");
        }
        if (sessions.report() != SessionsReport.SESSIONS) {
            throw new CompilationException("--as incremental maintains one row per session; sessions "
                    + query.name().display() + " reports events: write `report sessions`");
        }
        target.incrementalRefusal().ifPresent(reason -> {
            throw new CompilationException("--as incremental for " + target.productName() + ": " + reason);
        });
        Names names = new Names(sessions, target);
        CompiledQuery full = SqlCompiler.compile(sessions, target, inlined);
        List<String> keyColumns = sessions.partitionKey().stream().map(column -> column.name().value()).toList();

        Column restart = new Column(unusedName(sessions.source(), "funnelql_restart_time"), DataType.TIMESTAMP);
        Column offset = new Column(unusedName(sessions.source(), "funnelql_number_offset"), DataType.BIGINT);
        List<Column> batchColumns = new ArrayList<>(sessions.source().columns());
        batchColumns.add(restart);
        batchColumns.add(offset);
        Source source = sessions.source();
        Source batchSource = new Source(source.name(), new TableName(List.of(names.batchEvents)), source.key(), source.time(),
                source.tenant(), source.eventId(), source.eventName(), batchColumns);
        SessionsQuery overBatch = new SessionsQuery(sessions.name(), batchSource, sessions.countBy(), sessions.filter(),
                sessions.gap(), sessions.maxLength(), sessions.lateness(), sessions.report());
        CompiledQuery recompute = SqlCompiler.compileIncrement(overBatch, target, inlined, new SessionsPlanner.Increment(restart, offset));
        DirtyKeys.Rendered dirty = DirtyKeys.render(sessions, target, names.sessionTableName);

        List<IncrementalScript.Statement> setup = List.of(
                new IncrementalScript.Statement("the session table", "CREATE TABLE " + names.sessionTable + " ("
                        + full.columns().stream().map(column -> quoted(target, column.name()) + " " + target.columnType(column.type()))
                        .collect(Collectors.joining(", ")) + ")", List.of()),
                new IncrementalScript.Statement("the keys a batch touches, from where they are recomputed",
                        "CREATE TABLE " + names.dirtyKeys + " (" + dirtyKeyColumns(sessions, target) + ")", List.of()),
                new IncrementalScript.Statement("the events a batch sessionizes again", "CREATE VIEW " + names.batchEventsTable
                        + " AS\n" + batchEventsView(sessions, target, names, keyColumns, restart, offset), List.of()));
        String columnList = full.columns().stream().map(column -> quoted(target, column.name())).collect(Collectors.joining(", "));
        List<IncrementalScript.Statement> batch = List.of(
                new IncrementalScript.Statement("forget the previous batch's keys", "DELETE FROM " + names.dirtyKeys, List.of()),
                new IncrementalScript.Statement("the touched keys and the session each is recomputed from",
                        "INSERT INTO " + names.dirtyKeys + " (" + keyColumns.stream().map(column -> quoted(target, column))
                                .collect(Collectors.joining(", ")) + ", " + quoted(target, RESTART) + ", "
                                + quoted(target, BATCH_END_COLUMN) + ", " + quoted(target, NUMBER_OFFSET) + ")\n" + dirty.sql(),
                        dirty.binds()),
                new IncrementalScript.Statement("drop the sessions that are recomputed", "DELETE FROM " + names.sessionTable
                        + " WHERE EXISTS (SELECT 1 FROM " + names.dirtyKeys + " " + quoted(target, "d") + " WHERE "
                        + keyColumns.stream().map(column -> quoted(target, "d") + "." + quoted(target, column) + " = "
                                + names.sessionTable + "." + quoted(target, column)).collect(Collectors.joining(" AND "))
                        + " AND " + names.sessionTable + "." + quoted(target, "session_start") + " >= " + quoted(target, "d") + "."
                        + quoted(target, RESTART) + ")", List.of()),
                new IncrementalScript.Statement("insert them computed again", "INSERT INTO " + names.sessionTable + " ("
                        + columnList + ")\n" + recompute.sql(), recompute.bindParameters()));
        return new IncrementalScript(sessions, target, names.sessionTable, names.dirtyKeys, names.batchEventsTable, setup, batch);
    }

    /**
     * The touched keys' events from their restart on, before :batch_end, and the earlier rows that
     * repeat one of their event ids (so the first occurrence is the one kept), each with its
     * key's restart time and session count before it.
     */
    private static String batchEventsView(SessionsQuery sessions, TargetDialect target, Names names, List<String> keyColumns,
            Column restart, Column offset) {
        Source source = sessions.source();
        String sourceTable = source.table().parts().stream().map(part -> target.quotedIdentifier(part.value(), part.quoted()))
                .collect(Collectors.joining("."));
        String e = quoted(target, "e");
        String d = quoted(target, "d");
        String time = e + "." + column(target, source.time());
        List<Column> keys = sessions.partitionKey();
        String keysMatch = "";
        for (int i = 0; i < keys.size(); i++) {
            keysMatch += (i == 0 ? "" : " AND ") + e + "." + column(target, keys.get(i)) + " = " + d + "." + quoted(target, keyColumns.get(i));
        }
        String inRange = time + " >= " + d + "." + quoted(target, RESTART);
        if (source.eventId().isPresent()) {
            String later = quoted(target, "later");
            String laterMatch = "";
            for (Column key : keys) {
                laterMatch += later + "." + column(target, key) + " = " + e + "." + column(target, key) + " AND ";
            }
            inRange = "(" + inRange + " OR " + e + "." + column(target, source.eventId().get()) + " IN (SELECT "
                    + later + "." + column(target, source.eventId().get()) + " FROM " + sourceTable + " " + later + " WHERE "
                    + laterMatch + later + "." + column(target, source.time()) + " >= " + d + "." + quoted(target, RESTART)
                    + " AND " + later + "." + column(target, source.time()) + " < " + d + "." + quoted(target, BATCH_END_COLUMN) + "))";
        }
        return "SELECT " + source.columns().stream().map(column -> e + "." + column(target, column)).collect(Collectors.joining(", "))
                + ", " + d + "." + quoted(target, RESTART) + " AS " + column(target, restart)
                + ", " + d + "." + quoted(target, NUMBER_OFFSET) + " AS " + column(target, offset)
                + "\nFROM " + sourceTable + " " + e + "\nJOIN " + names.dirtyKeys + " " + d + " ON " + keysMatch
                + "\nWHERE " + time + " < " + d + "." + quoted(target, BATCH_END_COLUMN) + " AND " + inRange;
    }

    private static String dirtyKeyColumns(SessionsQuery sessions, TargetDialect target) {
        List<String> columns = new ArrayList<>();
        for (Column key : sessions.partitionKey()) {
            columns.add(quoted(target, key.name().value()) + " " + target.columnType(key.type()));
        }
        String timestamp = target.columnType(DataType.TIMESTAMP);
        columns.add(quoted(target, RESTART) + " " + timestamp);
        columns.add(quoted(target, BATCH_END_COLUMN) + " " + timestamp);
        columns.add(quoted(target, NUMBER_OFFSET) + " " + target.columnType(DataType.BIGINT));
        return String.join(", ", columns);
    }

    /** A name no source column has, so the view's two extra columns never hide one. */
    private static Name unusedName(Source source, String wanted) {
        String name = wanted;
        for (int suffix = 2; source.column(Name.unquoted(name)).isPresent() || source.column(Name.quoted(name)).isPresent(); suffix++) {
            name = wanted + "_" + suffix;
        }
        return Name.unquoted(name);
    }

    /** An output column or work-table column: exact, as the compiled query names its output. */
    static String quoted(TargetDialect target, String name) {
        return target.quotedIdentifier(name, true);
    }

    /** A source column as the database names it. */
    private static String column(TargetDialect target, Column column) {
        return target.quotedIdentifier(column.name().value(), column.name().quoted());
    }

    /** The session table is named after the query; its two work objects after the table. */
    private static final class Names {
        final String sessionTableName;
        final String sessionTable;
        final Name batchEvents;
        final String batchEventsTable;
        final String dirtyKeys;

        Names(SessionsQuery query, TargetDialect target) {
            Name name = query.name();
            this.sessionTableName = target.identifier(name.value(), name.quoted());
            this.sessionTable = target.quotedIdentifier(name.value(), name.quoted());
            this.batchEvents = new Name(name.value() + "_batch_events", name.quoted());
            this.batchEventsTable = target.quotedIdentifier(batchEvents.value(), batchEvents.quoted());
            this.dirtyKeys = target.quotedIdentifier(name.value() + "_dirty_keys", name.quoted());
        }
    }
}
