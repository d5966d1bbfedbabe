"""What a row of a sent answer sheet means: an answer to give, a row that changes nothing, or why it is refused."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from handlers.answers.inbox import ANSWER_STATES, RESPONSE_LIMITS
from handlers.kit.context import Member
from handlers.kit.labels import state_label
from handlers.kit.text import clean_line, clean_text, parse_int
from messages import LANGUAGES
from reports.answer_sheet import NEW_RESPONSE, NEW_STATE, NUMBER, VERSION
from reports.answer_sheet_import import AnswerRow
from reports.cells import restore
from reports.tables import CellValue
from storage import answer_sheet, answers, catalogue, recommendations
from storage.models import Recommendation, RecommendationState


class RowError(ValueError):
    """A row that cannot be taken, with the reason in the officer's language."""


class SheetAnswer(BaseModel):
    """An answer a row gives, and the recommendation's answer version when the sheet was checked."""

    model_config = ConfigDict(frozen=True)

    row: int
    rec: int
    state: RecommendationState
    response: str | None
    seen: int


class _Checked:
    """The rows read so far: answers, refusals, unchanged rows, and where each recommendation was first met."""

    def __init__(self) -> None:
        self.answers: list[SheetAnswer] = []
        self.errors: list[tuple[int, str]] = []
        self.unchanged = 0
        self.first: dict[int, int] = {}


async def check_rows(ctx: Member, rows: list[AnswerRow]) -> tuple[list[SheetAnswer], list[tuple[int, str]], int]:
    """Return the answers the rows give, each refused row with why, and how many rows match what is stored."""
    numbers = {c.id: c.number for c in await catalogue.list_commitments(ctx.conn)}
    filled = [row for row in rows if not _untouched(row)]
    ids = {n for row in filled if (n := _number(row.cells.get(NUMBER))) is not None}
    current = await answer_sheet.versions(ctx.conn, ids)
    checked = _Checked()
    for row in filled:
        try:
            answer = await _answer(ctx, row, numbers, current, checked.first)
        except RowError as error:
            checked.errors.append((row.number, str(error)))
            continue
        if answer is None:
            checked.unchanged += 1
        else:
            checked.answers.append(answer)
    return checked.answers, checked.errors, checked.unchanged


def _untouched(row: AnswerRow) -> bool:
    return all(_blank(row.cells.get(key)) for key in (NEW_STATE, NEW_RESPONSE))


def _blank(value: CellValue) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


async def _answer(
    ctx: Member, row: AnswerRow, numbers: dict[int, int], current: dict[int, int], first: dict[int, int]
) -> SheetAnswer | None:
    """Return the answer a filled row gives, None when it matches what is stored; raise RowError when refused."""
    if row.hidden:
        raise RowError(ctx.t("answer-sheet-row-hidden-row"))
    if row.merged:
        raise RowError(ctx.t("answer-sheet-row-merged"))
    rec = await _recommendation(ctx, row.cells.get(NUMBER), numbers)
    if rec.id in first:
        raise RowError(ctx.t("answer-sheet-row-twice", receipt=ctx.t("receipt", id=rec.id), first=first[rec.id]))
    first[rec.id] = row.number
    state = _state(ctx, row.cells.get(NEW_STATE))
    response = _response(ctx, row.cells.get(NEW_RESPONSE))
    if answers.missing_reason(state, response):
        raise RowError(ctx.t("answer-sheet-row-reason", state=state_label(ctx, state)))
    if (rec.state, rec.response or None) == (state, response):
        return None  # already so: a sheet sent twice changes nothing
    seen = current.get(rec.id, 0)
    if _number(row.cells.get(VERSION)) != seen:
        receipt = ctx.t("receipt", id=rec.id)
        raise RowError(ctx.t("answer-sheet-row-changed", receipt=receipt, state=state_label(ctx, rec.state)))
    return SheetAnswer(row=row.number, rec=rec.id, state=state, response=response, seen=seen)


async def _recommendation(ctx: Member, value: CellValue, numbers: dict[int, int]) -> Recommendation:
    number = _number(value)
    if number is None:
        raise RowError(ctx.t("answer-sheet-row-number", value=_shown(value)))
    rec = await recommendations.get_recommendation(ctx.conn, number)
    if rec is None:
        raise RowError(ctx.t("answer-sheet-row-unknown", value=_shown(value)))
    receipt = ctx.t("receipt", id=rec.id)
    if not ctx.may_handle(rec.commitment_id):
        raise RowError(ctx.t("answer-sheet-row-not-yours", receipt=receipt, number=numbers.get(rec.commitment_id, 0)))
    if rec.hidden:
        raise RowError(ctx.t("answer-sheet-row-hidden", receipt=receipt))
    if rec.merged_into is not None:
        kept = ctx.t("receipt", id=rec.merged_into)
        raise RowError(ctx.t("answer-sheet-row-merged-into", receipt=receipt, kept=kept))
    return rec


def _number(value: CellValue) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return parse_int(value) if isinstance(value, str) else None


def _shown(value: CellValue) -> str:
    return "—" if value is None else clean_line(str(value))[:40] or "—"


def _state(ctx: Member, value: CellValue) -> RecommendationState:
    text = clean_line(restore(str(value))) if value is not None else ""
    if not text:
        raise RowError(ctx.t("answer-sheet-row-no-state"))
    for state in ANSWER_STATES:  # its name in either language (a sheet downloaded in the other one), or its code
        if text == state.value or any(text == state_label(ctx.speaking(lang), state) for lang in LANGUAGES):
            return state
    choices = ctx.messages.join([state_label(ctx, state) for state in ANSWER_STATES])
    raise RowError(ctx.t("answer-sheet-row-state", value=_shown(value), choices=choices))


def _response(ctx: Member, value: CellValue) -> str | None:
    response = clean_text(restore(str(value))) if not _blank(value) else ""
    if not response:
        return None
    low, high = RESPONSE_LIMITS
    if not low <= len(response) <= high:
        raise RowError(ctx.t("answer-sheet-row-length", min=low, max=high, length=len(response)))
    return response
