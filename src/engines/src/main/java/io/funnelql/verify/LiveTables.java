package io.funnelql.verify;

import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.Source;
import io.funnelql.dsl.model.TableName;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/**
 * A query moved to another table ({@code --table}): the same query, its source reading
 * {@code table} instead of the table the source declares, so the compiled SQL reads the live table.
 */
public final class LiveTables {
    private LiveTables() {}

    /**
     * Every query kind is a record holding its {@link Source}; the copy differs in that component
     * only, so a kind added later needs nothing here.
     */
    public static Query relocated(Query query, TableName table) {
        Source source = query.source();
        if (source.table().equals(table)) {
            return query;
        }
        Source moved = new Source(source.name(), table, source.key(), source.time(), source.tenant(), source.eventId(),
                source.eventName(), source.columns());
        RecordComponent[] components = query.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = types[i] == Source.class ? moved : components[i].getAccessor().invoke(query);
            }
            return (Query) query.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            Throwable cause = e instanceof InvocationTargetException target ? target.getCause() : e;
            throw new IllegalStateException("cannot move query " + query.name() + " to table " + table + ": " + cause, cause);
        }
    }
}
