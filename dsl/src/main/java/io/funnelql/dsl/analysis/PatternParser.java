package io.funnelql.dsl.analysis;

import io.funnelql.dsl.ast.SequenceClause;
import io.funnelql.dsl.model.Micros;
import io.funnelql.dsl.model.PatternElement;
import io.funnelql.dsl.model.Profile;
import io.funnelql.dsl.model.SequenceCondition;
import io.funnelql.dsl.model.SequencePattern;
import io.funnelql.dsl.model.TimeComparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a sequence pattern as ClickHouse's sequenceMatch writes it ({@code (?1).*(?2)(?t<=3600)(?3)}),
 * plus conditions by name ({@code (?cart)}), a unit after a time constraint's number ({@code s},
 * {@code m}, {@code h}, {@code d}) and spaces between elements. Each error points at the
 * character inside the pattern where what was expected is missing; one error per pattern.
 */
final class PatternParser {
    private static final String ELEMENTS = "(?N), (?name), (?t<=N), '.' or '.*'";

    private final SequenceClause.Pattern clause;
    private final List<SequenceCondition> conditions;
    private final Profile profile;
    private final Diagnostics diagnostics;
    private final String text;
    private int position;

    PatternParser(SequenceClause.Pattern clause, List<SequenceCondition> conditions, Profile profile, Diagnostics diagnostics) {
        this.clause = clause;
        this.conditions = conditions;
        this.profile = profile;
        this.diagnostics = diagnostics;
        this.text = clause.text();
    }

    /** The pattern, or empty when an error has been reported. */
    Optional<SequencePattern> parse() {
        try {
            List<PatternElement> elements = new ArrayList<>();
            List<Integer> starts = new ArrayList<>();
            while (skipSpaces()) {
                starts.add(position);
                elements.add(element());
            }
            checkPlacement(elements, starts);
            return Optional.of(new SequencePattern(text, elements));
        } catch (PatternError error) {
            diagnostics.error(clause.at(error.index), error.getMessage());
            return Optional.empty();
        }
    }

    private PatternElement element() {
        char c = text.charAt(position);
        if (c == '.') {
            position++;
            if (position < text.length() && text.charAt(position) == '*') {
                position++;
                return new PatternElement.AnyEvents();
            }
            return new PatternElement.AnyEvent();
        }
        if (c == ')') {
            throw new PatternError(position, "unbalanced ')': no '(?' before it to close");
        }
        if (c != '(') {
            throw new PatternError(position, "unexpected '" + c + "' in the pattern: expected " + ELEMENTS);
        }
        int open = position;
        position++;
        if (position >= text.length() || text.charAt(position) != '?') {
            throw new PatternError(position, "expected '?' after '(': a pattern element is " + ELEMENTS);
        }
        position++;
        PatternElement element;
        if (position + 1 < text.length() && text.charAt(position) == 't' && isComparisonStart(text.charAt(position + 1))) {
            position++;
            element = timeConstraint();
        } else if (position < text.length() && Character.isDigit(text.charAt(position))) {
            element = numberedCondition();
        } else if (position < text.length() && isNameStart(text.charAt(position))) {
            element = namedCondition();
        } else {
            throw new PatternError(position, "expected a condition number, a condition name or t<op>N after '(?'");
        }
        if (position >= text.length() || text.charAt(position) != ')') {
            throw new PatternError(position, "expected ')' to close the '(?' at pattern column " + (open + 1)
                    + (position >= text.length() ? ", found the end of the pattern" : ", found '" + text.charAt(position) + "'"));
        }
        position++;
        return element;
    }

    private PatternElement numberedCondition() {
        int start = position;
        long number = number("a condition number");
        if (number < 1 || number > conditions.size()) {
            throw new PatternError(start, "condition " + number + " is out of range: this query declares "
                    + conditions.size() + " conditions, (?1) to (?" + conditions.size() + ")");
        }
        return new PatternElement.ConditionEvent((int) number);
    }

    private PatternElement namedCondition() {
        int start = position;
        while (position < text.length() && (isNameStart(text.charAt(position)) || Character.isDigit(text.charAt(position)))) {
            position++;
        }
        String name = text.substring(start, position);
        for (SequenceCondition condition : conditions) {
            if (condition.name().value().equalsIgnoreCase(name) && !condition.name().quoted()
                    || condition.name().value().equals(name)) {
                return new PatternElement.ConditionEvent(condition.index());
            }
        }
        throw new PatternError(start, Suggestions.sentence("unknown condition '" + name + "'", name,
                conditions.stream().map(c -> c.name().value()).toList()) + " Conditions: "
                + String.join(", ", conditions.stream().map(c -> c.name().value()).toList()));
    }

