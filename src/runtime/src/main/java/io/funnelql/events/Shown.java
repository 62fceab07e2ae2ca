package io.funnelql.events;

/**
 * Text from an input quoted in a message: control and format characters written as escapes
 * ({@code \n}, {@code \t}, {@code \u0000}, {@code \u001b}…), so a message never moves the
 * cursor, rings the bell or recolours the terminal; long text is cut.
 */
public final class Shown {
    private static final int LONGEST = 60;

    private Shown() {}

    /** {@code 'text'}, escaped and cut to about 60 characters. */
    public static String quoted(String text) {
        return "'" + escaped(text.length() > LONGEST ? text.substring(0, LONGEST) : text)
                + (text.length() > LONGEST ? "…' (" + text.length() + " characters)" : "'");
    }

    /** A database's message as one line: its first, escaped ({@code null} is empty). */
    public static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int newline = text.indexOf('\n');
        return escaped(newline < 0 ? text : text.substring(0, newline));
    }

    /** The text with every control, format and line-separator character as an escape. */
    public static String escaped(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            boolean escape = type == Character.CONTROL || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
            if (escape && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out == null) {
                continue;
            }
            if (!escape) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out == null ? text : out.toString();
    }
}
