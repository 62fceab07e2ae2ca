package io.funnelql.dsl;

import io.funnelql.dsl.diagnostic.Diagnostic;
import io.funnelql.dsl.diagnostic.InvalidSpecificationException;
import io.funnelql.dsl.diagnostic.SourceFile;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every error the front end reports, as (input, exact messages) pairs. An input is a statement
 * that follows a one-line source declaration (so it starts on line 2), or, wrapped in
 * {@code whole(...)}, a complete file.
 */
class ErrorMessagesTest {
    private static final String SOURCE = "source events from table app.events (key user_id, time occurred_at, "
            + "tenant account_id, columns (event_name varchar, amount bigint, platform varchar));\n";
    private static final String WHOLE_FILE = "whole file:";

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactly(String input, List<String> expected) {
        String text = input.startsWith(WHOLE_FILE) ? input.substring(WHOLE_FILE.length()) : SOURCE + input;
        InvalidSpecificationException error = catchThrowableOfType(InvalidSpecificationException.class,
                () -> SpecificationLoader.load(new SourceFile("test.fql", text)));
        assertThat(error).as("expected errors for: %s", input).isNotNull();
        assertThat(error.diagnostics()).map(Diagnostic::toString).containsExactlyElementsOf(expected);
    }

    private static String whole(String file) {
        return WHOLE_FILE + file;
    }

