#!/usr/bin/env python3
"""Draws the scaling curves of docs/performance.md as SVG, with the standard library only.

Reads the CSV lines `funnelql bench --format csv` prints (docs/performance/measure.sh gathers
them into events.csv and steps.csv) and writes scaling.svg: median time against the number of
events (log-log) and against the number of funnel steps.

    python3 docs/performance/plot.py docs/performance
"""
import csv
import math
import sys
from pathlib import Path

WIDTH, HEIGHT = 520, 360
LEFT, RIGHT, TOP, BOTTOM = 70, 170, 40, 50
COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf"]


def read(path):
    series = {}
    with open(path, newline="") as handle:
        for row in csv.DictReader(handle):
            if row["variant"] == "variant" or not row["median_seconds"]:
                continue  # a repeated header, a timeout or a failure: no point to draw
            name = row["engine"] + " " + row["variant"]
            series.setdefault(name, []).append((float(row["events"]), int(row["steps"]), float(row["median_seconds"])))
    return series


def ticks(low, high, log):
    if log:
        return [m * 10.0 ** e for e in range(math.floor(math.log10(low)), math.ceil(math.log10(high)) + 1) for m in (1, 2, 5)]
    step = max(1, round((high - low) / 6))
    return list(range(int(low), int(high) + 1, step))


def panel(title, series, x_of, x_label, log_x, offset_x):
    points = [(x_of(p), p[2]) for values in series.values() for p in values]
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    x_low, x_high = min(xs), max(xs)
    y_low, y_high = min(ys) / 1.5, max(ys) * 1.5
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def sx(x):
        if log_x:
            return offset_x + LEFT + plot_w * (math.log10(x) - math.log10(x_low)) / max(1e-9, math.log10(x_high) - math.log10(x_low))
        return offset_x + LEFT + plot_w * (x - x_low) / max(1e-9, x_high - x_low)

    def sy(y):
        return TOP + plot_h * (1 - (math.log10(y) - math.log10(y_low)) / (math.log10(y_high) - math.log10(y_low)))

    out = [f'<text x="{offset_x + WIDTH / 2}" y="20" text-anchor="middle" font-weight="bold">{title}</text>',
           f'<rect x="{offset_x + LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#999"/>']
    for y in ticks(y_low, y_high, True):
        if y_low <= y <= y_high:
            label = f"{y:g} s"
            out.append(f'<line x1="{offset_x + LEFT}" x2="{offset_x + LEFT + plot_w}" y1="{sy(y):.1f}" y2="{sy(y):.1f}" stroke="#eee"/>')
            out.append(f'<text x="{offset_x + LEFT - 6}" y="{sy(y) + 4:.1f}" text-anchor="end" font-size="11">{label}</text>')
    last = -1e9
    for x in sorted(set(xs)):
        if sx(x) - last < 18:
            continue  # too close to the previous label to read
        last = sx(x)
        label = f"{x / 1e6:g}M" if log_x else f"{x:g}"
        out.append(f'<text x="{sx(x):.1f}" y="{TOP + plot_h + 16}" text-anchor="middle" font-size="11">{label}</text>')
    out.append(f'<text x="{offset_x + LEFT + plot_w / 2}" y="{HEIGHT - 12}" text-anchor="middle" font-size="12">{x_label}</text>')
    for index, (name, values) in enumerate(sorted(series.items())):
        color = COLORS[index % len(COLORS)]
        line = sorted((x_of(p), p[2]) for p in values)
        path = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in line)
        out.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2"/>')
        for x, y in line:
            out.append(f'<circle cx="{sx(x):.1f}" cy="{sy(y):.1f}" r="3" fill="{color}"/>')
        legend_y = TOP + 14 + 16 * index
        out.append(f'<rect x="{offset_x + WIDTH - RIGHT + 10}" y="{legend_y - 9}" width="10" height="10" fill="{color}"/>')
        out.append(f'<text x="{offset_x + WIDTH - RIGHT + 24}" y="{legend_y}" font-size="11">{name}</text>')
    return out


def main(directory):
    directory = Path(directory)
    events = read(directory / "events.csv")
    steps = read(directory / "steps.csv")
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{2 * WIDTH}" height="{HEIGHT}" '
             f'font-family="sans-serif" font-size="12">', '<rect width="100%" height="100%" fill="white"/>']
    parts += panel("median time vs events (3-step funnel; log-log)", events, lambda p: p[0], "events (log scale)", True, 0)
    parts += panel("median time vs steps (1M events; log time)", steps, lambda p: p[1], "funnel steps", False, WIDTH)
    parts.append("</svg>")
    (directory / "scaling.svg").write_text("\n".join(parts) + "\n")
    print(f"wrote {directory / 'scaling.svg'}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent)
