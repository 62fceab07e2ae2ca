package io.funnelql.input;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * "did you mean" for names on the command line (queries, engines, formats, files): the closest
 * candidate within a few edits, as the spec checker suggests names inside a spec.
 */
public final class Suggestions {
    private Suggestions() {}

    /** The closest candidate to {@code written}, if one is close enough to be a typo of it. */
    public static Optional<String> closest(String written, Collection<String> candidates) {
        String lower = written.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, Math.min(3, lower.length() / 3));
        return candidates.stream()
                .filter(candidate -> !candidate.equalsIgnoreCase(written))
                .filter(candidate -> distance(lower, candidate.toLowerCase(Locale.ROOT)) <= allowed
                        || candidate.toLowerCase(Locale.ROOT).startsWith(lower) && lower.length() >= 2)
                .min(Comparator.comparingInt((String candidate) -> distance(lower, candidate.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** {@code "; did you mean 'x'?"}, or "" when nothing is close. */
    public static String didYouMean(String written, Collection<String> candidates) {
        return closest(written, candidates).map(candidate -> "; did you mean '" + candidate + "'?").orElse("");
    }

    /** Edits from one to the other: insertions, deletions, substitutions and swaps of two neighbours (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
