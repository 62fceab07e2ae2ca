package io.funnelql.report;

/** The one way text reaches a report page: escaped for HTML text and quoted attribute values alike. */
public final class Html {
    private Html() {}

    /**
     * Escapes {@code & < > " '}; C0 control characters other than tab and line breaks become
     * U+FFFD (HTML forbids them) and a lone surrogate does too, so any string is safe in text,
     * in a quoted attribute, in {@code <pre>} and in SVG {@code <text>}.
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\t', '\n' -> out.append(c);
                case '\r' -> out.append(i + 1 < text.length() && text.charAt(i + 1) == '\n' ? "" : "\n");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append('\uFFFD');
                    } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
