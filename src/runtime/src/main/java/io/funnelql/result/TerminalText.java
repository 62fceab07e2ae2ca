package io.funnelql.result;

/**
 * Text for a terminal table: control characters shown as escapes (a newline or an ANSI escape in
 * a value must not break the table or drive the terminal), and the width a terminal gives a
 * string: East Asian wide and full-width characters take two columns, combining marks none.
 */
final class TerminalText {
    private TerminalText() {}

    static String visible(String text) {
        return Json.escape(text, codePoint -> Character.getType(codePoint) == Character.CONTROL);
    }

    static int width(String text) {
        return text.codePoints().map(TerminalText::columns).sum();
    }

    private static int columns(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || codePoint == 0x200B) {
            return 0;
        }
        return wide(codePoint) ? 2 : 1;
    }

    /** The East Asian Wide and Fullwidth blocks, and the emoji planes terminals draw two columns wide. */
    private static boolean wide(int codePoint) {
        return (codePoint >= 0x1100 && codePoint <= 0x115F)
                || (codePoint >= 0x2E80 && codePoint <= 0x303E)
                || (codePoint >= 0x3041 && codePoint <= 0x33FF)
                || (codePoint >= 0x3400 && codePoint <= 0x4DBF)
                || (codePoint >= 0x4E00 && codePoint <= 0x9FFF)
                || (codePoint >= 0xA000 && codePoint <= 0xA4CF)
                || (codePoint >= 0xAC00 && codePoint <= 0xD7A3)
                || (codePoint >= 0xF900 && codePoint <= 0xFAFF)
                || (codePoint >= 0xFE30 && codePoint <= 0xFE4F)
                || (codePoint >= 0xFF00 && codePoint <= 0xFF60)
                || (codePoint >= 0xFFE0 && codePoint <= 0xFFE6)
                || (codePoint >= 0x1F300 && codePoint <= 0x1F64F)
                || (codePoint >= 0x1F900 && codePoint <= 0x1F9FF)
                || (codePoint >= 0x20000 && codePoint <= 0x3FFFD);
    }
}
