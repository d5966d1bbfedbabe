"""The open data's dated snapshots on disk (written by bot/snapshots.py from the site's open-data files).

OGP's second standard asks for a public repository "updated at least twice a year"; a snapshot is what the bot can
vouch for having published on a date. The evidence pack copies those of its period.
"""

from __future__ import annotations

from pathlib import Path

from storage.snapshots import Snapshot


def snapshot_files(root: Path, snapshot: Snapshot) -> list[Path]:
    """Return a snapshot's files that are still on disk."""
    folder = root / snapshot.folder
    return [folder / name for name in snapshot.names() if (folder / name).is_file()]
