package io.funnelql.lint.parse;

import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the text handed to the parser came from: the rewritten text of one statement is a run of
 * pieces, each a stretch of the file kept as written or the replacement of a stretch (an inserted
 * text replaces the empty stretch where it goes). A parser position in the rewritten text maps back
 * to the file: a node that starts inside a replacement starts where the replaced stretch starts,
 * one that ends inside it ends where the stretch ends, so an excerpt always covers whole tokens as
 * written ({@code INTERVAL '2 weeks'}, not the {@code INTERVAL '14' DAY} the parser read).
 */
public final class PositionMap {
    /** Rewritten {@code [from, to)} came from file {@code [start, end)}; {@code kept}: character for character. */
    private record Piece(int from, int to, int start, int end, boolean kept) {}

    private final SqlFile file;
    private final String text;
    private final List<Piece> pieces = new ArrayList<>();
    private final List<Integer> lineStarts = new ArrayList<>();

    private PositionMap(SqlFile file, String text) {
        this.file = file;
        this.text = text;
    }

    /** The rewritten text and its map, from kept stretches and replacements in file order. */
    static final class Builder {
        private final SqlFile file;
        private final StringBuilder text = new StringBuilder();
        private final List<Piece> pieces = new ArrayList<>();

        Builder(SqlFile file) {
            this.file = file;
        }

        void keep(int start, int end) {
            if (end > start) {
                pieces.add(new Piece(text.length(), text.length() + end - start, start, end, true));
                text.append(file.text(), start, end);
            }
        }

        void replace(int start, int end, String replacement) {
            if (!replacement.isEmpty() || end > start) {
                pieces.add(new Piece(text.length(), text.length() + replacement.length(), start, end, false));
                text.append(replacement);
            }
        }

        PositionMap build() {
            PositionMap map = new PositionMap(file, text.toString());
            map.pieces.addAll(pieces);
            map.lineStarts.add(0);
            for (int i = 0; i < map.text.length(); i++) {
                if (map.text.charAt(i) == '\n') {
                    map.lineStarts.add(i + 1);
                }
            }
            return map;
        }
    }

    /** The text the parser reads. */
    public String text() {
        return text;
    }

    /** A region of the file: offsets of its first and last character (inclusive). */
    public record Region(int start, int end) {}

    /** The file region a parser position covers (rewritten line and column, end inclusive). */
    public Region region(SqlParserPos pos) {
        int start = fileStart(offset(pos.getLineNum(), pos.getColumnNum()));
        int end = fileEnd(offset(pos.getEndLineNum(), pos.getEndColumnNum()));
        return new Region(start, closeParentheses(start, Math.max(start, end)));
    }

    /**
     * The end of a region extended over the parentheses it opens and leaves open: no node's position
     * covers the ')' that closes {@code COUNT(*) FILTER (WHERE x)} or a parenthesized operand.
     */
    private int closeParentheses(int start, int end) {
        String source = file.text();
        int depth = 0;
        char quote = 0;
        for (int i = start; i <= end && i < source.length(); i++) {
            char c = source.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
        }
        int i = end + 1;
        while (depth > 0 && i < source.length()) {
            char c = source.charAt(i);
            if (c == ')') {
                depth--;
                end = i;
            } else if (!Character.isWhitespace(c)) {
                break;
            }
            i++;
        }
        return end;
    }

    /** The file offset of a parser position's start. */
    public int start(int line, int column) {
        return fileStart(offset(line, column));
    }

    private int offset(int line, int column) {
        int index = Math.max(0, Math.min(line, lineStarts.size()) - 1);
        return Math.max(0, Math.min(text.length() - 1, lineStarts.get(index) + column - 1));
    }

    private Piece piece(int offset) {
        int low = 0;
        int high = pieces.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (pieces.get(middle).from() <= offset) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return pieces.get(low);
    }

    private int fileStart(int offset) {
        if (pieces.isEmpty()) {
            return 0;
        }
        Piece piece = piece(offset);
        return piece.kept() ? piece.start() + Math.min(offset - piece.from(), piece.end() - piece.start() - 1) : piece.start();
    }

    private int fileEnd(int offset) {
        if (pieces.isEmpty()) {
            return 0;
        }
        Piece piece = piece(offset);
        if (piece.kept()) {
            return piece.start() + Math.min(offset - piece.from(), piece.end() - piece.start() - 1);
        }
        return piece.end() > piece.start() ? piece.end() - 1 : Math.max(0, piece.start() - 1);
    }

    /** Line and column in the file of a parser position's start. */
    public int[] lineColumn(int line, int column) {
        int offset = start(line, column);
        return new int[] {file.lineOf(offset), file.columnOf(offset)};
    }

    public SqlFile file() {
        return file;
    }
}
