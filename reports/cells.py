"""Spreadsheet cells that cannot run: the one place formula injection is neutralised."""

from __future__ import annotations

# What makes Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP "CSV injection"). A tab or a
# carriage return in front hides the formula behind whitespace that some importers strip.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """Return text that a spreadsheet shows as text: a leading apostrophe when it could start a formula."""
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def restore(value: str) -> str:
    """Return text read back from an exported spreadsheet as it was before neutralise()."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_TRIGGERS) else value