    private PatternElement timeConstraint() {
        int start = position;
        TimeComparison comparison = null;
        for (TimeComparison candidate : List.of(TimeComparison.LESS_OR_EQUAL, TimeComparison.GREATER_OR_EQUAL,
                TimeComparison.EQUAL, TimeComparison.NOT_EQUAL, TimeComparison.LESS, TimeComparison.GREATER)) {
            if (text.startsWith(candidate.symbol(), position)) {
                comparison = candidate;
                break;
            }
        }
        String expected = "<=, <, >=, >, ==" + (profile == Profile.DUCKDB_BEHAVIORAL ? " or !=" : "");
        if (comparison == null) {
            throw new PatternError(start, "expected a time comparison after '(?t': " + expected);
        }
        if (comparison == TimeComparison.NOT_EQUAL && profile != Profile.DUCKDB_BEHAVIORAL) {
            throw new PatternError(start, "'!=' is a duckdb_behavioral extension: ClickHouse's sequenceMatch has no "
                    + "'!=' (profile clickhouse); use " + expected);
        }
        position += comparison.symbol().length();
        long amount = number("a number of seconds after '(?t" + comparison.symbol() + "'");
        int unitStart = position;
        while (position < text.length() && Character.isLetter(text.charAt(position))) {
            position++;
        }
        String unit = text.substring(unitStart, position);
        long perUnit = switch (unit) {
            case "", "s" -> 1;
            case "m" -> 60;
            case "h" -> 3600;
            case "d" -> 86_400;
            default -> throw new PatternError(unitStart, "unknown time unit '" + unit
                    + "': expected s, m, h or d after the number (none means seconds)");
        };
        if (amount > Micros.UNBOUNDED / 1_000_000 / perUnit) {
            throw new PatternError(start, "a time constraint of " + amount + unit + " is longer than any span of "
                    + "timestamps; the longest is " + Micros.UNBOUNDED / 1_000_000 + " seconds");
        }
        return new PatternElement.TimeConstraint(comparison, amount * perUnit);
    }

    private long number(String what) {
        int start = position;
        while (position < text.length() && Character.isDigit(text.charAt(position))) {
            position++;
        }
        if (start == position) {
            throw new PatternError(start, "expected " + what);
        }
        String digits = text.substring(start, position);
        if (digits.length() > 18) {
            throw new PatternError(start, "number " + digits + " is too large");
        }
        return Long.parseLong(digits);
    }

    /**
     * Where time constraints may stand. ClickHouse refuses one that does not follow an event
     * condition, '.' or '.*' (its implicit leading '.*' makes the first place valid);
     * duckdb-behavioral's matcher reads a constraint before and after the '.*' of a gap, which
     * FunnelQL's plans reproduce for one constraint on each side.
     */
    private void checkPlacement(List<PatternElement> elements, List<Integer> starts) {
        boolean consumes = false;
        for (int i = 0; i < elements.size(); i++) {
            PatternElement element = elements.get(i);
            if (!(element instanceof PatternElement.TimeConstraint)) {
                consumes |= !(element instanceof PatternElement.AnyEvents);
                continue;
            }
            if (i > 0 && elements.get(i - 1) instanceof PatternElement.TimeConstraint) {
                throw new PatternError(starts.get(i), "a time constraint must follow an event condition, '.' or '.*', "
                        + "not another time constraint");
            }
            if (profile == Profile.DUCKDB_BEHAVIORAL && i + 1 < elements.size()
                    && elements.get(i + 1) instanceof PatternElement.AnyEvents && i > 0
                    && elements.get(i - 1) instanceof PatternElement.AnyEvents) {
                throw new PatternError(starts.get(i), "a time constraint between two '.*' is not supported under "
                        + "duckdb_behavioral: put it before or after the '.*'");
            }
        }
        if (profile == Profile.DUCKDB_BEHAVIORAL && !consumes) {
            throw new PatternError(text.length(), elements.isEmpty()
                    ? "an empty pattern is an error in duckdb_behavioral (its functions return NULL); "
                            + "write at least one (?N) or '.'"
                    : "under duckdb_behavioral a pattern must match at least one event, (?N) or '.': "
                            + "duckdb-behavioral's sequence_count never finishes on one that matches none");
        }
    }

    /** Skips spaces; whether an element follows. */
    private boolean skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
        return position < text.length();
    }

    private static boolean isComparisonStart(char c) {
        return c == '<' || c == '>' || c == '=' || c == '!';
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    /** An error at a character of the pattern. */
    private static final class PatternError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient int index;

        PatternError(int index, String message) {
            super(message, null, false, false);
            this.index = index;
        }
    }
}
