"""/stats (coordinators): participation and answering figures, with a chart."""

from __future__ import annotations

from handlers.context import Context
from handlers.contract import Document, Reply
from handlers.feature import Feature
from handlers.kit.access import requires_role
from handlers.kit.who import Who
from handlers.menu import menu_choices, with_menu
from reports.chart import render_chart
from reports.stats import gather_stats, stats_text


@requires_role(Who.COORDINATOR)
async def show(ctx: Context) -> list[Reply]:
    """Answer /stats: the figures as text, then the chart as a PNG."""
    figures = await gather_stats(ctx.conn)
    if figures.empty:  # nothing to draw: the figures say so, without empty headings or an empty chart
        return [with_menu(ctx, stats_text(figures, ctx.messages))]
    caption = ctx.t("stats-chart-caption")
    chart = Document(
        filename=f"ogp-stats-{ctx.local_now:%Y%m%d}.png",
        mime="image/png",
        data=render_chart(figures, ctx.messages),
        caption=caption,
    )
    return [
        Reply(text=stats_text(figures, ctx.messages)),
        Reply(text=caption, document=chart, choices=menu_choices(ctx)),
    ]


FEATURE = Feature(commands={"stats": show})
