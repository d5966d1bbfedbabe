"""Small server-rendered SVG charts, each with its figures as a text alternative (no script, no colour alone)."""

from __future__ import annotations

from datetime import datetime

from markupsafe import Markup, escape

from public.language import Language
from storage.models import RecommendationState

WIDTH, HEIGHT = 120, 12
# Answer states, darkest for a final answer; each segment is also told in the text alternative.
_SHADES = {
    RecommendationState.NEW: "#9ca3af",
    RecommendationState.RECEIVED: "#9ca3af",
    RecommendationState.UNDER_STUDY: "#6b7280",
    RecommendationState.ACCEPTED: "#1d4ed8",
    RecommendationState.PARTLY_ACCEPTED: "#3b82f6",
    RecommendationState.NOT_ACCEPTED: "#b45309",
    RecommendationState.IMPLEMENTED: "#166534",
}


def _svg(label: str, body: str) -> Markup:
    return Markup(  # noqa: S704 - every value in it is a number or escaped here
        f'<svg class="chart" role="img" aria-label="{escape(label)}" viewBox="0 0 {WIDTH} {HEIGHT}"'
        f' width="{WIDTH}" height="{HEIGHT}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(label)}</title>{body}</svg>"
    )


def answers(states: tuple[tuple[RecommendationState, int], ...], lang: Language) -> Markup:
    """Return a bar of a commitment's published recommendations by answer state."""
    total = sum(n for _, n in states)
    parts = [f"{lang.t('state-' + s.value)}: {n}" for s, n in states]
    label = lang.t("pub-chart-answers", count=total) + (" — " + lang.t("pub-separator").join(parts) if parts else "")
    x, rects = 0.0, [f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#f4f6f8" stroke="#6b7280"/>']
    for state, n in states:
        w = WIDTH * n / total
        rects.append(f'<rect x="{x:.1f}" width="{w:.1f}" height="{HEIGHT}" fill="{_SHADES[state]}" stroke="#fff"/>')
        x += w
    return _svg(label, "".join(rects))


def progress(history: tuple[tuple[datetime, int], ...], lang: Language, day: object) -> Markup:
    """Return a line of self-reported progress over time (0 to 100%), oldest report first."""
    parts = [f"{day(when)} {lang.t('pub-percent', value=value)}" for when, value in history]  # type: ignore[operator]
    label = lang.t("pub-chart-progress") + (" — " + lang.t("pub-separator").join(parts) if parts else "")
    if not history:
        return _svg(label, f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#f4f6f8" stroke="#6b7280"/>')
    first, last = history[0][0].timestamp(), history[-1][0].timestamp()
    span = (last - first) or 1.0
    points = " ".join(
        f"{(WIDTH - 2) * (when.timestamp() - first) / span + 1:.1f},{HEIGHT - 1 - (HEIGHT - 2) * value / 100:.1f}"
        for when, value in history
    )
    if len(history) == 1:
        points += f" {WIDTH - 1},{points.split(',')[1]}"
    frame = f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#f4f6f8" stroke="#6b7280"/>'
    return _svg(label, f'{frame}<polyline points="{points}" fill="none" stroke="#1d4ed8" stroke-width="2"/>')
