"""What a row of a sent milestones spreadsheet means: a change to a milestone, or a reason it cannot be taken."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict

from handlers.kit.context import Context, Member
from handlers.kit.dates import parse_date
from handlers.kit.labels import completion_label, short_date
from handlers.kit.text import clean_line, parse_int
from messages import LANGUAGES
from reports.cells import restore
from reports.sheet_import import SheetRow
from reports.tables import CellValue
from storage import catalogue, milestones
from storage.models import Commitment, Completion, Milestone

TITLE_LIMITS = (3, 200)  # as /milestones


class RowError(ValueError):
    """A row that cannot be taken, with the reason in Arabic."""


class Change(BaseModel):
    """A milestone to add (milestone_id None) or to change, as a row of the spreadsheet says it should be."""

    model_config = ConfigDict(frozen=True)

    row: int
    commitment_id: int
    commitment_number: int
    milestone_id: int | None
    title: str
    start: date | None
    end: date | None
    state: Completion
    seen: datetime | None = None  # the milestone's updated_at when the file was checked: changed since, refused


async def check_rows(ctx: Member, rows: list[SheetRow]) -> tuple[list[Change], list[tuple[int, str]]]:
    """Return the changes the rows ask for (unchanged rows left out) and, per refused row, the reason."""
    commitments = {c.number: c for c in await catalogue.list_commitments(ctx.conn)}
    changes: list[Change] = []
    errors: list[tuple[int, str]] = []
    for row in rows:
        if row.blank():
            continue
        try:
            change = await _change(ctx, row, commitments)
        except RowError as error:
            errors.append((row.number, str(error)))
            continue
        if change is not None:
            changes.append(change)
    return changes, errors


async def _change(ctx: Member, row: SheetRow, commitments: dict[int, Commitment]) -> Change | None:
    number = _int(ctx, row.cells.get("exp-col-commitment"), "exp-col-commitment")
    commitment = commitments.get(number) if number is not None else None
    if commitment is None:
        raise RowError(ctx.t("import-row-commitment", value=_shown(row.cells.get("exp-col-commitment"))))
    if not ctx.may_handle(commitment.id):
        raise RowError(ctx.t("import-row-not-yours", number=commitment.number))
    current = await _milestone(ctx, row, commitment)
    title = _title(ctx, row.cells.get("exp-col-milestone"))
    start = _date(ctx, row.cells.get("exp-col-start"), "exp-col-start")
    end = _date(ctx, row.cells.get("exp-col-end"), "exp-col-end")
    if start and end and end < start:
        raise RowError(ctx.t("import-row-end-before-start"))
    state = _state(ctx, row.cells.get("exp-col-completion"))
    if current is not None and (current.title, current.start_date, current.end_date, current.state) == (
        title,
        start,
        end,
        state,
    ):
        return None
    return Change(
        row=row.number,
        commitment_id=commitment.id,
        commitment_number=commitment.number,
        milestone_id=current.id if current else None,
        title=title,
        start=start,
        end=end,
        state=state,
        seen=current.updated_at if current else None,
    )


async def _milestone(ctx: Member, row: SheetRow, commitment: Commitment) -> Milestone | None:
    raw = row.cells.get("exp-col-milestone-id")
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None  # a new milestone
    number = _int(ctx, raw, "exp-col-milestone-id")
    found = await milestones.get_milestone(ctx.conn, number) if number is not None else None
    if found is None or found.commitment_id != commitment.id:
        raise RowError(ctx.t("import-row-milestone", value=_shown(raw), number=commitment.number))
    return found


def _shown(value: CellValue) -> str:
    return "—" if value is None else clean_line(str(value))[:40] or "—"


def _int(ctx: Member, value: CellValue, column: str) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and (parsed := parse_int(value)) is not None:
        return parsed
    raise RowError(ctx.t("import-row-number", column=ctx.t(column), value=_shown(value)))


def _title(ctx: Member, value: CellValue) -> str:
    title = clean_line(restore(str(value))) if value is not None else ""
    low, high = TITLE_LIMITS
    if not low <= len(title) <= high:
        raise RowError(ctx.t("import-row-title", min=low, max=high))
    return title


def _date(ctx: Member, value: CellValue, column: str) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    parsed = parse_date(str(value).split(" ")[0])  # an exported "2019-09-30 00:00" reads as its day
    if parsed is None:
        raise RowError(ctx.t("import-row-date", column=ctx.t(column), value=_shown(value)))
    return parsed


def _state(ctx: Member, value: CellValue) -> Completion:
    text = clean_line(str(value)) if value is not None else ""
    for level in Completion:  # the code, or its name in either language (a table exported in the other one)
        if text == level.value or any(text == completion_label(ctx.speaking(lang), level) for lang in LANGUAGES):
            return level
    choices = ctx.messages.join([completion_label(ctx, level) for level in Completion])
    raise RowError(ctx.t("import-row-state", value=_shown(value), choices=choices))


def describe(ctx: Context, change: Change, current: Milestone | None) -> str:
    """Return one line of the preview: what the row adds or changes."""
    if current is None:
        return ctx.t("import-line-new", row=change.row, number=change.commitment_number, title=change.title)
    parts = []
    if current.title != change.title:
        parts.append(ctx.t("import-diff-title", new=change.title))
    if current.state != change.state:
        parts.append(
            ctx.t(
                "import-diff-state", old=completion_label(ctx, current.state), new=completion_label(ctx, change.state)
            )
        )
    for key, old, new in (
        ("import-diff-start", current.start_date, change.start),
        ("import-diff-end", current.end_date, change.end),
    ):
        if old != new:
            parts.append(ctx.t(key, old=_day(ctx, old), new=_day(ctx, new)))
    return ctx.t(
        "import-line-change",
        row=change.row,
        number=change.commitment_number,
        title=current.title,
        changes=ctx.messages.join(parts),
    )


def _day(ctx: Context, day: date | None) -> str:
    return short_date(ctx, day) if day else "—"
