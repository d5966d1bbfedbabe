"""Reading back the milestones table: XLSX by sheet or by columns, CSV, the CSV export's zip, and what is refused."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

import pytest
from openpyxl import Workbook

from messages_ar import load_messages
from reports.sheet_import import MAX_ROWS, SheetError, read_milestones
from reports.tables import Labels
from tests.reports.test_exports import AMMAN

HEADERS = "رقم المرحلة,رقم الالتزام,المرحلة,مستوى الإنجاز\n"


def _labels() -> Labels:
    return Labels(load_messages(), AMMAN)


def _book(*sheets: tuple[str, list[list[object]]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_sheet_with_the_columns_is_found_whatever_its_name() -> None:
    data = _book(
        ("ملاحظات", [["أي شيء"], ["نص"]]),
        ("جدولي", [["المرحلة", "رقم الالتزام", "مستوى الإنجاز"], ["تدريب", 2.0, "محدود"], [None, None, None]]),
    )
    rows = read_milestones(data, _labels())
    assert rows[0].number == 2 and rows[0].cells == {
        "exp-col-milestone": "تدريب",
        "exp-col-commitment": 2,
        "exp-col-completion": "محدود",
    }
    assert rows[1].blank()


def test_the_csv_exports_zip_and_a_bare_csv() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("recommendations.csv", "x\n")
        archive.writestr("milestones.csv", ("\ufeff" + HEADERS + "7,2,تدريب,مكتمل\n").encode())
    [row] = read_milestones(out.getvalue(), _labels())
    assert row.cells["exp-col-milestone-id"] == "7" and row.cells["exp-col-completion"] == "مكتمل"
    assert read_milestones(HEADERS.encode(), _labels()) == []


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"", "import-empty"),
        (b"\xff\xfe\x00bad", "import-unreadable"),
        (b"x" * (2 * 1024 * 1024 + 1), "import-too-large"),
        ((HEADERS + "1,2,م,محدود\n" * (MAX_ROWS + 1)).encode(), "import-too-many-rows"),
        (_book(("أ", [["س"]]), ("ب", [["ص"]])), "import-no-columns"),
    ],
)
def test_what_is_refused_says_why(data: bytes, key: str) -> None:
    with pytest.raises(SheetError) as refused:
        read_milestones(data, _labels())
    assert refused.value.key == key


def test_cells_keep_their_kinds() -> None:
    when = datetime(2020, 6, 30)  # noqa: DTZ001 - a spreadsheet cell has no zone
    data = _book(
        ("المراحل", [["المرحلة", "رقم الالتزام", "مستوى الإنجاز", "تاريخ الانتهاء"], ["م", 2.5, "محدود", when]])
    )
    [row] = read_milestones(data, _labels())
    assert row.cells["exp-col-commitment"] == "2.5" and row.cells["exp-col-end"] == when