    private static Arguments arguments(String input, String... messages) {
        return Arguments.of(input, List.of(messages));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("paths p from events start at event_name = 'a';",
                        "line 2:1: paths p has no node column: source events declares no event name; add: node <varchar column>,"
                                + " or declare: event name <column> in the source"),
                arguments("paths p from events node platform start at event_name = 'a' within 1 month;",
                        "line 2:68: a path window of 1 month is ambiguous: a month has no fixed length (28 to 31 days);"
                                + " write days or weeks instead, e.g. 30 days"),
                arguments("paths p from events node platform start at event_name = 'a' within session gap 0 seconds depth 0;",
                        "line 2:80: a session gap must be positive, found 0 seconds",
                        "line 2:96: depth must be 1 to 20, found 0"),
                arguments("paths p from events node platform start at event_name = 'a' clean ('': amount, 'x': platform = 'y');",
                        "line 2:68: a node label must not be empty",
                        "line 2:72: a clean condition must be boolean, found bigint"),
                arguments("paths p from events node plat start at event_name = 'a' depth 2 depth 3;",
                        "line 2:26: unknown column plat in source events",
                        "line 2:65: duplicate 'depth' clause (first at line 2:57)"),
                arguments("paths p from events node platform start at event_name = 'a' top 99999999999999999999;",
                        "line 2:65: number 99999999999999999999 is too large"),
                arguments("paths p from events node platform start event_name = 'a';",
                        "line 2:41: mismatched input 'event_name'. Expecting: 'at'"),
                arguments("funnel f from events within 1 hour from first step steps (a: event_name = 'x')",
                        "line 2:79: unexpected end of input. Expecting: ';'"),
                arguments("funnel f from events within 1 hour from first step steps (a: event_name = 'x');;",
                        "line 2:80: mismatched input ';'. Expecting: 'funnel', 'metric', 'param', 'paths', 'retention', 'sequence', 'sessions', 'source'"),
                arguments("funnel f from events within 1 hour from first step steps (a: event_name = 'x' and);",
                        "line 2:82: mismatched input ')'. Expecting: <expression>"),
                arguments("funnel f from events within 1 hour from first step steps (a: event_name = 'x) ;",
                        "line 2:75: unterminated string literal: a string ends with '"),
                arguments("funnel f from events within 1 hour from first step steps (a: event_name = 'x' # 1);",
                        "line 2:79: unexpected character '#'"),
                arguments("funnel f from events within 1 hour from start step steps (a: event_name = 'x');",
                        "line 2:41: mismatched input 'start'. Expecting: 'first', 'previous'"),
                arguments("funnel f from events within -1 hour from first step steps (a: event_name = 'x');",
                        "line 2:29: mismatched input '-'. Expecting: <integer>"),
                arguments("funnel f from events within 1 fortnight from first step steps (a: event_name = 'x');",
                        "line 2:31: mismatched input 'fortnight'. Expecting: 'day', 'hour', 'microsecond', 'millisecond', 'minute', 'month', 'second', 'week', 'year'"),
                arguments("funnel f from events entry sometimes within 1 hour from first step steps (a: event_name = 'x');",
                        "line 2:28: mismatched input 'sometimes'. Expecting: 'every', 'first', 'latest'"),
                arguments("funnel from events within 1 hour from first step steps (a: event_name = 'x');",
                        "line 2:13: mismatched input 'events'. Expecting: 'from'"),
                arguments("funnel f from events within 1 hour from first step steps ();",
                        "line 2:59: mismatched input ')'. Expecting: <identifier>"),
                arguments("funnel f from events count by within 1 hour from first step steps (a: event_name = 'x');",
                        "line 2:38: mismatched input '1'. Expecting: ',', ';', 'breakdown', 'count', 'entry', 'exclude', 'mode', 'null', 'profile', 'report', 'steps', 'ties', 'where', 'within'"),
                arguments("funnel f from evnts within 1 hour from first step steps (a: event_name = 'x');",
                        "line 2:15: unknown source evnts; did you mean 'events'?"),
                arguments("funnel f from events within 1 hour from first step steps (a: evnt_name = 'x');",
                        "line 2:62: unknown column evnt_name in source events; did you mean 'event_name'?"),
                arguments("funnel f from events within 1 hour from first step steps (a: event_name = :start);",
                        "line 2:76: unknown parameter :start (declare it with: param start <type>;)"),
                arguments("funnel f from events within 1 hour from first step steps (a: event_name = 5);",
                        "line 2:62: cannot compare varchar with bigint (=)"),
                arguments("funnel f from events within 1 hour from first step steps (a: amount > 'x');",
                        "line 2:62: cannot compare bigint with varchar (>)"),
                arguments("funnel f from events within 1 hour from first step steps (a: event_name);",
                        "line 2:62: a step condition must be boolean, found varchar"),
                arguments("funnel f from events within 1 hour from first step steps (a: amount like 'x%');",
                        "line 2:62: like needs a varchar operand, found bigint"),
                arguments("funnel f from events within 1 hour from first step steps (a: occurred_at >= '2024-01-01');",
                        "line 2:62: cannot compare timestamp with varchar (>=); write a timestamp literal, e.g. timestamp '2024-01-01 00:00:00'"),
                arguments("funnel f from events within 1 hour from first step steps (a: occurred_at >= timestamp '2024-13-01');",
                        "line 2:77: invalid timestamp literal '2024-13-01': expected yyyy-mm-dd hh:mm:ss[.ffffff]"),
                arguments("funnel f from events within 1 hour from first step steps (a: event_name = 'x', a: event_name = 'y');",
                        "line 2:80: duplicate step a (first at line 2:59)"),
                arguments("funnel f from events within 1 month from first step steps (a: event_name = 'x');",
                        "line 2:29: a funnel window of 1 month is ambiguous: a month has no fixed length (28 to 31 days); write days or weeks instead, e.g. 30 days"),
                arguments("funnel f from events within 1 year from first step steps (a: event_name = 'x');",
                        "line 2:29: a funnel window of 1 year is ambiguous: a year has no fixed length (365 or 366 days); write days or weeks instead, e.g. 30 days"),
                // A window of 0 is allowed (steps at the same time convert), but not exclusive: it would admit nothing.
                arguments("funnel f from events within 0 minutes from first step exclusive steps (a: event_name = 'x');",
                        "line 2:29: an exclusive funnel window of 0 minutes admits no step after the first (a step must"
                                + " come less than 0 after it); write 'within 0 seconds' (inclusive: steps at the same time"
                                + " convert) or a positive window"),
                // ClickHouse's own tests use this window (seconds): past 2^63 microseconds, no engine's interval holds it.
                arguments("funnel f from events within 6048000000000000 seconds from first step steps (a: event_name = 'x');",
                        "line 2:29: a funnel window of 6048000000000000 seconds is too long: the longest is"
                                + " 9223372036854775807 microseconds (106751991 days, about 292 271 years), the longest"
                                + " interval every engine holds; any length from 146 135 years up already covers every"
                                + " pair of timestamps"),
                arguments("sessions s from events gap 106751992 days;",
                        "line 2:28: a session gap of 106751992 days is too long: the longest is"
                                + " 9223372036854775807 microseconds (106751991 days, about 292 271 years), the longest"
                                + " interval every engine holds; any length from 146 135 years up already covers every"
                                + " pair of timestamps"),
                arguments("funnel f from events within 9223372036854775807 weeks from first step steps (a: event_name = 'x');",
                        "line 2:29: a funnel window of 9223372036854775807 weeks is too long: the longest is"
                                + " 9223372036854775807 microseconds (106751991 days, about 292 271 years), the longest"
                                + " interval every engine holds; any length from 146 135 years up already covers every"
                                + " pair of timestamps"),
                // A NUL in a string or a quoted name: refused where it stands (line and column of the character).
                arguments("funnel f from events within 1 hour from first step steps (a: event_name = 'x\u0000y');",
                        "line 2:77: a NUL character (U+0000) cannot be part of a string: no engine keeps it (PostgreSQL"
                                + " rejects it, DuckDB ends the statement there); remove it"),
                arguments("funnel f from events within 1 hour from first step steps (\"a\nb\u0000\": event_name = 'x');",
                        "line 3:2: a NUL character (U+0000) cannot be part of a quoted name: no engine keeps it"
                                + " (PostgreSQL rejects it, DuckDB ends the statement there); remove it"),
                arguments("funnel f from events steps (a: event_name = 'x');",
                        "line 2:1: funnel f has no window; add: within <duration> from first step"),
                arguments("funnel f from events within 1 hour from first step;",
                        "line 2:1: funnel f has no steps; add: steps (name: condition, ...)"),
                arguments("funnel f from events within 1 hour from first step mode strict_ordr steps (a: event_name = 'x');",
                        "line 2:57: unknown mode 'strict_ordr'; did you mean 'strict_order'? Valid modes: strict_deduplication (alias strict), strict_order, strict_increase, strict_once, allow_reentry, timestamp_dedup"),
                arguments("funnel f from events within 1 hour from first step mode allow_reentry steps (a: event_name = 'x');",
                        "line 2:52: mode allow_reentry needs strict_order in the clickhouse profile (windowFunnel rejects it alone); add strict_order or use profile duckdb_behavioral"),
                arguments("funnel f from events within 1 hour from first step mode timestamp_dedup steps (a: event_name = 'x');",
                        "line 2:52: mode timestamp_dedup exists only in the duckdb_behavioral profile; ClickHouse's windowFunnel has no such option"),
                arguments("funnel f from events within 1 hour from first step mode strict_order, strict_order steps (a: event_name = 'x');",
                        "line 2:71: mode strict_order is listed twice"),
                arguments("funnel f from events within 1 hour from first step mode strict_increase ties allowed steps (a: event_name = 'x');",
                        "line 2:73: 'ties allowed' contradicts mode strict_increase, which needs each step strictly after the previous one; remove one of them"),
                arguments("funnel f from events within 1 hour from first step profile duckdb steps (a: event_name = 'x');",
                        "line 2:60: unknown profile 'duckdb'. Valid profiles: clickhouse, duckdb_behavioral"),
                arguments("funnel f from events within 1 hour from first step within 2 hours from first step steps (a: event_name = 'x');",
                        "line 2:52: duplicate 'within' clause (first at line 2:22)"),
                arguments("funnel f from events within 1 hour from first step steps (a: event_name = 'a', b: event_name = 'b') exclude r: event_name = 'r' between b and a;",
                        "line 2:137: exclusion r must lie between an earlier and a later step: b is step 2 and a is step 1"),
                arguments("funnel f from events within 1 hour from first step steps (a: event_name = 'a', b: event_name = 'b') exclude r: event_name = 'r' between a and c;",
                        "line 2:143: unknown step c"),
                arguments("funnel f from events within 1 hour from first step steps (a: event_name = 'a') exclude r: event_name = 'r';",
                        "line 2:80: an exclusion needs a funnel of at least two steps to lie between"),
                arguments("funnel f from events within 1 hour from first step steps (a: event_name = 'a') breakdown by platfrm attributed to first step;",
                        "line 2:93: unknown column platfrm in source events; did you mean 'platform'?"),
                arguments("funnel f from events within 1 hour from first step steps (a: event_name = 'a') breakdown by platform attributed to step z;",
                        "line 2:121: unknown step z"),
                arguments("funnel f from events count by account_id, user_id within 1 hour from first step steps (a: event_name = 'a');",
                        "line 2:31: account_id is the source's tenant column and is always part of the key; list only the other key columns"),
                arguments("funnel f from events count by user_id, user_id within 1 hour from first step steps (a: event_name = 'a');",
                        "line 2:40: column user_id is listed twice"),
                arguments("funnel f from events within 99999999999999999999 hours from first step steps (a: event_name = 'a');",
                        "line 2:29: number 99999999999999999999 is too large"),
                arguments("funnel f from events within 1 hour from first step steps (a: amount > 99999999999999999999);",
                        "line 2:71: integer 99999999999999999999 is out of range (at most 9223372036854775807)"),
                arguments("sessions s from events report sessions;",
                        "line 2:1: sessions s has no gap; add: gap <duration>, e.g. gap 30 minutes"),
                arguments("sessions s from events gap 1 month;",
                        "line 2:28: a session gap of 1 month is ambiguous: a month has no fixed length (28 to 31 days); write days or weeks instead, e.g. 30 days"),
                arguments("sessions s from events gap 30 minutes max length 0 hours;",
                        "line 2:50: a maximum session length must be positive, found 0 hours"),
                arguments("retention r from events cohort first event_name = 'a' return event_name = 'b' offsets 1;",
                        "line 2:1: retention r has no period; add: period day | week | month, or period rolling <duration>"),
                arguments("retention r from events cohort first event_name = 'a' return event_name = 'b' period week offsets 3 to 1;",
                        "line 2:91: offsets 3 to 1 is empty: the first offset must not exceed the last"),
                arguments("retention r from events cohort first event_name = 'a' return event_name = 'b' period week offsets 1, 1;",
                        "line 2:91: offset 1 is listed twice"),
                arguments("retention r from events cohort first event_name = 'a' return event_name = 'b' period week time zone 'Mars/Base' offsets 1;",
                        "line 2:91: unknown time zone 'Mars/Base'. Use a region name such as 'Europe/Berlin' or 'UTC'."),
                arguments("retention r from events cohort first event_name = 'a' return event_name = 'b' period rolling 24 hours time zone 'UTC' offsets 1;",
                        "line 2:103: a time zone applies to calendar periods; a rolling period is measured from each key's cohort event"),
                arguments("retention r from events conditions (a: event_name = 'a');",
                        "line 2:25: a condition-list retention takes 2 to 32 conditions, found 1"),
                arguments("retention r from events conditions (a: event_name = 'a', b: event_name = 'b') period week;",
                        "line 2:79: 'period' does not apply to a condition-list retention (conditions (...)); remove it or use cohort/return instead of conditions"),
                arguments("retention r from events return event_name = 'b' period week offsets 1;",
                        "line 2:1: retention r has no cohort; add: cohort first <condition> (or list conditions (...) for ClickHouse's retention())"),
                arguments(whole("source events from table t (key user_id, time occurred_at, columns (occurred_at varchar));"),
                        "line 1:47: time column occurred_at must be a timestamp, found varchar"),
                arguments(whole("source events from table t (time occurred_at);"),
                        "line 1:1: source events declares no key column; add: key <column>"),
                arguments(whole("source events from table t (key user_id, key other, time ts);"),
                        "line 1:42: duplicate 'key' in source events (first declared at line 1:29)"),
                arguments(whole("source events from table t (key user_id, time ts, columns (a bigint, a varchar));"),
                        "line 1:70: duplicate column a (first declared at line 1:60)"),
                arguments(whole("source events from table t (key user_id, time ts timestamp, columns (ts bigint));"),
                        "line 1:47: time column ts must be a timestamp, found bigint",
                        "line 1:50: column ts is declared bigint at line 1:70 and timestamp here"),
                arguments(whole("source events from table t (key user_id, tenant user_id, time ts);"),
                        "line 1:49: the tenant column cannot also be the key column"),
                arguments(whole("source events from table t (key user_id, time ts);\nsource events from table u (key user_id, time ts);"),
                        "line 2:8: duplicate name events: already declared at line 1:8"),
                arguments(whole("param p timestamp default 'x';"),
                        "line 1:27: default of parameter p must be a timestamp, found varchar"),
                arguments(whole("param p bigint default 'x';\nparam p bigint;"),
                        "line 1:24: default of parameter p must be a bigint, found varchar",
                        "line 2:7: duplicate name p: already declared at line 1:7"),
                arguments(whole("source events from table t (key user_id, time ts, columns (a varchar);"),
                        "line 1:70: mismatched input ';'. Expecting: ')', ','")
        );
    }
}
