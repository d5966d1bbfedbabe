"""/report (coordinators): the meeting report as a Word document, on the whole plan or one round, in the language the
coordinator reads or, with one button, the other."""

from __future__ import annotations

from enum import StrEnum

from handlers.kit import documents
from handlers.kit.access import requires_role
from handlers.kit.buttons import Button
from handlers.kit.context import Context
from handlers.kit.contract import Document, Reply
from handlers.kit.documents import (
    AuditLine,
    Built,
    DocumentKind,
    Job,
    file_language,
    file_language_line,
    language_choice,
)
from handlers.kit.fallback import unknown_button
from handlers.kit.feature import Feature
from handlers.kit.flows import Accepts, Flow, FlowData
from handlers.kit.labels import Lang
from handlers.kit.routes import on
from handlers.kit.who import Who
from storage.exports import ExportScope, get_round, recent_rounds

ROUNDS_SHOWN = 8


class Step(StrEnum):
    """The one step: which input the report covers."""

    SCOPE = "scope"


class Asked(FlowData):
    """The report's language (None: the one the coordinator reads)."""

    language: Lang | None = None


class WholePlan(Button, prefix="rep:all"):
    """Report on the whole plan's input."""


class OneRound(Button, prefix="rep:r"):
    """Report on one round."""

    round: int


class FileLanguage(Button, prefix="rep:l"):
    """Have the report in another language than the one the coordinator reads."""

    language: Lang


class Cancel(Button, prefix="rep:x"):
    """Write no report."""


@requires_role(Who.COORDINATOR)
async def start(ctx: Context) -> list[Reply]:
    """Answer /report: ask which input to report on (the whole plan or a round), and in which language."""
    return [await _scope_prompt(ctx, REPORT.start(ctx, Step.SCOPE))]


async def _scope_prompt(ctx: Context, asked: Asked, *, replace: bool = False) -> Reply:
    rounds = await recent_rounds(ctx.conn, ROUNDS_SHOWN)
    language = file_language(ctx, asked.language)
    choices = (
        WholePlan().choice(ctx.t("rep-scope-plan")),
        *(OneRound(round=r.id).choice(r.name) for r in rounds),
        language_choice(ctx, FileLanguage, language),
        Cancel().choice(ctx.t("cancel-button")),
    )
    text = ctx.t("rep-choose-scope") + "\n" + file_language_line(ctx, language)
    return Reply(text=text, choices=choices, replace=replace)


@requires_role(Who.COORDINATOR)
async def pick_language(ctx: Context, press: FileLanguage) -> list[Reply]:
    """Have the report in the language pressed."""
    asked = REPORT.load(ctx)
    asked.language = press.language
    REPORT.goto(ctx, Step.SCOPE, asked)
    return [await _scope_prompt(ctx, asked, replace=True)]


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


async def ask_again(ctx: Context, asked: Asked) -> list[Reply]:
    """Ask which input to report on again."""
    return [await _scope_prompt(ctx, asked)]


async def _deliver(ctx: Context, round_id: int | None) -> list[Reply]:
    language = file_language(ctx, REPORT.load(ctx).language)
    ctx.end()
    scope = ExportScope(round_id=round_id)
    return await documents.request(ctx, DocumentKind.REPORT, scope, language=language, author=ctx.config.report_author)


async def build(job: Job) -> Built:
    """Write the report on the job's read-only snapshot."""
    from reports.report_docx import MIME, build_report, report_filename  # python-docx loads only when asked

    round_id = job.scope.round_id
    rnd = await get_round(job.conn, round_id) if round_id is not None else None
    try:
        data = await build_report(
            job.conn,
            round_id=round_id,
            now=job.requested_at,
            messages=job.messages,
            tz=job.timezone,
            author=job.params.get("author"),
        )
    except LookupError:  # no active plan
        return Built([Reply(text=job.t("status-no-plan"), choices=job.menu)])
    caption = job.t("rep-caption")
    name = report_filename(job.requested_at, job.timezone, job.messages.name(rnd, "name") if rnd else None)
    document = Document(filename=name, mime=MIME, data=data, caption=caption)
    audit = AuditLine("report", f"round={round_id}" if round_id else "plan", None)
    return Built([Reply(text=caption, document=document, choices=job.menu)], audit)


REPORT = Flow(
    name="report",
    data=Asked,
    cancel=Cancel,
    steps={
        Step.SCOPE: Accepts(
            buttons=(on(WholePlan, whole_plan), on(OneRound, one_round), on(FileLanguage, pick_language)),
            question=ask_again,
        )
    },
)

FEATURE = Feature(
    commands={"report": start},
    flows=(REPORT,),
)
