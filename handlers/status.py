"""/status: every commitment with its completion, and one commitment in detail."""

from __future__ import annotations

from handlers import endorse
from handlers.context import Context
from handlers.contract import Choice, Reply
from handlers.fallback import unknown_button
from handlers.feature import Feature
from handlers.labels import completion_label, progress_bar, short_date
from handlers.menu import with_menu
from handlers.text import parse_int
from storage import catalogue
from storage.models import CommitmentStatus, Completion


async def board(ctx: Context, *, replace: bool = False) -> list[Reply]:
    """Answer /status: the list of commitments with their status bars."""
    plan = await catalogue.active_plan(ctx.conn)
    rows = await catalogue.status_board(ctx.conn)
    if plan is None or not rows:
        return [with_menu(ctx, ctx.t("status-no-plan"))]
    lines = [ctx.t("status-title", plan=plan.title_ar), ""]
    lines += [_board_line(ctx, row) for row in rows]
    lines += ["", ctx.t("status-choose")]
    choices = tuple(
        Choice(id=f"st:c:{r.commitment.id}", label=f"{r.commitment.number}. {r.commitment.title_ar}") for r in rows
    )
    return [Reply(text="\n".join(lines), choices=choices, replace=replace)]


def _board_line(ctx: Context, row: CommitmentStatus) -> str:
    completion = row.latest.completion if row.latest else Completion.NOT_STARTED
    progress = row.latest.progress if row.latest else 0
    return ctx.t(
        "status-line",
        number=row.commitment.number,
        title=row.commitment.title_ar,
        bar=progress_bar(progress),
        completion=completion_label(ctx, completion),
    )


async def detail(ctx: Context, commitment_id: int, *, replace: bool = True) -> list[Reply]:
    """Show one commitment: agency, dates, completion, latest update, milestones and input received."""
    row = await catalogue.commitment_status(ctx.conn, commitment_id)
    if row is None:
        return [with_menu(ctx, ctx.t("status-unknown-commitment"))]
    c, latest = row.commitment, row.latest
    parts = [
        ctx.t(
            "status-detail",
            number=c.number,
            title=c.title_ar,
            ogp_id=c.ogp_id,
            agency=c.lead_agency_ar,
            start=short_date(ctx, c.start_date),
            end=short_date(ctx, c.end_date),
            completion=completion_label(ctx, latest.completion if latest else Completion.NOT_STARTED),
            bar=progress_bar(latest.progress if latest else 0),
        )
    ]
    parts.append(_latest_text(ctx, row))
    milestones = await catalogue.list_milestones(ctx.conn, c.id)
    if milestones:
        lines = [ctx.t("status-milestones")]
        for m in milestones:
            due = ctx.t("status-milestone-due", date=short_date(ctx, m.end_date)) if m.end_date else ""
            lines.append(ctx.t("status-milestone-line", title=m.title, state=completion_label(ctx, m.state), due=due))
        parts.append("\n".join(lines))
    parts.append(ctx.t("status-recommendations", count=row.recommendations))
    support, extra = await endorse.commitment_extras(ctx, c.id)
    parts[-1] += "\n" + support
    choices = (
        Choice(id=f"rec:start:{c.id}", label=ctx.t("recommend-on-this")),
        *extra,
        Choice(id="st:list", label=ctx.t("all-commitments")),
    )
    return [Reply(text="\n\n".join(parts), choices=choices, replace=replace)]


def _latest_text(ctx: Context, row: CommitmentStatus) -> str:
    latest = row.latest
    if latest is None:
        return ctx.t("status-no-updates")
    text = ctx.t("status-latest", date=short_date(ctx, latest.created_at), note=latest.note or "—")
    if latest.evidence_url:
        text += "\n" + ctx.t("status-evidence", url=latest.evidence_url)
    return text


async def start(ctx: Context) -> list[Reply]:
    """Answer /status (or /status N for one commitment)."""
    number = parse_int(ctx.incoming.args) if ctx.incoming.args else None
    if number is not None:
        match = next((c for c in await catalogue.list_commitments(ctx.conn) if c.number == number), None)
        if match is not None:
            return await detail(ctx, match.id, replace=False)
    return await board(ctx)


async def on_choice(ctx: Context) -> list[Reply]:
    """Route a st:* button."""
    parts = (ctx.incoming.choice or "").split(":")
    if parts[1:] == ["list"]:
        return await board(ctx, replace=True)
    commitment_id = parse_int(parts[2]) if len(parts) == 3 and parts[1] == "c" else None
    active = {c.id for c in await catalogue.list_commitments(ctx.conn)}
    if commitment_id not in active or commitment_id is None:
        return await unknown_button(ctx)
    return await detail(ctx, commitment_id)


FEATURE = Feature(
    commands={"status": start},
    choices={"st": on_choice},
    keywords={"keyword-status": "status"},
)
