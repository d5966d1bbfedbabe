"""The /stats chart: recommendations per commitment by state, and participants by sector, as a PNG."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from messages_ar import Messages
from reports.stats import Stats, rate_text, sector_name
from storage.models import RecommendationState

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

# One colour per state, from "nothing happened yet" (greys) to "done" (green); colour-blind safe order.
STATE_COLOURS = {
    RecommendationState.NEW: "#bdbdbd",
    RecommendationState.RECEIVED: "#9ecae1",
    RecommendationState.UNDER_STUDY: "#4292c6",
    RecommendationState.ACCEPTED: "#74c476",
    RecommendationState.PARTLY_ACCEPTED: "#fdae6b",
    RecommendationState.NOT_ACCEPTED: "#d6604d",
    RecommendationState.IMPLEMENTED: "#238b45",
}


def render_chart(stats: Stats, messages: Messages) -> bytes:
    """Return the chart as PNG bytes in the reader's language; matplotlib (3.11+) shapes the Arabic and lays it out
    right to left; an English chart reads left to right."""
    buffer = io.BytesIO()
    build_figure(stats, messages).savefig(buffer, format="png")
    return buffer.getvalue()


def build_figure(stats: Stats, messages: Messages) -> Figure:
    """Return the chart's figure: recommendations by commitment and state on top, participants by sector below."""
    # Imported here: matplotlib and numpy are ~60 MB of a running bot's memory, and only /stats draws.
    # A bare Figure (not pyplot) renders with Agg and needs no display and no global state.
    from matplotlib.figure import Figure

    figure = Figure(figsize=(10, 7.5), dpi=110, layout="constrained")
    top, bottom = figure.subplots(2, 1, height_ratios=[3, 2])
    _states(top, stats, messages)
    _sectors(bottom, stats, messages)
    return figure


def _whole_numbers(axes: Axes) -> None:
    """Tick counts at whole numbers only (a count of 0.5 people, or −0.04, is never drawn)."""
    from matplotlib.ticker import MaxNLocator

    axes.xaxis.set_major_locator(MaxNLocator(integer=True, min_n_ticks=1))


def _direction(axes: Axes, messages: Messages) -> None:
    """Make bars grow from right to left with their labels on the right, as an Arabic reader expects (an English
    reader's grow from the left)."""
    if messages.direction == "rtl":
        axes.invert_xaxis()
        axes.yaxis.tick_right()
        axes.spines[["left", "top"]].set_visible(False)
    else:
        axes.spines[["right", "top"]].set_visible(False)


def _states(axes: Axes, stats: Stats, messages: Messages) -> None:
    rows = list(reversed(stats.commitments))  # commitment 1 on top
    labels = [messages.t("stats-chart-commitment", number=c.number) for c in rows]
    left = [0] * len(rows)
    for state, colour in STATE_COLOURS.items():
        widths = [c.by_state.get(state, 0) for c in rows]
        if any(widths):
            name = messages.t(f"state-{state.value}")
            axes.barh(labels, widths, left=left, color=colour, label=name)
            left = [a + b for a, b in zip(left, widths, strict=True)]
    rtl = messages.direction == "rtl"
    for y, c in enumerate(rows):
        median = messages.t("stats-days", days=round(c.median_days, 1)) if c.median_days is not None else "—"
        note = messages.t("stats-chart-bar-note", rate=rate_text(messages, c.response_rate), median=median)
        offset, side = (-6, "right") if rtl else (6, "left")  # beyond the bar's end, whichever way it grows
        axes.annotate(
            note, (left[y], y), xytext=(offset, 0), textcoords="offset points", va="center", ha=side, fontsize=9
        )
    axes.set_title(messages.t("stats-chart-title"), fontsize=13)
    axes.set_xlim(0, max([*left, 1]) * 1.45)
    if any(left):  # with no recommendations yet there is nothing to explain
        axes.legend(loc="lower left" if rtl else "lower right", fontsize=9, frameon=False)
    _whole_numbers(axes)
    _direction(axes, messages)


def _sectors(axes: Axes, stats: Stats, messages: Messages) -> None:
    axes.set_title(messages.t("stats-chart-sectors"), fontsize=13)
    if not stats.by_sector:  # nobody registered yet: no empty axes with fractional ticks
        axes.set_axis_off()
        axes.text(0.5, 0.5, messages.t("stats-chart-no-participants"), ha="center", va="center", fontsize=11)
        return
    rows = list(reversed(stats.by_sector))
    names = [sector_name(messages, sector) for sector, _ in rows]
    counts = [n for _, n in rows]
    bars = axes.barh(names, counts, color="#6a51a3")
    axes.bar_label(bars, padding=3, fontsize=9)
    axes.set_xlabel(messages.t("stats-chart-count"))
    axes.set_xlim(0, max([*counts, 1]) * 1.15)
    _whole_numbers(axes)
    _direction(axes, messages)
