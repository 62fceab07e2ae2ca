package io.funnelql.report;

import io.funnelql.events.Values;
import io.funnelql.result.ResultTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A paths report as a Sankey-style picture in inline SVG: a column per step from the anchor, a
 * box per node sized by its keys, a band per transition as wide as its keys. A NULL node is a
 * drop-off (the path ends) or, before an anchor, the path's start: a dashed grey box. Time runs
 * left to right, so the anchor is the first column of {@code start at} and the last of {@code end at}.
 */
final class PathsSankey {
    private static final int COLUMN_WIDTH = 190;
    private static final int BOX_WIDTH = 14;
    private static final int HEIGHT = 360;
    private static final int TOP = 30;
    private static final int NODE_GAP = 10;
    private static final String END = "drop-off";
    private static final String START = "path start";

    private PathsSankey() {}

    /** One box: its column, its node (null for a drop-off or a path start), its keys and where links attach. */
    private static final class Box {
        final int column;
        final String node;
        long incoming;
        long outgoing;
        double y;
        double inOffset;
        double outOffset;

        Box(int column, String node) {
            this.column = column;
            this.node = node;
        }

        long keys() {
            return Math.max(incoming, outgoing);
        }
    }

    /** A band; {@code share} is the transition's percentage of its depth's keys, when the result has one. */
    private record Link(Box from, Box to, long keys, Object share) {}

    static Optional<String> render(ResultTable result, boolean beforeAnchor) {
        Optional<int[]> found = ResultColumns.find(result, "depth", "from_node", "to_node", "keys");
        if (found.isEmpty() || result.rows().isEmpty()) {
            return Optional.empty();
        }
        int[] at = found.get();
        int shareAt = result.columns().indexOf("percentage");
        int depth = 0;
        for (List<Object> row : result.rows()) {
            depth = Math.max(depth, (int) ResultColumns.number(row.get(at[0])));
        }
        Map<List<Object>, Box> boxes = new LinkedHashMap<>();
        List<Link> links = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            int d = (int) ResultColumns.number(row.get(at[0]));
            int fromColumn = beforeAnchor ? depth - d : d - 1;
            long keys = (long) ResultColumns.number(row.get(at[3]));
            Box from = boxes.computeIfAbsent(Arrays.asList(fromColumn, row.get(at[1])),
                    key -> new Box(fromColumn, (String) row.get(at[1])));
            Box to = boxes.computeIfAbsent(Arrays.asList(fromColumn + 1, row.get(at[2])),
                    key -> new Box(fromColumn + 1, (String) row.get(at[2])));
            from.outgoing += keys;
            to.incoming += keys;
            links.add(new Link(from, to, keys, shareAt < 0 ? null : row.get(shareAt)));
        }
        long tallest = 1;
        int mostBoxes = 1;
        for (int column = 0; column <= depth; column++) {
            long total = 0;
            int count = 0;
            for (Box box : boxes.values()) {
                if (box.column == column) {
                    total += box.keys();
                    count++;
                }
            }
            tallest = Math.max(tallest, total);
            mostBoxes = Math.max(mostBoxes, count);
        }
        double scale = (HEIGHT - NODE_GAP * (mostBoxes - 1.0)) / tallest;
        double[] next = new double[depth + 1];
        Arrays.fill(next, TOP);
        // Within a column: most keys first, then by name, the drop-off (or path start) last; bands
        // leave and enter each box in the order of the boxes at their other end, so fewer cross.
        List<Box> ordered = new ArrayList<>(boxes.values());
        ordered.sort(Comparator.comparingInt((Box box) -> box.column).thenComparing(box -> box.node == null)
                .thenComparing(Box::keys, Comparator.reverseOrder())
                .thenComparing(box -> box.node, Comparator.nullsLast(Comparator.naturalOrder())));
        for (Box box : ordered) {
            box.y = next[box.column];
            next[box.column] += box.keys() * scale + NODE_GAP;
        }
        links.sort(Comparator.comparingDouble((Link link) -> link.from().y).thenComparingDouble(link -> link.to().y));
        int width = COLUMN_WIDTH * depth + BOX_WIDTH + 150;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"sankey\" role=\"img\" aria-label=\"paths: transitions by depth\" xmlns=\"http://www.w3.org/2000/svg\" ")
                .append("width=\"").append(width).append("\" height=\"").append(HEIGHT + TOP + 20)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(HEIGHT + TOP + 20).append("\">\n");
        for (int column = 0; column <= depth; column++) {
            int step = beforeAnchor ? column - depth : column;
            svg.append(text(x(column), 16, step == 0 ? "anchor" : (step > 0 ? "+" : "") + step, "column"));
        }
        // Each end stacks its bands in the order of the boxes at the other end.
        for (Link link : links) {
            double thickness = link.keys() * scale;
            double x0 = x(link.from().column) + BOX_WIDTH;
            double x1 = x(link.to().column);
            double y0 = link.from().y + link.from().outOffset;
            double y1 = link.to().y + link.to().inOffset;
            link.from().outOffset += thickness;
            link.to().inOffset += thickness;
            double middle = (x0 + x1) / 2;
            String title = label(link.from().node, START) + " → " + label(link.to().node, END) + ": " + link.keys() + " keys"
                    + (link.share() == null ? "" : " (" + Values.format(link.share()) + " % of the depth's keys)");
            svg.append("<path class=\"link\" data-keys=\"").append(link.keys()).append("\" d=\"")
                    .append(String.format(Locale.ROOT, "M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f L%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1fZ",
                            x0, y0, middle, y0, middle, y1, x1, y1, x1, y1 + thickness, middle, y1 + thickness, middle,
                            y0 + thickness, x0, y0 + thickness))
                    .append("\" fill=\"").append(link.to().node == null || link.from().node == null ? "#c9ced6" : "#7aa7d9")
                    .append("\" fill-opacity=\"0.55\"><title>").append(Html.escape(title)).append("</title></path>\n");
        }
        for (Box box : boxes.values()) {
            String name = label(box.node, beforeAnchor ? START : END);
            double height = Math.max(1, box.keys() * scale);
            svg.append(String.format(Locale.ROOT, "<rect class=\"node%s\" data-node=\"%s\" data-keys=\"%d\" x=\"%d\" y=\"%.1f\" "
                            + "width=\"%d\" height=\"%.1f\" fill=\"%s\"%s><title>%s</title></rect>%n",
                    box.node == null ? " ending" : "", Html.escape(name), box.keys(), x(box.column), box.y, BOX_WIDTH, height,
                    box.node == null ? "#eef0f3" : "#2f6db5", box.node == null ? " stroke=\"#8a94a3\" stroke-dasharray=\"3 2\"" : "",
                    Html.escape(name + ": " + box.keys() + " keys")));
            svg.append(text(x(box.column) + BOX_WIDTH + 4, box.y + height / 2 + 4, name + " (" + box.keys() + ")", "label"));
        }
        svg.append("</svg>\n");
        return Optional.of("<section class=\"chart paths\">\n<h2>Paths</h2>\n<p class=\"note\">A column per step from the anchor; "
                + "boxes and bands are as tall as their keys (the top transitions of each depth only). A grey band ends in a "
                + "drop-off or starts at a path's start.</p>\n" + svg + "</section>\n");
    }

    private static String label(Object node, String missing) {
        return node == null ? missing : node.toString();
    }

    private static int x(int column) {
        return 10 + column * COLUMN_WIDTH;
    }

    private static String text(double x, double y, String text, String role) {
        return String.format(Locale.ROOT, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" font-size=\"12\">%s</text>%n", role, x, y,
                Html.escape(text));
    }
}
