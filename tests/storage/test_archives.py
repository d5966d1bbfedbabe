"""A zip someone sent is opened only within bounds: entries, sizes once inflated, ratio and method."""

from __future__ import annotations

import io
import zipfile

import pytest

from storage.archives import SENT, ArchiveRefused, ArchiveTooBig, Bounds, open_zip
from storage.filetypes import Format, recognise
from tests.media import docx, xlsx, xlsx_bomb

SMALL = Bounds(entries=3, entry_bytes=2000, total_bytes=3000, ratio=10, ratio_floor=100)


def zipped(*entries: tuple[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (zipped(*((f"{i}.csv", b"a") for i in range(4))), "4 entries"),
        (zipped(("a.csv", bytes(range(256)) * 8 + b"x")), "an entry of 2049 bytes"),
        (zipped(("a.csv", bytes(range(256)) * 7), ("b.csv", bytes(range(256)) * 7)), "more than 3000 bytes"),
        (zipped(("a.csv", b"0" * 1500)), "inflating"),
        (zipped(("a.csv", b"a,b"), method=zipfile.ZIP_BZIP2), "method 12"),
    ],
)
def test_a_zip_past_its_bounds_is_refused_before_anything_is_inflated(data: bytes, why: str) -> None:
    with pytest.raises(ArchiveRefused, match=why) as refused:
        open_zip(data, SMALL)
    assert isinstance(refused.value, ArchiveTooBig) == ("method" not in why)


def test_a_damaged_zip_is_refused_and_a_fitting_one_opens() -> None:
    with pytest.raises(ArchiveRefused, match="not a readable zip"):
        open_zip(b"PK\x03\x04 not really a zip", SMALL)
    with open_zip(zipped(("a.csv", b"a,b\n1,2\n")), SMALL) as archive:
        assert archive.read("a.csv") == b"a,b\n1,2\n"


def test_a_zip_bomb_is_not_recognised_but_real_office_files_are() -> None:
    assert recognise(xlsx_bomb(100, ["x"])) is None  # never kept, never offered to an officer or the public
    assert recognise(xlsx()) is not None and recognise(docx()) is not None
    assert recognise(xlsx_bomb(20, ["x"], level=1)) == recognise(xlsx())  # inflates less far: an XLSX
    assert recognise(xlsx()).format is Format.XLSX  # type: ignore[union-attr]
    assert SENT.entry_bytes > 20 * 1024 * 1024
