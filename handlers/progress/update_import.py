"""Several commitments' milestones updated at once from a spreadsheet: the file → what changes → confirm → all of it.

The officer sends back the milestones table in the columns the export writes (XLSX, CSV, or the CSV export's zip);
every row is checked first, a refused row is named by its number with the reason, and nothing is stored until the
whole file is right and the officer confirmed the preview. A milestone someone changed in between refuses the lot.
"""

from __future__ import annotations

import asyncio
import io
from enum import StrEnum

from pydantic import Field

from handlers.kit.access import handled_commitments, refuse, requires
from handlers.kit.buttons import Button
from handlers.kit.context import Context, Member
from handlers.kit.contract import Document, Reply
from handlers.kit.feature import Feature
from handlers.kit.flows import Accepts, Flow, FlowData
from handlers.kit.menu import with_menu
from handlers.kit.routes import on
from handlers.kit.who import Who
from handlers.progress.sheet_rules import Change, check_rows, describe
from reports.sheet_import import SheetError, read_milestones
from reports.tables import Labels
from storage import audit, catalogue, files, milestones

ERRORS_SHOWN = 20
CHANGES_SHOWN = 30
MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class Step(StrEnum):
    """Steps of an import: the file, then the preview."""

    FILE = "file"
    PREVIEW = "preview"


class Import(FlowData):
    """The changes the checked file asks for."""

    changes: list[Change] = Field(default_factory=list)


class StartImport(Button, prefix="upd:imp"):
    """Update milestones from a spreadsheet."""


class Template(Button, prefix="upd:tpl"):
    """Send the current milestones table to fill in."""


class Apply(Button, prefix="upd:apply"):
    """Store every change of the previewed file."""


class Cancel(Button, prefix="upd:ix"):
    """Store nothing from the file."""


@requires(Who.OFFICER)
async def begin(ctx: Member, press: StartImport) -> list[Reply]:
    """Ask for the file, offering the current table to fill in."""
    if not await handled_commitments(ctx):
        return refuse(ctx)
    IMPORT.start(ctx, Step.FILE)
    return [_ask_file(ctx)]


def _ask_file(ctx: Context, lead: str | None = None) -> Reply:
    text = ctx.t("import-ask-file")
    choices = (Template().choice(ctx.t("import-template")), Cancel().choice(ctx.t("cancel-button")))
    return Reply(text=f"{lead}\n\n{text}" if lead else text, choices=choices)


async def ask_again(ctx: Context, data: Import) -> list[Reply]:
    """Text where a file is awaited: ask for the file again."""
    return [_ask_file(ctx)]


@requires(Who.OFFICER)
async def template(ctx: Member, press: Template) -> list[Reply]:
    """Send the milestones of the person's commitments in the export's columns."""
    from reports.export_xlsx import write_milestones  # openpyxl loads only when asked

    out = io.BytesIO()
    labels = Labels(ctx.messages, ctx.config.timezone)
    await write_milestones(ctx.conn, await handled_commitments(ctx), out, labels)
    name = f"ogp-milestones-{ctx.local_now:%Y%m%d}.xlsx"
    document = Document(filename=name, mime=MIME_XLSX, data=out.getvalue(), caption=ctx.t("import-template-caption"))
    return [Reply(text=ctx.t("import-template-caption"), document=document), _ask_file(ctx)]


@requires(Who.OFFICER)
async def take_file(ctx: Member, data: Import) -> list[Reply]:
    """Read the file, check every row, and preview the changes (or name the rows that cannot be taken)."""
    attachment = ctx.incoming.attachment
    if attachment is None or attachment.data is None:
        return [_ask_file(ctx, ctx.t("import-not-downloaded"))]
    if attachment.stored is not None:  # a table is read, not kept: only evidence files stay
        await files.drop(ctx.conn, attachment.stored, ctx.now)
    try:
        labels = Labels(ctx.messages, ctx.config.timezone)
        rows = await asyncio.to_thread(read_milestones, attachment.data, labels)  # the event loop serves others
    except SheetError as error:
        return [_ask_file(ctx, ctx.t(error.key))]
    changes, errors = await check_rows(ctx, rows)
    if errors:
        return [_ask_file(ctx, _errors_text(ctx, errors))]
    if not changes:
        return [_ask_file(ctx, ctx.t("import-nothing-changes"))]
    IMPORT.goto(ctx, Step.PREVIEW, Import(changes=changes))
    return [await _preview(ctx, changes)]


