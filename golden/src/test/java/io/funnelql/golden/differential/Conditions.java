package io.funnelql.golden.differential;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Condition texts over a source shape: step, cohort and return conditions built on a small
 * event-name alphabet (so one row often matches several steps), mixed with property conditions
 * that are NULL on NULL properties (so the null-condition knobs matter).
 */
final class Conditions {
    /** The event names datasets use, most often. "x" matches no plain step condition. */
    static final List<String> EVENT_NAMES = List.of("a", "b", "c", "d", "x");
    /**
     * Rarer event names: beyond ASCII (Latin-1, CJK, an emoji outside the Basic Multilingual Plane,
     * compared by code point) and one with a quote, which a literal escapes as {@code ''}.
     */
    static final List<String> HOSTILE_EVENT_NAMES = List.of("ü", "日本", "🚀", "it's");
    /**
     * The edges of text (issue 21), in literals and in the data: the empty string (NULL on Oracle,
     * docs/dialects.md), line breaks (LF, CR LF) that a renderer must not indent, a tab, control
     * characters (written CHR(n) in the SQL) and a long text.
     */
    static final List<String> EDGE_TEXTS = List.of("", "two\nlines", "cr\r\nlf", "tab\tx", "a\u0001b", "\u001b[0m",
            "\u007f", "long " + "x".repeat(300));

    private Conditions() {}

    /** A step (or cohort, return, retention) condition; the plain {@code event_name = 'a'} form first, for shrinking. */
    static Arbitrary<String> step(SourceShape shape) {
        Arbitrary<String> name = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.of(EVENT_NAMES)),
                Tuple.of(2, Arbitraries.of(HOSTILE_EVENT_NAMES)), Tuple.of(2, Arbitraries.of(EDGE_TEXTS))).map(Conditions::literal);
        Arbitrary<String> equal = name.map(e -> "event_name = " + e);
        Arbitrary<String> in = Combinators.combine(name, name).as((e, f) -> "event_name in (" + e + ", " + f + ")");
        Arbitrary<String> withProperty = Combinators.combine(equal, property(shape)).as((e, p) -> e + " and " + p);
        Arbitrary<String> orProperty = Combinators.combine(equal, property(shape)).as((e, p) -> "(" + e + " or " + p + ")");
        Arbitrary<String> negated = name.map(e -> "not event_name = " + e);
        return Arbitraries.frequencyOf(
                Tuple.of(6, equal),
                Tuple.of(2, in),
                Tuple.of(2, withProperty),
                Tuple.of(1, orProperty),
                Tuple.of(1, negated));
    }

    /** A string literal: quoted, a quote doubled. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** A condition on a column other than event_name: NULL whenever that column is NULL. */
    static Arbitrary<String> property(SourceShape shape) {
        List<String> conditions = new ArrayList<>();
        switch (shape.property()) {
            case TEXT -> conditions.addAll(List.of("platform = 'ios'", "platform <> 'web'", "platform is null",
                    "platform in ('ios', 'android')", "platform like 'i%'", "platform > 'ios'",
                    // Comparisons with '' (Oracle's NULL): the data hold '' now and then too.
                    "platform = ''", "platform <> ''", "platform in ('', 'web')", "platform not in ('', 'ios')",
                    "platform like ''", "platform > ''"));
            case NUMBER -> conditions.addAll(List.of("amount > 2.5", "amount between 0 and 5", "amount * 2 >= 10",
                    "10 / amount > 2", "amount is not null", "amount + 1 <= 1"));
            case NONE -> { }
        }
        if (shape.property() != SourceShape.Property.NONE) {
            conditions.replaceAll(condition -> condition.replaceFirst("^(10 / )?" + shape.property().column,
                    "$1" + Matcher.quoteReplacement(shape.propertyReference())));
        }
        if (shape.title()) {
            conditions.addAll(List.of("title_id = 1", "title_id <> 2"));
        }
        if (shape.tenant()) {
            conditions.add("account_id = 'acme'");
        }
        conditions.add("event_name <> 'x'");
        return Arbitraries.of(conditions);
    }

    /**
     * A where clause, or none (first, and most often: a filter thins the keys out); the last forms bind
     * the parameter {@link GeneratedSpec} declares for it, plain or with interval arithmetic (the
     * parameter lies half a grid unit after the base, so either form cuts the grid's first slot).
     */
    static Arbitrary<String> where(SourceShape shape) {
        String since = ":" + GeneratedSpec.SINCE;
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("")), Tuple.of(4, property(shape).map(p -> "where " + p)),
                Tuple.of(1, Arbitraries.just("where occurred_at >= " + since)),
                Tuple.of(1, Arbitraries.of("where occurred_at > " + since + " - interval 1 second",
                        "where occurred_at + interval 12 hours <= " + since + " + (interval 1 day - interval 1 microsecond)")));
    }

    /** The count by clause, or none (the source's key): the counting unit is the user or the user and title. */
    static Arbitrary<String> countBy(SourceShape shape) {
        return shape.title()
                ? Arbitraries.of("", "count by user_id", "count by user_id, title_id", "count by title_id")
                : Arbitraries.of("", "count by user_id");
    }
}
