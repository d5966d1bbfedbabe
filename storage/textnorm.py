"""Normalised search terms: one spelling for Arabic's variant letters and digits, light stems, English too."""

from __future__ import annotations

import re
import unicodedata

# Variant letters written for one another, and the marks that never change a word's meaning for search.
_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ئ": "ي",
        "ؤ": "و",
        "ة": "ه",
        "ـ": None,  # tatweel
        **{chr(c): None for c in range(0x064B, 0x0653)},  # harakat, tanwin, shadda, sukun
        "\u0670": None,  # superscript alef
        **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + d): str(d) for d in range(10)},  # Eastern Arabic-Indic digits (Persian, Urdu)
    }
)
_NOT_WORD = re.compile(r"[^\w]+|_")

# Longest first: a prefix is taken off only when a stem of three letters or more is left.
_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف")
_SUFFIXES = ("ات", "ون", "ين", "ها", "ه")
_ENGLISH_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "es", "ed", "ly", "s")
MIN_STEM = 3

# Words too common to say what a recommendation is about (compared after normalising).
_STOP_WORDS = """
    في من على الى عن ان او ثم مع هذا هذه ذلك تلك التي الذي الذين كل اي ما لا لم لن قد كان يكون تكون عند
    حول بين خلال بعد قبل حتى كما اذا هو هي هم نحن انا انه انها به بها له لها لهم فيه فيها منه منها عليه عليها
    ضروره يجب نقترح اقترح نوصي نطالب ان يتم تم ايضا جدا
    the a an of to in on for and or with by at from as is are be been this that these those it its we our
    should must propose suggest recommend please also very more all any into
"""


def normalise(text: str) -> str:
    """Return the text in one spelling: variant letters folded, marks and tatweel gone, digits Western, lowercase."""
    folded = unicodedata.normalize("NFKC", text).translate(_LETTERS).casefold()
    return " ".join(_NOT_WORD.sub(" ", folded).split())


_STOP = frozenset(normalise(_STOP_WORDS).split())
MIN_TERM = 2  # a single letter left over says nothing


def stem(word: str) -> str:
    """Return a word's light stem: common prefixes and suffixes off, as long as three letters remain."""
    if word.isascii():
        return _stem_english(word)
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_STEM:
            word = word[len(prefix) :]
            break
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def _stem_english(word: str) -> str:
    for suffix in _ENGLISH_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            word = word[: -len(suffix)] + ("y" if suffix == "ies" else "")
            break
    return word[:-1] if word.endswith("e") and len(word) > MIN_STEM + 1 else word


def terms(text: str) -> list[str]:
    """Return the text's search terms: normalised, stemmed, without the commonest words, in order."""
    stems = (stem(w) for w in normalise(text).split() if w not in _STOP)
    return [s for s in stems if len(s) >= MIN_TERM and s not in _STOP]


def indexed(text: str | None) -> str:
    """Return what the search index keeps of a text: its terms joined by spaces."""
    return " ".join(terms(text or ""))
