package io.funnelql.lint.model;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The relations a file's statements can name: FunnelQL sources from {@code --schema}, tables
 * declared with CREATE TABLE, and views and tables created from queries earlier in the file.
 * Names are looked up whole ({@code app.events}) and by their last part ({@code events}).
 */
public final class Catalog {
    private final Map<String, RelationShape> byName = new HashMap<>();

    public void add(String name, RelationShape shape) {
        String lower = name.toLowerCase(Locale.ROOT);
        byName.put(lower, shape);
        int dot = lower.lastIndexOf('.');
        if (dot >= 0) {
            byName.putIfAbsent(lower.substring(dot + 1), shape);
        }
    }

    /** A unique key declared after the relation (CREATE UNIQUE INDEX); nothing when the relation is unknown. */
    public void addKey(String name, Set<String> key) {
        lookup(name).ifPresent(shape -> {
            List<Set<String>> keys = new ArrayList<>(shape.uniqueKeys());
            keys.add(key);
            add(name, new RelationShape(shape.origin(), shape.columns(), keys, shape.timeColumn(), shape.fanOuts(), shape.facts()));
        });
    }

    public Optional<RelationShape> lookup(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        RelationShape shape = byName.get(lower);
        if (shape == null && lower.lastIndexOf('.') >= 0) {
            shape = byName.get(lower.substring(lower.lastIndexOf('.') + 1));
        }
        return Optional.ofNullable(shape);
    }
}
