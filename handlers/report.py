"""/report (coordinators): the meeting report as a Word document, on the whole plan or one round."""

from __future__ import annotations

from handlers import documents
from handlers.context import Context
from handlers.contract import Choice, Document, Reply
from handlers.documents import AuditLine, Built, DocumentKind, Job
from handlers.fallback import stale_button, unknown_button
from handlers.feature import Feature
from handlers.menu import with_menu
from handlers.text import parse_int
from storage.exports import ExportScope, get_round, recent_rounds

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
    ctx.end()
    return await documents.request(ctx, DocumentKind.REPORT, ExportScope(round_id=round_id))


async def build(job: Job) -> Built:
    """Write the report on the job's read-only snapshot."""
    from reports.report_docx import MIME, build_report, report_filename  # python-docx loads only when asked

    round_id = job.scope.round_id
    rnd = await get_round(job.conn, round_id) if round_id is not None else None
    try:
        data = await build_report(
            job.conn, round_id=round_id, now=job.requested_at, messages=job.messages, tz=job.timezone
        )
    except LookupError:  # no active plan
        return Built([Reply(text=job.t("status-no-plan"), choices=job.menu)])
    caption = job.t("rep-caption")
    name = report_filename(job.requested_at, job.timezone, rnd.code if rnd else None)
    document = Document(filename=name, mime=MIME, data=data, caption=caption)
    audit = AuditLine("report", f"round={round_id}" if round_id else "plan", None)
    return Built([Reply(text=caption, document=document, choices=job.menu)], audit)


FEATURE = Feature(commands={"report": start}, choices={"rep": on_choice})
