"""Charts drawn on the server as SVG with pygal: no JavaScript, no CDN, nothing to download.

Each chart is a `Chart`: its title, a one-sentence summary in plain words, the rows of the table that
stands in for it, and the SVG. pygal's inline script (its tooltips) is taken out, so the shop's
Content-Security-Policy (scripts only with a nonce) has nothing to block; its inline <style> is
allowed by the policy's style-src. The SVG is an image to assistive technology (`role="img"` and
a label); the table under it carries the figures. Colours are the design tokens' values
(themes/README.md)."""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pygal
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import pgettext
from pygal.style import Style

# --c-brand, --c-accent, --c-brand-ink, --c-muted: the series, in this order.
SERIES_COLOURS = ("#0a6b3b", "#c2410c", "#063d22", "#4a5550")
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif'
STYLE = Style(
    background="#ffffff",  # --c-surface
    plot_background="#ffffff",
    foreground="#1f2a22",  # --c-text
    foreground_strong="#1f2a22",
    foreground_subtle="#d5dbd3",  # --c-border: the guide lines
    colors=SERIES_COLOURS,
    opacity="1",
    opacity_hover="1",
    font_family=FONT,
    label_font_size=13,
    major_label_font_size=13,
    legend_font_size=13,
    value_font_size=13,
    title_font_size=15,
    guide_stroke_dasharray="2,3",
    major_guide_stroke_dasharray="2,3",
)
# Drawn 360 units wide: at a phone's width the labels are their own size; on a projector the SVG grows.
WIDTH, HEIGHT = 360, 240


@dataclass
class Chart:
    title: str
    summary: str
    labels: list[str]
    series: dict[str, list[int]]  # series name -> a value per label: what the chart is drawn from
    columns: list[str] = field(default_factory=list)  # the table's headings (label column first)
    rows: list[list[str]] = field(default_factory=list)  # the table: the same figures, as text
    svg: SafeString = SafeString("")


def short_number(value: float) -> str:
    """Axis labels: 1.250.000 -> '1,3 tr'; 2.000.000.000 -> '2 tỷ'; 45.000 -> '45 nghìn'."""
    units = (
        (1_000_000_000, pgettext("amount", "tỷ")),
        (1_000_000, pgettext("amount", "tr")),
        (1_000, pgettext("amount", "nghìn")),
    )
    for size, unit in units:
        if abs(value) >= size:
            text = f"{value / size:.1f}".rstrip("0").rstrip(".").replace(".", ",")
            return f"{text} {unit}"
    return f"{value:.0f}"


def ticks(values: Sequence[int], most: int = 5) -> list[int]:
    """Round steps from 0 past the largest value (0, 1, 2, 5, 10, 20, 50 … times a power of ten),
    at most `most` + 1 of them: whole numbers on the value axis."""
    top = max([*values, 1])
    power = 1
    while True:
        for step in (power, 2 * power, 5 * power):
            if top / step <= most:
                count = -(-top // step)
                return [step * i for i in range(int(count) + 1)]
        power *= 10


def _clean(svg: str, label: str) -> SafeString:
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    svg = re.sub(r"<script\b.*?</script>", "", svg, flags=re.S)
    svg = re.sub(r"<desc\b[^>]*>.*?</desc>", "", svg, flags=re.S)
    svg = re.sub(r'<g [^>]*class="plot tooltip-overlay".*?</g></g>', "", svg, flags=re.S)
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" focusable="false" ', 1)
    return mark_safe(svg)  # noqa: S308 (pygal's own output; the only text put in is escaped)


def render(
    chart: Chart,
    *,
    kind: str = "bar",
    formatter: Callable[[float], str] = short_number,
    every: int = 1,
    drawn: Sequence[str] | None = None,
) -> Chart:
    """Draw `chart` (kind "bar", "hbar" or "line"): the series named in `drawn` (all by default;
    the table lists them all); `every` shows one label in that many on the x axis."""
    series = {name: chart.series[name] for name in (drawn or chart.series)}
    klass = {"bar": pygal.Bar, "hbar": pygal.HorizontalBar, "line": pygal.Line}[kind]
    drawing = klass(
        style=STYLE,
        width=WIDTH,
        height=90 + 36 * len(chart.labels) if kind == "hbar" else HEIGHT,
        explicit_size=False,
        js=[],
        disable_xml_declaration=True,
        show_legend=len(series) > 1,
        legend_at_bottom=True,
        legend_at_bottom_columns=min(len(series), 3),
        value_formatter=formatter,
        y_labels=ticks([value for values in series.values() for value in values]),
        x_labels_major_every=every if every > 1 else None,
        show_minor_x_labels=every <= 1,
        truncate_label=-1,
        margin=8,
        spacing=6,
        dots_size=3,
        include_x_axis=True,
        print_values=False,
        no_data_text="",
    )
    drawing.x_labels = chart.labels
    for name, values in series.items():
        drawing.add(name, list(values))
    chart.svg = _clean(drawing.render(is_unicode=True), f"{chart.title}. {chart.summary}")
    return chart


def table(chart: Chart, heading: str, formatters: Sequence[Callable[[int], str]] | None = None) -> Chart:
    """Fill the table alternative from the series: one row per label, one column per series."""
    names = list(chart.series)
    formatters = formatters or [str] * len(names)
    chart.columns = [heading, *names]
    chart.rows = [
        [label, *(fmt(chart.series[name][index]) for name, fmt in zip(names, formatters, strict=True))]
        for index, label in enumerate(chart.labels)
    ]
    return chart
