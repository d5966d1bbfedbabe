"""Load the Fluent files beside this module and format messages by key."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from babel.dates import format_date, format_time
from fluent.runtime import FluentBundle, FluentResource
from fluent.runtime.types import fluent_number
from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

HERE = Path(__file__).resolve().parent
LOCALE = "ar-JO"
DATE_PATTERN = "d/M/y"  # as the seed report writes dates (30/9/2019), with Western digits

Arg = str | int | float | date | datetime


class MessageError(KeyError):
    """A key is missing or its placeholders were not all given."""


class Messages:
    """Formats catalogue messages; strict about keys and placeholders."""

    def __init__(self, bundle: FluentBundle, variables: Mapping[str, frozenset[str]], locale: str = LOCALE) -> None:
        self._bundle = bundle
        self._variables = variables
        self.locale = locale.replace("-", "_")

    def date(self, day: date) -> str:
        """Return a date as the catalogue's language writes it in reports (30/9/2019)."""
        return format_date(day, DATE_PATTERN, locale=self.locale)

    def time(self, moment: datetime) -> str:
        """Return a time of day as 24-hour hh:mm (17:00)."""
        return format_time(moment, "HH:mm", locale=self.locale)

    def join(self, items: list[str]) -> str:
        """Return an enumeration as the Ministry's reports write it: «أ (2)، ب (1)، ج (1)» (the catalogue's separator).

        Babel's Arabic list pattern joins every item with «و», which the seed report does not; the separator lives in
        the catalogue so that each language has its own.
        """
        return self.t("list-separator").join(items)

    def keys(self) -> frozenset[str]:
        """Return every message key in the catalogue."""
        return frozenset(self._variables)

    def variables(self, key: str) -> frozenset[str]:
        """Return the placeholders a message uses."""
        return self._variables[key]

    def has(self, key: str) -> bool:
        """Tell whether a key exists."""
        return key in self._variables

    def t(self, key: str, **args: Arg) -> str:
        """Return the message for key, formatted with args."""
        if key not in self._variables:
            raise MessageError(f"unknown message key {key!r}")
        expected = self._variables[key]
        if set(args) != expected:
            raise MessageError(f"{key}: expected placeholders {sorted(expected)}, got {sorted(args)}")
        message = self._bundle.get_message(key)
        if message.value is None:
            raise MessageError(f"{key} has no value")
        # Numbers in Arabic prose carry no Latin thousands comma: «2001 حرف», not «2,001 حرف».
        plain = {name: _ungrouped(value) for name, value in args.items()}
        text, errors = self._bundle.format_pattern(message.value, plain)
        if errors:
            raise MessageError(f"{key}: {errors[0]}")
        return str(text)


def _ungrouped(value: Arg) -> Any:
    """Return a number as Fluent formats it without grouping (other values as they are)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return fluent_number(value, useGrouping=False)
    return value


def _variables_of(node: object) -> set[str]:
    """Collect the $variables referenced anywhere inside a Fluent AST node."""
    found: set[str] = set()

    class Collector(Visitor):
        def visit_VariableReference(self, ref: ast.VariableReference) -> None:
            found.add(ref.id.name)

    Collector().visit(node)
    return found


def parse_catalogue(folder: Path = HERE) -> dict[str, frozenset[str]]:
    """Return every key in the .ftl files with its placeholders; duplicates are an error."""
    variables: dict[str, frozenset[str]] = {}
    parser = FluentParser(with_spans=False)
    for path in sorted(folder.glob("*.ftl")):
        resource = parser.parse(path.read_text(encoding="utf-8"))
        for entry in resource.body:
            if isinstance(entry, ast.Junk):
                raise ValueError(f"{path.name}: cannot parse {(entry.content or '')[:80]!r}")
            if isinstance(entry, ast.Message):
                if entry.id.name in variables:
                    raise ValueError(f"{path.name}: duplicate key {entry.id.name}")
                variables[entry.id.name] = frozenset(_variables_of(entry))
    return variables


@cache
def load_messages(folder: Path = HERE) -> Messages:
    """Load the catalogue once (at start-up)."""
    # Fluent's isolation marks (U+2068/U+2069) around placeables would end up inside receipt numbers and
    # names that people copy; Telegram and WhatsApp lay out mixed Arabic and Latin text well without them.
    bundle = FluentBundle([LOCALE], use_isolating=False)
    for path in sorted(folder.glob("*.ftl")):
        bundle.add_resource(FluentResource(path.read_text(encoding="utf-8")))
    return Messages(bundle, parse_catalogue(folder))
