"""Spreadsheet cells that cannot run: the one place formula injection is neutralised."""

from __future__ import annotations

import re

# What makes Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP "CSV injection"). A tab or a
# carriage return in front hides the formula behind whitespace that some importers strip.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Signs that become = + - @ when a tool normalises Unicode (NFKC) before importing, or that a reader takes for them:
# full-width, small, superscript and subscript forms, and the mathematical minus.
LOOKALIKE_TRIGGERS = "＝﹦⁼₌＋﹢⁺₊－﹣−⁻₋＠﹫"
# Characters nobody sees (zero-width, joiners, byte-order mark, bidi controls, soft hyphen) and spaces: importers
# that strip them would find a formula behind them.
_HIDDEN = "\u00a0\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff \n"
_STARTS_A_FORMULA = re.compile(f"[{_HIDDEN}]*[{re.escape(''.join(FORMULA_TRIGGERS) + LOOKALIKE_TRIGGERS)}]")


def neutralise(value: str) -> str:
    """Return text that a spreadsheet shows as text: a leading apostrophe when it could start a formula."""
    return "'" + value if _STARTS_A_FORMULA.match(value) else value


def restore(value: str) -> str:
    """Return text read back from an exported spreadsheet as it was before neutralise()."""
    return value[1:] if value.startswith("'") and _STARTS_A_FORMULA.match(value[1:]) else value
