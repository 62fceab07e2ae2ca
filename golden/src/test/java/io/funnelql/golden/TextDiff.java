package io.funnelql.golden;

import java.util.ArrayList;
import java.util.List;

/** A line diff in the spirit of {@code diff -u}: changed lines with two lines of context, "-" expected, "+" actual. */
final class TextDiff {
    private static final int CONTEXT = 2;

    private TextDiff() {}

    static String between(String expected, String actual, int limit) {
        List<String> a = expected.lines().toList();
        List<String> b = actual.lines().toList();
        // Longest common subsequence, filled from the end so the walk below goes forwards.
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> edits = new ArrayList<>(); // each prefixed " ", "-" or "+"
        List<Integer> expectedLine = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                edits.add("  " + a.get(i));
                expectedLine.add(++i);
                j++;
            } else if (j < b.size() && (i == a.size() || common[i][j + 1] >= common[i + 1][j])) {
                edits.add("+ " + b.get(j++));
                expectedLine.add(i);
            } else {
                edits.add("- " + a.get(i++));
                expectedLine.add(i);
            }
        }
        StringBuilder out = new StringBuilder();
        int shown = 0;
        int lastPrinted = -1;
        for (int k = 0; k < edits.size(); k++) {
            boolean near = false;
            for (int d = Math.max(0, k - CONTEXT); d <= Math.min(edits.size() - 1, k + CONTEXT) && !near; d++) {
                near = !edits.get(d).startsWith(" ");
            }
            if (!near) {
                continue;
            }
            if (lastPrinted != k - 1) {
                out.append("@@ expected line ").append(Math.max(1, expectedLine.get(k))).append(" @@\n");
            }
            if (shown++ == limit) {
                out.append("... (diff cut at ").append(limit).append(" lines)\n");
                break;
            }
            out.append(edits.get(k)).append('\n');
            lastPrinted = k;
        }
        return out.toString();
    }
}
