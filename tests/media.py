"""Small, real files of every kind people send, made in the test (no audio encoder needed: the containers are
written as the formats define them, which is all a reader of their length looks at)."""

from __future__ import annotations

import io
import struct
import zipfile

from mutagen.ogg import OggPage

SAMPLE_RATE = 48_000  # Opus granule positions count 48 kHz samples
PRE_SKIP = 312
_OPUS_SILENCE = b"\xf8\xff\xfe"  # one 20 ms Opus frame of silence
_MP3_FRAME_HEADER = b"\xff\xfb\x90\x64"  # MPEG-1 layer III, 128 kbit/s, 44.1 kHz, no padding
_MP3_FRAME_BYTES = 417
_MP3_FRAME_SECONDS = 1152 / 44_100


def ogg_opus(seconds: float, serial: int = 1) -> bytes:
    """Return an Ogg Opus voice note of that length (Telegram's and WhatsApp's voice notes are these)."""
    head = b"OpusHead" + struct.pack("<BBHIhB", 1, 1, PRE_SKIP, SAMPLE_RATE, 0, 0)
    vendor = b"ogp-tests"
    tags = b"OpusTags" + struct.pack("<I", len(vendor)) + vendor + struct.pack("<I", 0)
    pages = []
    for sequence, (packet, position) in enumerate(
        [(head, 0), (tags, 0), (_OPUS_SILENCE * 4, int(seconds * SAMPLE_RATE) + PRE_SKIP)]
    ):
        page = OggPage()  # type: ignore[no-untyped-call]  # mutagen is partly typed
        page.serial, page.sequence, page.position = serial, sequence, position
        page.packets = [packet]
        page.first, page.last = sequence == 0, sequence == 2
        pages.append(page.write())  # type: ignore[no-untyped-call]
    return b"".join(pages)


def mp3(seconds: float) -> bytes:
    """Return an MP3 file of about that length (silent frames)."""
    frames = max(1, round(seconds / _MP3_FRAME_SECONDS))
    frame = _MP3_FRAME_HEADER + b"\x00" * (_MP3_FRAME_BYTES - len(_MP3_FRAME_HEADER))
    return frame * frames


def png(colour: tuple[int, int, int] = (0, 120, 60)) -> bytes:
    """Return a small PNG photo."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), colour).save(out, format="PNG")
    return out.getvalue()


def jpeg() -> bytes:
    """Return a small JPEG photo."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(out, format="JPEG")
    return out.getvalue()


def pdf(words: str = "evidence") -> bytes:
    """Return a one-page PDF."""
    body = f"BT /F1 12 Tf 20 20 Td ({words}) Tj ET".encode()
    return (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 50] /Contents 4 0 R >> endobj\n"
        + f"4 0 obj << /Length {len(body)} >> stream\n".encode()
        + body
        + b"\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )


def docx(text: str = "تقرير الإنجاز") -> bytes:
    """Return a Word document."""
    from docx import Document

    document = Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx() -> bytes:
    """Return an Excel workbook that is not a milestones table."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["المؤشر", "القيمة"])
    book.active.append(["ورش", 12])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def executable() -> bytes:
    """Return the start of a Windows executable (what a renamed «report.pdf» often is)."""
    return b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"This program cannot be run"


_BOMB_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
        'main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
        '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    ),
}


def xlsx_bomb(inflated_mb: int, headers: list[str], *, level: int = 9) -> bytes:
    """Return an XLSX whose sheet is the milestones header row, then one row of cells inflating to inflated_mb.

    level 9 makes a zip bomb (about 1000 times its size once inflated); level 1 a file that inflates less far."""
    out = io.BytesIO()
    cell = b'<c t="inlineStr"><is><t>x</t></is></c>'
    head = "".join(f'<c t="inlineStr"><is><t>{h}</t></is></c>' for h in headers)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, text in _BOMB_PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(
                b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                b'spreadsheetml/2006/main"><sheetData><row r="1">' + head.encode() + b'</row><row r="2">'
            )
            chunk = cell * (1024 * 1024 // len(cell))
            for _ in range(inflated_mb):
                sheet.write(chunk)
            sheet.write(b"</row></sheetData></worksheet>")
    return out.getvalue()
