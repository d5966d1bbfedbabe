"""File names made from what people typed: a round's name becomes a name every system and zip tool accepts."""

from __future__ import annotations

import re
import unicodedata

MAX_STEM = 60
TATWEEL = unicodedata.lookup("ARABIC TATWEEL")
_UNSAFE = re.compile(r"[^\w]+")  # letters and digits of any script stay; everything else separates words


def safe_file_name(text: str, fallback: str = "round") -> str:
    """Return text as a file name without suffix: words joined by '-', no separators or dots, at most 60 characters."""
    # Vowel marks and the tatweel would otherwise split a word («مُراجعة» stays one word).
    bare = "".join(c for c in unicodedata.normalize("NFC", text) if unicodedata.category(c) != "Mn" and c != TATWEEL)
    stem = _UNSAFE.sub("-", bare).strip("-_")
    return stem[:MAX_STEM].rstrip("-_") or fallback


def unique_file_name(stem: str, suffix: str, taken: set[str]) -> str:
    """Return stem + suffix, numbered (-2, -3...) when an earlier file took it; record it in taken."""
    name, n = f"{stem}{suffix}", 1
    while name in taken:
        n += 1
        name = f"{stem}-{n}{suffix}"
    taken.add(name)
    return name
