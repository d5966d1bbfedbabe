"""/report (coordinators): the meeting report as a Word document, on the whole plan or one round."""

from __future__ import annotations

from handlers.context import Context
from handlers.contract import Choice, Document, Reply
from handlers.fallback import stale_button, unknown_button
from handlers.feature import Feature
from handlers.menu import menu_choices, with_menu
from handlers.text import parse_int
from storage import audit
from storage.exports import get_round, recent_rounds

FLOW = "report"
STEP = "scope"
ROUNDS_SHOWN = 8


async def start(ctx: Context) -> list[Reply]:
    """Answer /report: straight away when there are no rounds, else ask which input to report on."""
    if not ctx.is_coordinator:
        return [with_menu(ctx, ctx.t("rep-not-allowed"))]
    rounds = await recent_rounds(ctx.conn, ROUNDS_SHOWN)
    if not rounds:
        return await _deliver(ctx, None)
    ctx.goto(FLOW, STEP)
    choices = (
        Choice(id="rep:all", label=ctx.t("rep-scope-plan")),
        *(Choice(id=f"rep:r:{r.id}", label=r.name) for r in rounds),
        Choice(id="rep:x", label=ctx.t("cancel-button")),
    )
    return [Reply(text=ctx.t("rep-choose-scope"), choices=choices)]


async def on_choice(ctx: Context) -> list[Reply]:
    """Route a rep:* button."""
    if not ctx.is_coordinator:
        ctx.end()
        return [with_menu(ctx, ctx.t("rep-not-allowed"))]
    parts = (ctx.incoming.choice or "").split(":")
    if parts[1:] == ["x"]:
        ctx.end()
        return [with_menu(ctx, ctx.t("cancelled"), replace=True)]
    if parts[1:] != ["all"] and not (len(parts) == 3 and parts[1] == "r"):
        return await unknown_button(ctx)
    if ctx.flow != FLOW or ctx.step != STEP:
        return await stale_button(ctx)
    if parts[1] == "all":
        return await _deliver(ctx, None)
    round_id = parse_int(parts[2])
    if round_id is None or await get_round(ctx.conn, round_id) is None:
        return await unknown_button(ctx)
    return await _deliver(ctx, round_id)


async def _deliver(ctx: Context, round_id: int | None) -> list[Reply]:
    from reports.report_docx import MIME, build_report, report_filename  # python-docx loads only when asked

    ctx.end()
    rnd = await get_round(ctx.conn, round_id) if round_id is not None else None
    try:
        data = await build_report(
            ctx.conn, round_id=round_id, now=ctx.now, messages=ctx.messages, tz=ctx.config.timezone
        )
    except LookupError:  # no active plan
        return [with_menu(ctx, ctx.t("status-no-plan"))]
    actor = ctx.participant.id if ctx.participant else None
    await audit.record(ctx.conn, actor, "report", f"round={round_id}" if round_id else "plan", None, ctx.now)
    caption = ctx.t("rep-caption")
    name = report_filename(ctx.now, ctx.config.timezone, rnd.code if rnd else None)
    document = Document(filename=name, mime=MIME, data=data, caption=caption)
    return [Reply(text=caption, document=document, choices=menu_choices(ctx))]


FEATURE = Feature(commands={"report": start}, choices={"rep": on_choice})
