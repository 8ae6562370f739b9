"""A target's trend chart: an SVG file drawn at build time, readable in black and white.

The results are a solid line with a mark per period (a filled circle when met, an open
square when missed), the goal a dashed line that steps where it changed, the key below.
Pages show it by <img> with a description, and the same figures as a table beside it.
The drawing is a few dozen SVG elements written here rather than by a charting library:
measured on 1,000 charts (`benchmarks/results_bench.py --charts`, results.md), pygal took
about 6.5 ms and 21 KB a chart and matplotlib 55 ms and 15 KB, against 0.12 ms and
2.7 KB here; a 1,000-standard handbook has about 2,000 charts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import escape

from .. import targets
from .model import TargetResults

WIDTH, HEIGHT = 360, 150  # the plot and its axes; the key is drawn below them
KEY_HEIGHT = 20
FULL_HEIGHT = HEIGHT + KEY_HEIGHT
LEFT, RIGHT, TOP, BOTTOM = 50, 10, 10, 34
# The theme's own fonts (the site loads none): an SVG shown by <img> inherits nothing.
FONTS = "-apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif"
# Shown narrow (a phone's 330 px or so), the text grows and every other period goes:
# an SVG shown by <img> reads media queries against its own width.
NARROW_LABELS = 6
STYLE = "@media (max-width:420px){text{font-size:14px}.a{display:none}}"


def _key() -> str:
    """The key under the plot: result line, met, missed, target; spaced for the larger
    text of a narrow chart."""
    y, x = HEIGHT + 12, LEFT
    return (
        f'<g class="key"><path d="M{x} {y - 4}h18" stroke="#000" stroke-width="2"/>'
        f'<text x="{x + 23}" y="{y}">result</text>'
        f'<circle cx="{x + 78}" cy="{y - 4}" r="4.5"/><text x="{x + 86}" y="{y}">met</text>'
        f'<rect x="{x + 122}" y="{y - 8}" width="8" height="8" fill="#fff" stroke="#000" '
        f'stroke-width="2"/><text x="{x + 136}" y="{y}">missed</text>'
        f'<path d="M{x + 194} {y - 4}h18" stroke="#000" stroke-width="1.5" '
        f'stroke-dasharray="6 4"/><text x="{x + 217}" y="{y}">target</text></g>'
    )


KEY = _key()


@dataclass(frozen=True)
class Mark:
    x: float
    y: float
    met: bool | None


def _nice_step(span: float) -> float:
    raw = span / 3 or 1
    power = 10.0 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def _fmt(value: float) -> str:
    return f"{value:.1f}" if not float(value).is_integer() else str(int(value))


def chart_path(standard_id: str, target_id: str) -> str:
    """Where a target's chart is in the site: one file each, which every page showing
    it refers to by <img> (ids are letters, digits and dashes; url_path encodes anyway)."""
    return f"results/charts/{standard_id.lower()}-{target_id}.svg"


def chart(results: TargetResults, title: str) -> str:
    """The chart as an SVG file, for a target with at least one result."""
    outcomes = results.shown
    unit = targets.result_unit(results.target.data)
    values = [o.result.value for o in outcomes]
    goals = [g for o in outcomes for g in (o.goal or ())]
    low, high = min(values + goals), max(values + goals)
    step = _nice_step(high - low)
    low = math.floor(low / step) * step
    high = math.ceil(high / step) * step
    if high == low:
        high = low + step
    if low < 0 <= min(values + goals):
        low = 0.0
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(outcomes)

    scale = plot_h / (high - low)

    def y(value: float) -> float:
        return round(TOP + (high - value) * scale, 1)

    xs = [round(LEFT + slot * (index + 0.5), 1) for index in range(len(outcomes))]
    half = slot / 2

    marks = []
    for index, outcome in enumerate(outcomes):
        marks.append(Mark(xs[index], y(outcome.result.value), outcome.met))
    goal_paths = []
    ends = max((len(o.goal or ()) for o in outcomes), default=0)
    for end in range(ends):
        path, last = [], None
        for index, outcome in enumerate(outcomes):
            if not outcome.goal or len(outcome.goal) <= end:
                last = None
                continue
            level = y(outcome.goal[end])
            left, right = xs[index] - half, xs[index] + half
            if level == last:
                path.append(f"H{right:.1f}")
            else:
                path.append(f"{'L' if last is not None else 'M'}{left:.1f} {level}H{right:.1f}")
            last = level
        goal_paths.append(" ".join(path))
    ticks = []
    value = low
    while value <= high + step / 1000:
        ticks.append((y(value), _fmt(value) + _unit(unit)))
        value += step
    labels = []
    every = 1 if len(outcomes) <= 12 else 2
    for index, outcome in enumerate(outcomes):
        period = outcome.result.period
        first = index == 0 or period.month == 1 or period.kind == "year"
        if index % every == 0:
            year = str(period.year) if first and period.kind != "year" else ""
            labels.append((xs[index], period.short, year))
    line = " ".join(f"{'M' if i == 0 else 'L'}{m.x} {m.y}" for i, m in enumerate(marks))
    return _svg(title, ticks, labels, marks, line, goal_paths)


def _svg(
    title: str,
    ticks: list[tuple[float, str]],
    labels: list[tuple[float, str, str]],
    marks: list[Mark],
    line: str,
    goal_paths: list[str],
) -> str:
    """The drawing as an SVG file of its own, attributes shared through groups to keep it
    small (about 2 KB), its key drawn in. Numbers are ours; every text is escaped."""
    right, bottom = WIDTH - RIGHT, HEIGHT - BOTTOM
    grid = "".join(f"M{LEFT} {level}H{right}" for level, _ in ticks)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {FULL_HEIGHT}" '
        f'width="{WIDTH}" height="{FULL_HEIGHT}" role="img" font-family="{FONTS}" '
        f'font-size="11"><title>{escape(title)}</title><style>{STYLE}</style>'
        f'<path d="{grid}" fill="none" stroke="#000" stroke-opacity="0.25"/>'
        '<g text-anchor="end">',
    ]
    parts += [
        f'<text x="{LEFT - 6}" y="{level + 4}">{escape(text)}</text>' for level, text in ticks
    ]
    parts.append('</g><g text-anchor="middle">')
    for index, (at, text, year) in enumerate(labels):
        # Narrow, every other period's name goes when there are many (twelve months)
        alt = ' class="a"' if index % 2 and len(labels) > NARROW_LABELS else ""
        parts.append(f'<g{alt}><text x="{at}" y="{bottom + 15}">{escape(text)}</text>')
        if year:
            parts.append(f'<text x="{at}" y="{bottom + 30}">{escape(year)}</text>')
        parts.append("</g>")
    parts.append(
        '</g><g fill="none" stroke="#000">'
        + "".join(
            f'<path class="goal" d="{path}" stroke-width="1.5" stroke-dasharray="6 4"/>'
            for path in goal_paths
        )
        + f'<path class="line" d="{line}" stroke-width="2"/></g>'
    )
    met = "".join(f'<circle cx="{m.x}" cy="{m.y}" r="4.5"/>' for m in marks if m.met is not False)
    missed = "".join(
        f'<rect x="{m.x - 4:.1f}" y="{m.y - 4:.1f}" width="8" height="8"/>'
        for m in marks
        if m.met is False
    )
    if met:
        parts.append(f'<g class="met">{met}</g>')
    if missed:
        parts.append(f'<g class="missed" fill="#fff" stroke="#000" stroke-width="2">{missed}</g>')
    parts.append(KEY)
    parts.append("</svg>\n")
    return "".join(parts)


def _unit(unit: str) -> str:
    return "%" if unit.startswith("%") else ""
