package io.funnelql.lint.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The edits that turn one statement's text, as written, into text the parser reads: replacements
 * of stretches of the file and insertions, in file offsets. An edit that overlaps one made before
 * it is dropped (the statement then fails to parse where it would have helped, and says so). The
 * result is the rewritten text with its {@link PositionMap}, so a rewrite may change the length.
 */
final class TextEdits {
    private record Edit(int start, int end, String text, int order) {}

    private final SqlFile file;
    private final List<Edit> edits = new ArrayList<>();
    /** DuckDB's FROM-first query: file offsets of FROM, of SELECT and of the end of the select list, or null. */
    private int[] fromFirst;

    TextEdits(SqlFile file) {
        this.file = file;
    }

    void replace(int start, int end, String text) {
        edits.add(new Edit(start, end, text, edits.size()));
    }

    void insert(int at, String text) {
        replace(at, at, text);
    }

    /** Replaces a stretch with blanks, keeping its line breaks. */
    void blank(int start, int end) {
        StringBuilder blanks = new StringBuilder();
        for (int i = start; i < end; i++) {
            char c = file.text().charAt(i);
            blanks.append(c == '\n' || c == '\r' ? c : ' ');
        }
        replace(start, end, blanks.toString());
    }

    /** Whether some edit already touches the inside of {@code [start, end)}. */
    boolean touched(int start, int end) {
        for (Edit edit : edits) {
            if (edit.start() < end && start < edit.end()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads {@code FROM … SELECT list rest} as {@code SELECT list FROM … rest}: the stretches are
     * moved, not copied, so positions inside both still map to the file character by character.
     */
    void moveFromClause(int from, int select, int selectListEnd) {
        fromFirst = new int[] {from, select, selectListEnd};
    }

    /** The text of {@code [start, end)} with the edits applied, followed by {@code tail}, and its map. */
    PositionMap apply(int start, int end, String tail) {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start).thenComparing(e -> e.end() > e.start()).thenComparingInt(Edit::order));
        PositionMap.Builder builder = new PositionMap.Builder(file);
        if (fromFirst != null && fromFirst[0] >= start && fromFirst[2] <= end) {
            segment(builder, sorted, fromFirst[1], fromFirst[2]);
            builder.replace(fromFirst[2], fromFirst[2], " ");
            segment(builder, sorted, fromFirst[0], fromFirst[1]);
            builder.replace(fromFirst[1], fromFirst[1], " ");
            segment(builder, sorted, fromFirst[2], end);
        } else {
            segment(builder, sorted, start, end);
        }
        builder.replace(end, end, tail);
        return builder.build();
    }

    private static void segment(PositionMap.Builder builder, List<Edit> sorted, int start, int end) {
        int cursor = start;
        for (Edit edit : sorted) {
            if (edit.start() < cursor || edit.start() < start || edit.end() > end) {
                continue; // overlaps an earlier edit, or lies outside the segment
            }
            builder.keep(cursor, edit.start());
            builder.replace(edit.start(), edit.end(), edit.text());
            cursor = edit.end();
        }
        builder.keep(cursor, end);
    }
}
