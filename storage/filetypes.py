"""What a sent file is, read from its bytes: the allow-list of formats, and an audio file's length.

The name and MIME type a person's app declares are not trusted: a renamed executable says «report.pdf» too. Each
format on the list is recognised by its own signature (and zip containers by what they hold); anything else is
refused before it is stored.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from mutagen import MutagenError
from mutagen.aac import AAC
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4
from mutagen.oggopus import OggOpus

from storage.archives import SENT, ArchiveRefused, open_zip


class Format(StrEnum):
    """A format on the allow-list."""

    OGG = "ogg"  # Opus in Ogg: Telegram's and WhatsApp's voice notes
    MP3 = "mp3"
    M4A = "m4a"
    AAC = "aac"
    AMR = "amr"
    JPEG = "jpeg"
    PNG = "png"
    PDF = "pdf"
    DOCX = "docx"
    XLSX = "xlsx"
    CSV = "csv"  # UTF-8 text: a table sent back to /update (never kept as evidence)
    ZIP = "zip"  # the CSV export's zip, sent back to /update


class Use(StrEnum):
    """What a file may be used for."""

    VOICE = "voice"
    EVIDENCE = "evidence"  # an officer's evidence, or the one file a participant attaches
    SHEET = "sheet"  # a table of milestones for /update


AUDIO = frozenset({Format.OGG, Format.MP3, Format.M4A, Format.AAC, Format.AMR})
USES: dict[Use, frozenset[Format]] = {
    Use.VOICE: AUDIO,
    Use.EVIDENCE: frozenset({Format.JPEG, Format.PNG, Format.PDF, Format.DOCX, Format.XLSX}),
    Use.SHEET: frozenset({Format.XLSX, Format.CSV, Format.ZIP}),
}
MIMES = {
    Format.OGG: "audio/ogg",
    Format.MP3: "audio/mpeg",
    Format.M4A: "audio/mp4",
    Format.AAC: "audio/aac",
    Format.AMR: "audio/amr",
    Format.JPEG: "image/jpeg",
    Format.PNG: "image/png",
    Format.PDF: "application/pdf",
    Format.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    Format.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    Format.CSV: "text/csv",
    Format.ZIP: "application/zip",
}
EXTENSIONS = {
    Format.OGG: "ogg",
    Format.MP3: "mp3",
    Format.M4A: "m4a",
    Format.AAC: "aac",
    Format.AMR: "amr",
    Format.JPEG: "jpg",
    Format.PNG: "png",
    Format.PDF: "pdf",
    Format.DOCX: "docx",
    Format.XLSX: "xlsx",
    Format.CSV: "csv",
    Format.ZIP: "zip",
}
_M4A_BRANDS = frozenset({b"M4A ", b"M4B ", b"mp42", b"isom", b"mp41", b"dash", b"iso2"})
# AMR-NB frame sizes in bytes by frame type (3GPP TS 26.101), each frame 20 ms; None: not a speech frame.
_AMR_NB_SIZES = (13, 14, 16, 18, 20, 21, 27, 32, 6, None, None, None, None, None, None, 1)
_AMR_WB_SIZES = (18, 24, 33, 37, 41, 47, 51, 59, 61, 6, None, None, None, None, 1, 1)


@dataclass(frozen=True, slots=True)
class Recognised:
    """A file's format as found in its bytes, and its length in seconds when it is audio (None: unreadable)."""

    format: Format
    duration: int | None = None

    @property
    def mime(self) -> str:
        """Return the format's MIME type."""
        return MIMES[self.format]


def recognise(data: bytes) -> Recognised | None:
    """Return the format of a file on the allow-list (and an audio file's length); None for anything else.

    Audio whose length its bytes cannot tell is refused: behind a valid header it may be anything, and the length
    the person's app declares is not taken instead."""
    found = _format(data)
    if found is None:
        return None
    if found not in AUDIO:
        return Recognised(found)
    seconds = duration(found, data)
    return Recognised(found, seconds) if seconds is not None else None


def _format(data: bytes) -> Format | None:
    head = data[:16]
    if head.startswith(b"OggS"):
        return Format.OGG if b"OpusHead" in data[:128] else None
    if head.startswith((b"#!AMR\n", b"#!AMR-WB\n")):
        return Format.AMR
    if head.startswith(b"\xff\xd8\xff"):
        return Format.JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Format.PNG
    if head.startswith(b"%PDF-"):
        return Format.PDF
    if head[4:8] == b"ftyp" and head[8:12] in _M4A_BRANDS:
        return Format.M4A
    if head.startswith(b"ID3"):
        return Format.MP3
    if len(head) >= 2 and head[0] == 0xFF:
        if head[1] & 0xF6 == 0xF0:  # ADTS: sync, layer 00
            return Format.AAC
        if head[1] & 0xE6 == 0xE2:  # MPEG audio, layer III
            return Format.MP3
    if head.startswith(b"PK\x03\x04"):
        return _container(data)
    return Format.CSV if _text(data) else None


def _container(data: bytes) -> Format | None:
    """Return DOCX or XLSX by the parts the zip holds, ZIP for a zip of CSV files, None for any other zip."""
    try:
        with open_zip(data, SENT) as archive:  # a zip bomb is not kept, nor offered to anyone who opens it
            names = set(archive.namelist())
    except ArchiveRefused:
        return None
    if "[Content_Types].xml" in names:
        if "word/document.xml" in names:
            return Format.DOCX
        if "xl/workbook.xml" in names:
            return Format.XLSX
        return None
    files = [n for n in names if not n.endswith("/")]
    return Format.ZIP if files and all(n.lower().endswith(".csv") for n in files) else None


def _text(data: bytes) -> bool:
    """Tell whether the bytes are UTF-8 text (a CSV table), without control characters other than line ends.

    A page or a script is text too, but never a table: what starts with «<» (HTML, SVG, XML) or «#!» is refused."""
    if not data or b"\x00" in data:
        return False
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    if text.lstrip().startswith(("<", "#!")):
        return False
    return all(ch in "\t\r\n" or ord(ch) >= 0x20 for ch in text[:4096])


def duration(format: Format, data: bytes) -> int | None:
    """Return an audio file's length in whole seconds (rounded up), None when its bytes cannot say."""
    if format is Format.AMR:
        seconds = _amr_seconds(data)
    else:
        reader: Any = {Format.OGG: OggOpus, Format.MP3: MP3, Format.M4A: MP4, Format.AAC: AAC}[format]  # partly typed
        try:
            seconds = float(reader(io.BytesIO(data)).info.length)
        except MutagenError:
            return None
        except Exception:  # a hostile file can make a parser raise anything; its length is then unknown
            return None
    if seconds is None or seconds <= 0:
        return None
    return int(-(-seconds // 1))


def _amr_seconds(data: bytes) -> float | None:
    """Count an AMR file's 20 ms frames (mutagen does not read AMR)."""
    wide = data.startswith(b"#!AMR-WB\n")
    sizes = _AMR_WB_SIZES if wide else _AMR_NB_SIZES
    at, frames = (9 if wide else 6), 0
    while at < len(data):
        size = sizes[(data[at] >> 3) & 0x0F]
        if size is None:
            return None
        at += size
        frames += 1
    return frames * 0.02 if frames else None
