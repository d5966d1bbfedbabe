"""/report (coordinators): the meeting report as a Word document, on the whole plan or one round."""

from __future__ import annotations

from enum import StrEnum

from handlers.context import Context
from handlers.contract import Document, Reply
from handlers.fallback import unknown_button
from handlers.feature import Feature
from handlers.kit.access import requires_role
from handlers.kit.buttons import Button
from handlers.kit.flows import Accepts, Flow, FlowData
from handlers.kit.routes import on
from handlers.kit.who import Who
from handlers.menu import menu_choices, with_menu
from storage import audit
from storage.exports import get_round, recent_rounds

ROUNDS_SHOWN = 8


class Step(StrEnum):
    """The one step: which input the report covers."""

    SCOPE = "scope"


class Nothing(FlowData):
    """The report flow carries no data."""


class WholePlan(Button, prefix="rep:all"):
    """Report on the whole plan's input."""


class OneRound(Button, prefix="rep:r"):
    """Report on one round."""

    round: int


class Cancel(Button, prefix="rep:x"):
    """Write no report."""


@requires_role(Who.COORDINATOR)
async def start(ctx: Context) -> list[Reply]:
    """Answer /report: straight away when there are no rounds, else ask which input to report on."""
    rounds = await recent_rounds(ctx.conn, ROUNDS_SHOWN)
    if not rounds:
        return await _deliver(ctx, None)
    REPORT.start(ctx, Step.SCOPE)
    choices = (
        WholePlan().choice(ctx.t("rep-scope-plan")),
        *(OneRound(round=r.id).choice(r.name) for r in rounds),
        Cancel().choice(ctx.t("cancel-button")),
    )
    return [Reply(text=ctx.t("rep-choose-scope"), choices=choices)]


@requires_role(Who.COORDINATOR)
async def whole_plan(ctx: Context, press: WholePlan) -> list[Reply]:
    """Report on the whole plan."""
    return await _deliver(ctx, None)


@requires_role(Who.COORDINATOR)
async def one_round(ctx: Context, press: OneRound) -> list[Reply]:
    """Report on one round."""
    if await get_round(ctx.conn, press.round) is None:
        return await unknown_button(ctx)
    return await _deliver(ctx, press.round)


async def ask_again(ctx: Context, nothing: Nothing) -> list[Reply]:
    """Text at the scope step: point to the buttons."""
    return [Reply(text=ctx.t("use-buttons"), choices=(Cancel().choice(ctx.t("cancel-button")),))]


async def _deliver(ctx: Context, round_id: int | None) -> list[Reply]:
    from reports.report_docx import MIME, build_report, report_filename  # python-docx loads only when asked

    ctx.end()
    rnd = await get_round(ctx.conn, round_id) if round_id is not None else None
    try:
        data = await build_report(
            ctx.conn,
            round_id=round_id,
            now=ctx.now,
            messages=ctx.messages,
            tz=ctx.config.timezone,
            author=ctx.config.report_author,
        )
    except LookupError:  # no active plan
        return [with_menu(ctx, ctx.t("status-no-plan"))]
    actor = ctx.participant.id if ctx.participant else None
    await audit.record(ctx.conn, actor, "report", f"round={round_id}" if round_id else "plan", None, ctx.now)
    caption = ctx.t("rep-caption")
    name = report_filename(ctx.now, ctx.config.timezone, rnd.code if rnd else None)
    document = Document(filename=name, mime=MIME, data=data, caption=caption)
    return [Reply(text=caption, document=document, choices=menu_choices(ctx))]


REPORT = Flow(
    name="report",
    data=Nothing,
    cancel=Cancel,
    steps={Step.SCOPE: Accepts(buttons=(WholePlan, OneRound), ask=ask_again)},
)

FEATURE = Feature(
    commands={"report": start},
    buttons=(on(WholePlan, whole_plan), on(OneRound, one_round)),
    flows=(REPORT,),
)
