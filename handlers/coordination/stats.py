"""/stats (coordinators): participation and answering figures, with a chart."""

from __future__ import annotations

from handlers.kit import documents
from handlers.kit.access import requires_role
from handlers.kit.context import Context
from handlers.kit.contract import Document, Reply
from handlers.kit.documents import Built, DocumentKind, Job
from handlers.kit.feature import Feature
from handlers.kit.who import Who
from reports.chart import render_chart
from reports.stats import gather_stats, stats_text
from storage.exports import ExportScope


@requires_role(Who.COORDINATOR)
async def show(ctx: Context) -> list[Reply]:
    """Answer /stats: the figures and the chart follow, built on a read-only snapshot."""
    staff = sorted(ctx.config.coordinators)  # configured coordinators are staff even without a role row
    return await documents.request(ctx, DocumentKind.STATS, ExportScope(), staff=staff)


async def build(job: Job) -> Built:
    """Return the figures as text, then the chart as a PNG (the figures alone when there is nothing to draw)."""
    figures = await gather_stats(job.conn, job.params.get("staff", ()))
    if figures.empty:  # nothing to draw: the figures say so, without empty headings or an empty chart
        return Built([Reply(text=stats_text(figures, job.messages), choices=job.menu)])
    caption = job.t("stats-chart-caption")
    chart = Document(
        filename=f"ogp-stats-{job.local_requested_at:%Y%m%d}.png",
        mime="image/png",
        data=render_chart(figures, job.messages),
        caption=caption,
    )
    return Built(
        [
            Reply(text=stats_text(figures, job.messages)),
            Reply(text=caption, document=chart, choices=job.menu),
        ]
    )


FEATURE = Feature(commands={"stats": show})
