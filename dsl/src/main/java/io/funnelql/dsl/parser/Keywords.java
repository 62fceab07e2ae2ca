package io.funnelql.dsl.parser;

import io.funnelql.dsl.grammar.FunnelQLLexer;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The language's keywords. The grammar declares them in one alphabetical block, AFTER to ZONE,
 * and lists every one of them as non-reserved, so any keyword can also name a column.
 */
public final class Keywords {
    private Keywords() {}

    public static boolean isKeyword(int tokenType) {
        return tokenType >= FunnelQLLexer.AFTER && tokenType <= FunnelQLLexer.ZONE;
    }

    /** Every keyword, lower case, in declaration order. */
    public static List<String> all() {
        return IntStream.rangeClosed(FunnelQLLexer.AFTER, FunnelQLLexer.ZONE)
                .mapToObj(type -> FunnelQLLexer.VOCABULARY.getSymbolicName(type).toLowerCase(Locale.ROOT))
                .toList();
    }
}
