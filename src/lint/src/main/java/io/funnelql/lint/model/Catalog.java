package io.funnelql.lint.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The relations a file's statements can name: FunnelQL sources from {@code --schema}, tables
 * declared with CREATE TABLE, and views and tables created from queries earlier in the file.
 * Names are looked up whole ({@code app.events}) and by their last part ({@code events}).
 *
 * <p>Every definition is kept with the count of definitions before it, so {@link #snapshot()} is
 * the catalog as a statement saw it, in constant time: the linter analyses the statements of a
 * large file on all cores, each against the catalog of its place in the file.
 */
public final class Catalog {
    private record Definition(int version, RelationShape shape) {}

    private final Map<String, List<Definition>> byName;
    /** Definitions this catalog sees: all of them for the live catalog, those before a snapshot's for a snapshot. */
    private final int visible;
    private int defined;

    public Catalog() {
        this(new HashMap<>(), Integer.MAX_VALUE);
    }

    private Catalog(Map<String, List<Definition>> byName, int visible) {
        this.byName = byName;
        this.visible = visible;
    }

    /** The catalog as it is now, unchanged by later definitions (which it must not make itself). */
    public Catalog snapshot() {
        Catalog snapshot = new Catalog(byName, defined);
        snapshot.defined = defined;
        return snapshot;
    }

    public void add(String name, RelationShape shape) {
        if (visible != Integer.MAX_VALUE) {
            throw new IllegalStateException("a snapshot of the catalog is read-only");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        Definition definition = new Definition(++defined, shape);
        byName.computeIfAbsent(lower, key -> new ArrayList<>()).add(definition);
        int dot = lower.lastIndexOf('.');
        if (dot >= 0) {
            List<Definition> byLastPart = byName.computeIfAbsent(lower.substring(dot + 1), key -> new ArrayList<>());
            if (byLastPart.isEmpty()) {
                byLastPart.add(definition); // the whole name's definition wins over a later one's last part
            }
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
        Optional<RelationShape> shape = visibleShape(lower);
        if (shape.isEmpty() && lower.lastIndexOf('.') >= 0) {
            shape = visibleShape(lower.substring(lower.lastIndexOf('.') + 1));
        }
        return shape;
    }

    private Optional<RelationShape> visibleShape(String name) {
        List<Definition> definitions = byName.get(name);
        if (definitions == null) {
            return Optional.empty();
        }
        for (int i = definitions.size() - 1; i >= 0; i--) {
            if (definitions.get(i).version() <= visible) {
                return Optional.of(definitions.get(i).shape());
            }
        }
        return Optional.empty();
    }
}
