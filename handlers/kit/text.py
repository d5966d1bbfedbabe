"""Cleaning what people type: control characters, bidi overrides, Arabic-Indic digits."""

from __future__ import annotations

import re
import unicodedata

# Bidi embeddings/overrides/isolates can reorder what an officer reads; zero-width spaces and the BOM hide
# text. ZWJ/ZWNJ stay: they shape Persian and Urdu words some participants type.
_INVISIBLE = dict.fromkeys(
    [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200B, 0x200E, 0x200F, 0xFEFF, 0x061C], None
)
# Arabic-Indic (U+0660...) and Persian (U+06F0...) digits, and the Arabic percent sign, as their Western forms.
_DIGITS = str.maketrans({0x066A: "%"} | {base + n: str(n) for base in (0x0660, 0x06F0) for n in range(10)})
_SPACES = re.compile(r"[ \t]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def valid_unicode(raw: str) -> str:
    """Return raw with lone surrogates (from a JSON escape or bad UTF-8) replaced by U+FFFD: SQLite refuses them."""
    return raw.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def clean_text(raw: str) -> str:
    """Return text without control or bidi-override characters, spaces folded, ends trimmed."""
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n")).translate(_INVISIBLE)
    kept = "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cs", "Co", "Cn"))
    lines = [_SPACES.sub(" ", line).strip() for line in kept.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def clean_line(raw: str) -> str:
    """Return a single-line field (a name, an organisation) cleaned and on one line."""
    return " ".join(clean_text(raw).split())


def western_digits(raw: str) -> str:
    """Return text with Arabic-Indic and Persian digits turned into 0-9 (and ٪ into %)."""
    return raw.translate(_DIGITS)


def parse_int(raw: str) -> int | None:
    """Read a whole number typed with any digits; None when it is not one."""
    text = western_digits(clean_line(raw)).rstrip("%").strip()
    # Nine digits at most: no id or percentage is longer, and int() refuses 4,300+ digit strings anyway.
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 9 else None


def shorten(text: str, limit: int) -> str:
    """Return text cut to at most limit characters between words, with an ellipsis; never inside a word."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    boundary = max(cut.rfind(" "), cut.rfind("\n"))
    if text[limit - 1].isspace():
        boundary = limit - 1  # the cut falls exactly between two words
    # Only a first word longer than the whole limit (a URL, a number) is cut inside: nothing else would fit.
    return (cut[:boundary] if boundary > 0 else cut).rstrip() + "…"


# Letters people type in more than one way: hamza on alef, alef maqsura, teh marbuta.
_FOLD = str.maketrans({0x0623: 0x0627, 0x0625: 0x0627, 0x0622: 0x0627, 0x0649: 0x064A, 0x0629: 0x0647})


def label_key(raw: str) -> str:
    """Return a button label or a typed line reduced to what a person means by it.

    Emoji, symbols, punctuation, diacritics and the tatweel go; the letters people write in more than one way are
    folded, so «لا امثل جهة» and «تخطي» find the buttons «لا أمثل جهة» and «تخطّي».
    """
    text = unicodedata.normalize("NFKC", western_digits(clean_line(raw)))
    kept = "".join(
        ch if ch.isalnum() and unicodedata.category(ch) != "Lm" else " "
        for ch in text
        if unicodedata.category(ch) not in ("Mn", "Me", "Cf")
    )
    return " ".join(kept.translate(_FOLD).casefold().split())


def has_letters(text: str, at_least: int = 2) -> bool:
    """Tell whether text holds at least some letters (a name of digits or symbols alone is not a name)."""
    return sum(1 for ch in text if ch.isalpha()) >= at_least


# A question ends at «؟» (or ?); «؛» (or ;) separates items too: several questions fit on one line of a terminal.
_ITEM_END = re.compile(r"(?<=[?\u061f])\s+|\s*[;\u061b]\s*")


def split_items(raw: str) -> list[str]:
    """Return the items of a typed list: one per line, and several on one line when each ends with a question mark
    or they are separated by semicolons (Arabic or Latin)."""
    items = []
    for line in clean_text(raw).split("\n"):
        items += [clean_line(part) for part in _ITEM_END.split(line)]
    return [item for item in items if item]
