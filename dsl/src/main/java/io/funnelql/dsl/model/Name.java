package io.funnelql.dsl.model;

import java.util.Locale;
import java.util.Objects;

/**
 * An identifier as written: unquoted names are case-insensitive and kept in lower case, quoted
 * names are exact. The compiler quotes every name it emits and folds unquoted ones the way the
 * target dialect folds them.
 */
public record Name(String value, boolean quoted) {
    public Name {
        Objects.requireNonNull(value, "value is null");
    }

    public static Name unquoted(String text) {
        return new Name(text.toLowerCase(Locale.ROOT), false);
    }

    public static Name quoted(String text) {
        return new Name(text, true);
    }

    /** The name as it reads in a specification. */
    public String display() {
        return quoted ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    @Override
    public String toString() {
        return display();
    }
}
