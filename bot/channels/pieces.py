"""Cutting a long text into the pieces a platform accepts, at paragraph, line or word breaks (every channel)."""

from __future__ import annotations


def split_text(text: str, limit: int) -> list[str]:
    """Split text into pieces of at most limit characters, at paragraph, line or word breaks."""
    text = text.strip() or "…"
    pieces: list[str] = []
    while len(text) > limit:
        window = text[:limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"))
        if cut < limit // 2:
            cut = window.rfind(" ")
        if cut < limit // 2:
            cut = limit
        pieces.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    pieces.append(text)
    return pieces
