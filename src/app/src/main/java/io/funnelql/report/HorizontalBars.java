package io.funnelql.report;

import java.util.List;
import java.util.Locale;

/**
 * Horizontal bars as inline SVG: a row a bar, its label on the left, a caption on the right;
 * bar lengths scale to the largest value. Every bar is a {@code rect class="bar"} carrying its
 * label and value as data attributes, so a test can read the chart back from the rendered DOM.
 */
final class HorizontalBars {
    private static final int WIDTH = 960;
    private static final int LABEL_WIDTH = 200;
    private static final int BAR_AREA = 440;
    private static final int ROW_HEIGHT = 28;
    private static final int BAR_HEIGHT = 20;
    private static final int LABEL_CHARACTERS = 26;

    record Bar(String label, double value, String caption) {}

    private HorizontalBars() {}

    static String svg(String description, List<Bar> bars) {
        double largest = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        int height = Math.max(1, bars.size()) * ROW_HEIGHT + 4;
        StringBuilder out = new StringBuilder();
        out.append("<svg class=\"bars\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" aria-label=\"").append(Html.escape(description)).append("\">\n");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int top = i * ROW_HEIGHT + 2;
            double length = largest <= 0 ? 0 : Math.max(bar.value() > 0 ? 2 : 0, BAR_AREA * bar.value() / largest);
            int textBaseline = top + BAR_HEIGHT - 5;
            out.append("  <text class=\"label\" x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(textBaseline)
                    .append("\" text-anchor=\"end\">").append(Html.escape(shortened(bar.label()))).append("</text>\n");
            out.append("  <rect class=\"track\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(top).append("\" width=\"")
                    .append(BAR_AREA).append("\" height=\"").append(BAR_HEIGHT).append("\"/>\n");
            out.append("  <rect class=\"bar\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(top).append("\" width=\"")
                    .append(number(length)).append("\" height=\"").append(BAR_HEIGHT).append("\" data-label=\"")
                    .append(Html.escape(bar.label())).append("\" data-value=\"").append(number(bar.value())).append("\"><title>")
                    .append(Html.escape(bar.label() + ": " + bar.caption())).append("</title></rect>\n");
            out.append("  <text class=\"caption\" x=\"").append(LABEL_WIDTH + BAR_AREA + 10).append("\" y=\"").append(textBaseline)
                    .append("\">").append(Html.escape(bar.caption())).append("</text>\n");
        }
        return out.append("</svg>\n").toString();
    }

    /** Long labels are cut so they do not run into the bars; the full label is in the bar's tooltip. */
    private static String shortened(String label) {
        int codePoints = label.codePointCount(0, label.length());
        if (codePoints <= LABEL_CHARACTERS) {
            return label;
        }
        return label.substring(0, label.offsetByCodePoints(0, LABEL_CHARACTERS - 1)) + "…";
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
