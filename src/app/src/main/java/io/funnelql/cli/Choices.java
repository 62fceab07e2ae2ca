package io.funnelql.cli;

import io.funnelql.input.Suggestions;
import io.funnelql.input.UserInputException;

import java.util.List;
import java.util.Locale;

/** A value that must be one of a fixed list: the error lists them and suggests the closest. */
final class Choices {
    private Choices() {}

    /** The value in lower case when it is one of {@code valid}; else a user error naming the option. */
    static String check(String command, String option, String value, List<String> valid) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        if (valid.contains(lower)) {
            return lower;
        }
        throw new UserInputException("funnelql " + command + ": " + option + " expected one of " + String.join(", ", valid)
                + " but was '" + value + "'" + Suggestions.didYouMean(value, valid));
    }

    /** The picocli message for a converter: "expected one of …, but was 'x'; did you mean 'y'?". */
    static String expected(List<String> valid, String value) {
        return "expected one of " + String.join(", ", valid) + " but was '" + value + "'" + Suggestions.didYouMean(value, valid);
    }
}
