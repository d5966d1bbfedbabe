"""Renderings of public data kept while the data stays as committed: a /status board built once per change.

The key is storage.public's data version, a counter that triggers bump in the same transaction as any change to
what the public tracker and /status show (a plan, a commitment, a status update, a recommendation, ...). A rendering
is kept and reused only under the committed version: when the event's transaction has changed public data, or the
handler has written anything before asking, it is built afresh and not kept (that version may yet roll back).
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

SIZE = 64  # renderings kept (one per catalogue and view); the oldest goes first


class Memo:
    """One dispatcher's renderings by key, each valid for one data version."""

    def __init__(self) -> None:
        self._entries: dict[Hashable, tuple[int, Any]] = {}

    def get(self, key: Hashable, version: int) -> Any | None:
        """Return what was kept under key for this version, or None."""
        entry = self._entries.get(key)
        return entry[1] if entry is not None and entry[0] == version else None

    def put(self, key: Hashable, version: int, value: Any) -> None:
        """Keep a rendering for this version (replacing one of an older version)."""
        self._entries.pop(key, None)
        if len(self._entries) >= SIZE:
            del self._entries[next(iter(self._entries))]
        self._entries[key] = (version, value)