def _errors_text(ctx: Context, errors: list[tuple[int, str]]) -> str:
    lines = [ctx.t("import-errors", count=len(errors))]
    lines += [ctx.t("import-error-line", row=row, reason=reason) for row, reason in errors[:ERRORS_SHOWN]]
    if len(errors) > ERRORS_SHOWN:
        lines.append(ctx.t("import-more", count=len(errors) - ERRORS_SHOWN))
    return "\n".join(lines)


async def _preview(ctx: Context, changes: list[Change]) -> Reply:
    lines = [ctx.t("import-preview", count=len(changes))]
    for change in changes[:CHANGES_SHOWN]:
        current = await milestones.get_milestone(ctx.conn, change.milestone_id) if change.milestone_id else None
        lines.append(describe(ctx, change, current))
    if len(changes) > CHANGES_SHOWN:
        lines.append(ctx.t("import-more", count=len(changes) - CHANGES_SHOWN))
    choices = (Apply().choice(ctx.t("import-apply")), Cancel().choice(ctx.t("cancel-button")))
    return Reply(text="\n".join(lines), choices=choices)


@requires(Who.OFFICER)
async def apply(ctx: Member, press: Apply) -> list[Reply]:
    """Store every change, or none when a milestone changed since the file was checked."""
    changes = IMPORT.load(ctx).changes
    if any(not ctx.may_handle(c.commitment_id) for c in changes):
        return refuse(ctx)
    for change in changes:
        if change.milestone_id is None:
            continue
        current = await milestones.get_milestone(ctx.conn, change.milestone_id)
        if current is None or current.updated_at != change.seen:
            IMPORT.goto(ctx, Step.FILE, Import())
            return [_ask_file(ctx, ctx.t("import-stale", row=change.row))]
    for change in changes:
        await _store(ctx, change)
    await audit.record(ctx.conn, ctx.participant.id, "milestones.import", None, f"changes={len(changes)}", ctx.now)
    ctx.end()
    return [with_menu(ctx, ctx.t("import-done", count=len(changes)))]


async def _store(ctx: Member, change: Change) -> None:
    if change.milestone_id is None:
        await catalogue.add_milestone(
            ctx.conn, change.commitment_id, change.title, change.start, change.end, ctx.now, change.state
        )
        return
    await milestones.update_milestone(
        ctx.conn,
        change.milestone_id,
        title=change.title,
        start=change.start,
        end=change.end,
        state=change.state,
        now=ctx.now,
    )


async def show_preview(ctx: Context, data: Import) -> list[Reply]:
    """Show the checked changes with their buttons again."""
    return [await _preview(ctx, data.changes)]


async def cancelled(ctx: Context, data: Import) -> list[Reply]:
    """Nothing from the file was stored."""
    return [with_menu(ctx, ctx.t("import-cancelled"))]


IMPORT = Flow(
    name="update_import",
    data=Import,
    cancel=Cancel,
    on_cancel=cancelled,
    steps={
        Step.FILE: Accepts(
            question=ask_again, file=take_file, text=ask_again, buttons=(on(Template, template),), goes=(Step.PREVIEW,)
        ),
        Step.PREVIEW: Accepts(buttons=(on(Apply, apply),), question=show_preview, goes=(Step.FILE,)),
    },
)

FEATURE = Feature(
    buttons=(on(StartImport, begin),),
    flows=(IMPORT,),
)
