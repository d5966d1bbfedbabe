"""The answer sheet's columns: what an officer reads about each recommendation, and the two columns they fill.

The version column (hidden in the workbook) carries each recommendation's answer version at download, so an answer
given since then is recognised when the sheet comes back (storage.answer_sheet).
"""

from __future__ import annotations

from dataclasses import dataclass

from reports.said import said
from reports.tables import CellValue, Column, Labels
from storage.exports import ExportedRecommendation

NUMBER = "exp-col-id"
NEW_STATE = "answer-sheet-col-new-state"
NEW_RESPONSE = "answer-sheet-col-new-response"
VERSION = "answer-sheet-col-version"

COLUMNS = (
    Column(NUMBER, 10),
    Column("exp-col-commitment", 10),
    Column("exp-col-theme", 22, wrap=True),
    Column("exp-col-round", 18, wrap=True),
    Column("exp-col-created", 12),
    Column("exp-col-text", 60, wrap=True),
    Column("exp-col-sector", 16),
    Column("exp-col-endorsements", 10),
    Column("exp-col-state", 16),
    Column("exp-col-response", 40, wrap=True),
    Column(NEW_STATE, 18),
    Column(NEW_RESPONSE, 50, wrap=True),
    Column(VERSION, 8),
)
REQUIRED = (NUMBER, NEW_STATE, NEW_RESPONSE)
FILLED = (NEW_STATE, NEW_RESPONSE)


@dataclass(frozen=True, slots=True)
class SheetItem:
    """A recommendation as the sheet lists it, with its answer version at download."""

    rec: ExportedRecommendation
    version: int


def item_cells(item: SheetItem, labels: Labels) -> list[CellValue]:
    """Return a recommendation's cells in COLUMNS order (the two columns to fill empty)."""
    rec = item.rec
    created = labels.local(rec.created_at)
    return [
        rec.id,
        rec.commitment_number,
        labels.pick(rec.theme, rec.theme_en),
        rec.round_name,
        created.date() if created else None,
        said(labels.messages, rec.text, rec.voice_seconds, rec.transcript),
        labels.sector(rec.author.sector),
        rec.endorsements,
        labels.state(rec.state),
        rec.response,
        None,
        None,
        item.version,
    ]
