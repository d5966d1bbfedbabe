"""Where a stored file goes in an export's zip (`ogp-bot export --with-files`), named the same in every table."""

from __future__ import annotations

from storage.exports import FileRef
from storage.filetypes import EXTENSIONS, Format

RECOMMENDATIONS = "recommendations"
UPDATES = "updates"
_NAME_CHARS = 80


def archive_path(owner: str, owner_id: int, ref: FileRef) -> str:
    """Return files/<recommendations|updates>/<id>/<file id>-<name>: unique, readable, with its real extension."""
    try:
        extension = EXTENSIONS[Format(ref.format)]
    except ValueError:
        extension = "bin"
    base = _safe(ref.name) or ref.role
    if not base.lower().endswith(f".{extension}"):
        base = f"{base}.{extension}"
    return f"files/{owner}/{owner_id}/{ref.id}-{base}"


def _safe(name: str | None) -> str:
    """Return a file name fit for a zip entry: no folders, no control characters, not too long."""
    if not name:
        return ""
    cleaned = "".join(ch for ch in name.replace("/", "_").replace("\\", "_") if ch.isprintable()).strip(" .")
    return cleaned[-_NAME_CHARS:]
