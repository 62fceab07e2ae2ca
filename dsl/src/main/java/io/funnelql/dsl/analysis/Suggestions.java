package io.funnelql.dsl.analysis;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

/** "did you mean" hints: the closest known name, when it is close enough to be a typo. */
final class Suggestions {
    private Suggestions() {}

    /**
     * The message as a sentence with a hint: {@code "msg; did you mean 'x'?"} or {@code "msg."},
     * so that further sentences can follow.
     */
    static String sentence(String message, String written, Collection<String> candidates) {
        String hint = didYouMean(written, candidates);
        return message + (hint.isEmpty() ? "." : hint);
    }

    /** {@code "; did you mean 'x'?"}, or "" when nothing is close. */
    static String didYouMean(String written, Collection<String> candidates) {
        String lower = written.toLowerCase(Locale.ROOT);
        int allowed = Math.min(3, lower.length() / 3); // short names are too unlike each other to guess at
        if (allowed == 0) {
            return "";
        }
        LevenshteinDistance distance = new LevenshteinDistance(allowed);
        return candidates.stream()
                .filter(candidate -> distance.apply(lower, candidate.toLowerCase(Locale.ROOT)) >= 0)
                .min(Comparator.comparingInt((String candidate) -> distance.apply(lower, candidate.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .map(candidate -> "; did you mean '" + candidate + "'?")
                .orElse("");
    }
}
