"""Formula neutralising beyond ASCII: full-width and look-alike signs, and invisible characters in front of them."""

from __future__ import annotations

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from bot.core import Core
from reports.cells import neutralise
from reports.export import ExportFormat, export
from storage import catalogue, participants, recommendations
from storage.exports import ExportScope
from storage.models import Sector
from tests.reports.test_exports import AMMAN
from tests.support import START

# Signs a spreadsheet (or a tool that normalises Unicode before importing, NFKC) may read as = + - @.
LOOKALIKES = (
    "＝1+1",  # FULLWIDTH EQUALS SIGN
    "＋1+1",  # FULLWIDTH PLUS SIGN
    "－2+3",  # FULLWIDTH HYPHEN-MINUS
    "﹣2+3",  # SMALL HYPHEN-MINUS
    "−2+3",  # MINUS SIGN
    "﹢1+1",  # SMALL PLUS SIGN
    "＠SUM(1+1)",  # FULLWIDTH COMMERCIAL AT
    "﹫SUM(1+1)",  # SMALL COMMERCIAL AT
    "﹦1+1",  # SMALL EQUALS SIGN
    "⁼1+1",  # SUPERSCRIPT EQUALS SIGN
)
# Characters nobody sees, which some importers strip before deciding what a cell is.
INVISIBLE = ("\u2060", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\ufeff", "\u202e", "\u2066", "\u061c")
PAYLOADS = (
    *LOOKALIKES,
    *(prefix + '=HYPERLINK("http://evil.example","x")' for prefix in INVISIBLE),
    "\u200b\u2060+1+1",  # several of them
    "\u200d＝1+1",  # an invisible one before a look-alike
)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_lookalike_and_hidden_triggers_become_text(payload: str) -> None:
    assert neutralise(payload) == "'" + payload


@pytest.mark.parametrize("text", ["عادي ＝1", "\u200bنص عادي", "1−2", "\u200f", "مرحبا @فلان"])
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert neutralise(text) == text


async def _export(core: Core, fmt: ExportFormat) -> tuple[bytes, dict[int, str]]:
    """Store one recommendation per payload on commitment 1 and export it; return the file and id → payload."""
    async with core.db.transaction() as conn:
        [first, *_] = await catalogue.list_commitments(conn)
        author = await participants.register(
            conn, "telegram", "4004", name="هدى", organisation=None, sector=Sector.CSO, governorate=None, now=START
        )
        stored = {}
        for text in PAYLOADS:
            rec = await recommendations.add_recommendation(
                conn,
                participant_id=author.id,
                commitment_id=first.id,
                theme_id=None,
                text=text,
                channel="telegram",
                now=START,
            )
            stored[rec.id] = text
        out = io.BytesIO()
        scope = ExportScope(commitment_id=first.id)
        await export(conn, scope, fmt, out, messages=core.messages, tz=AMMAN, now=START)
    return out.getvalue(), stored


async def test_xlsx_neutralises_lookalikes(core: Core) -> None:
    data, stored = await _export(core, ExportFormat.XLSX)
    sheet = load_workbook(io.BytesIO(data))["الالتزام 1"]
    cells = {row[0].value: row[6] for row in sheet.iter_rows(min_row=2)}  # the text follows the question column
    for rec_id, payload in stored.items():
        assert cells[rec_id].data_type == "s" and cells[rec_id].value == "'" + payload


async def test_csv_neutralises_lookalikes(core: Core) -> None:
    data, stored = await _export(core, ExportFormat.CSV)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    by_id = {int(r[0]): r[6] for r in rows[1:]}
    assert by_id == {rec_id: "'" + payload for rec_id, payload in stored.items()}


async def test_json_keeps_the_text_as_written(core: Core) -> None:
    data, stored = await _export(core, ExportFormat.JSON)
    texts = {r["id"]: r["text"] for r in json.loads(data)["recommendations"]}
    assert texts == stored  # a data file, not a spreadsheet: nothing runs, nothing is changed
