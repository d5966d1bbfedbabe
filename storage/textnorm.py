"""Normalised search terms: one spelling for Arabic's variant letters and digits, light stems, English too."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

_NOT_WORD = re.compile(r"[^\w]+|_")
_ENGLISH_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "es", "ed", "ly", "s")
_ENGLISH_STOP = """
    the a an of to in on for and or with by at from as is are be been this that these those it its we our
    should must propose suggest recommend please also very more all any into
"""
MIN_STEM = 3  # an affix is taken off only when a stem of three letters or more is left
MIN_TERM = 2  # a single letter left over says nothing


@dataclass(frozen=True)
class _Rules:
    letters: dict[int, str | None]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    stop: frozenset[str]


@cache
def _rules() -> _Rules:
    """Read the Arabic letters, affixes and common words shipped beside this module."""
    data = json.loads(resources.files("storage").joinpath("textnorm.json").read_text(encoding="utf-8"))
    letters: dict[int, str | None] = {ord(k): v or None for k, v in data["fold"].items()}
    letters.update({c: None for c in range(0x064B, 0x0653)})  # harakat, tanwin, shadda, sukun
    letters[0x0670] = None  # superscript alef
    letters.update({0x0660 + d: str(d) for d in range(10)})  # Arabic-Indic digits
    letters.update({0x06F0 + d: str(d) for d in range(10)})  # Eastern Arabic-Indic digits
    rules = _Rules(letters, tuple(data["prefixes"]), tuple(data["suffixes"]), frozenset())
    stop = frozenset(_fold(f"{data['stop']} {_ENGLISH_STOP}", rules).split())
    return _Rules(letters, rules.prefixes, rules.suffixes, stop)


def _fold(text: str, rules: _Rules) -> str:
    folded = unicodedata.normalize("NFKC", text).translate(rules.letters).casefold()
    return " ".join(_NOT_WORD.sub(" ", folded).split())


def normalise(text: str) -> str:
    """Return the text in one spelling: variant letters folded, marks and tatweel gone, digits Western, lowercase."""
    return _fold(text, _rules())


def stem(word: str) -> str:
    """Return a word's light stem: common prefixes and suffixes off, as long as three letters remain."""
    if word.isascii():
        return _stem_english(word)
    rules = _rules()
    for prefix in rules.prefixes:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_STEM:
            word = word[len(prefix) :]
            break
    for suffix in rules.suffixes:
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
    stop = _rules().stop
    stems = (stem(w) for w in normalise(text).split() if w not in stop)
    return [s for s in stems if len(s) >= MIN_TERM and s not in stop]


def indexed(text: str | None) -> str:
    """Return what the search index keeps of a text: its terms joined by spaces."""
    return " ".join(terms(text or ""))
