"""Load a language's Fluent files and format messages by key."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Literal, TypeGuard

from babel.dates import format_date, format_time
from fluent.runtime import FluentBundle
from fluent.runtime.types import fluent_number
from fluent.syntax import ast
from fluent.syntax.visitor import Visitor

from messages.parsed import parse_resources

ROOT = Path(__file__).resolve().parent.parent
DATE_PATTERN = "d/M/y"  # as the seed report writes dates (30/9/2019), with Western digits, in both languages

Language = Literal["ar", "en"]
Direction = Literal["rtl", "ltr"]
Arg = str | int | float | date | datetime
FORMATTED_KEPT = 4096  # formatted messages kept per catalogue (all dropped at once when full)
SHORT_ARG = 80  # longer strings (what people wrote) are not kept


@dataclass(frozen=True)
class Catalogue:
    """Where a language's .ftl files live and how the language counts, writes dates and runs."""

    folder: Path
    locale: str  # for Fluent's plural categories and Babel's dates
    direction: Direction


DEFAULT_LANGUAGE: Language = "ar"
CATALOGUES: Mapping[Language, Catalogue] = {
    "ar": Catalogue(ROOT / "messages_ar", "ar-JO", "rtl"),
    "en": Catalogue(ROOT / "messages_en", "en", "ltr"),
}
LANGUAGES: tuple[Language, ...] = tuple(CATALOGUES)  # Arabic first


class MessageError(KeyError):
    """A key is missing or its placeholders were not all given."""


class Messages:
    """Formats one language's catalogue messages; strict about keys and placeholders."""

    def __init__(
        self, bundle: FluentBundle, variables: Mapping[str, frozenset[str]], language: Language = DEFAULT_LANGUAGE
    ) -> None:
        self._bundle = bundle
        self._variables = variables
        self.language: Language = language
        self.direction: Direction = CATALOGUES[language].direction
        self.locale = CATALOGUES[language].locale.replace("-", "_")
        self._formatted: dict[tuple[object, ...], str] = {}  # see t()

    def date(self, day: date) -> str:
        """Return a date as the seed report writes it (30/9/2019), in either language."""
        return _date(day, self.locale)

    def time(self, moment: datetime) -> str:
        """Return a time of day as 24-hour hh:mm (17:00)."""
        return format_time(moment, "HH:mm", locale=self.locale)

    def join(self, items: list[str]) -> str:
        """Return an enumeration as the Ministry's reports write it: «أ (2)، ب (1)، ج (1)» (the catalogue's separator).

        Babel's Arabic list pattern joins every item with «و», which the seed report does not; the separator lives in
        the catalogue so that each language has its own.
        """
        return self.t("list-separator").join(items)

    def join_and(self, items: list[str], key: str = "list-and") -> str:
        """Return an enumeration in prose, its last item joined by the language's «and» («أ، ب وج»; "a, b and c").

        The reports name their own `key`: the seed report lists «أ (2)، ب (1)» in Arabic, English prose needs "and".
        """
        if len(items) < 2:
            return "".join(items)
        return self.t(key, rest=self.join(items[:-1]), last=items[-1])

    def name(self, record: object, field: str = "title") -> str:
        """Return a record's name in this language: its `<field>_en` for English when it has one, else the Arabic.

        A record worded in the catalogue (a default discussion question) names its message in `name_key`; the
        Arabic is `<field>_ar`, or `<field>` for what was typed in one language (a milestone's title).
        """
        key = getattr(record, "name_key", None)
        if isinstance(key, str) and key in self._variables:
            return self.t(key)
        if self.language != DEFAULT_LANGUAGE and (own := getattr(record, f"{field}_{self.language}", None)):
            return str(own)
        return str(getattr(record, f"{field}_{DEFAULT_LANGUAGE}", None) or getattr(record, field, None) or "")

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
        # Labels, receipts, counts and dates come back again and again, and Fluent formats each number through Babel
        # (10-25 µs a message); a text people wrote is formatted afresh rather than kept.
        short = all(_short(value) for value in args.values())
        memo = (key, *((name, type(value), value) for name, value in sorted(args.items()))) if short else None
        if memo is not None and (text := self._formatted.get(memo)) is not None:
            return text
        text = self._format(key, args)
        if memo is not None:
            if len(self._formatted) >= FORMATTED_KEPT:
                self._formatted.clear()
            self._formatted[memo] = text
        return text

    def _format(self, key: str, args: Mapping[str, Arg]) -> str:
        message = self._bundle.get_message(key)
        if message.value is None:
            raise MessageError(f"{key} has no value")
        # Numbers in Arabic prose carry no Latin thousands comma: «2001 حرف», not «2,001 حرف».
        plain = {name: _ungrouped(value) for name, value in args.items()}
        text, errors = self._bundle.format_pattern(message.value, plain)
        if errors:
            raise MessageError(f"{key}: {errors[0]}")
        return str(text)


@lru_cache(maxsize=4096)
def _date(day: date, locale: str) -> str:
    return format_date(day, DATE_PATTERN, locale=locale)  # Babel takes about 4 µs a date


def _short(value: Arg) -> bool:
    return len(value) <= SHORT_ARG if isinstance(value, str) else True


def _ungrouped(value: Arg) -> Any:
    """Return a number as Fluent formats it without grouping (other values as they are)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return fluent_number(value, useGrouping=False)
    return value


class _Variables(Visitor):
    """Collects the $variables referenced anywhere inside a Fluent AST node."""

    def __init__(self) -> None:
        self.found: set[str] = set()

    def visit_VariableReference(self, ref: ast.VariableReference) -> None:
        """Note one variable."""
        self.found.add(ref.id.name)


def _variables_of(node: object) -> set[str]:
    """Collect the $variables referenced anywhere inside a Fluent AST node."""
    collector = _Variables()
    collector.visit(node)
    return collector.found


def parse_catalogue(folder: Path) -> dict[str, frozenset[str]]:
    """Return every key in the .ftl files with its placeholders; junk and duplicates are errors."""
    return catalogue_variables(folder, parse_resources(folder))


def catalogue_variables(folder: Path, resources: Mapping[str, ast.Resource]) -> dict[str, frozenset[str]]:
    """Return every key of parsed .ftl files with its placeholders; junk and duplicates are errors."""
    variables: dict[str, frozenset[str]] = {}
    for name, resource in resources.items():
        for entry in resource.body:
            if isinstance(entry, ast.Junk):
                raise ValueError(f"{folder.name}/{name}: cannot parse {(entry.content or '')[:80]!r}")
            if isinstance(entry, ast.Message):
                if entry.id.name in variables:
                    raise ValueError(f"{folder.name}/{name}: duplicate key {entry.id.name}")
                variables[entry.id.name] = frozenset(_variables_of(entry))
    return variables


def is_language(value: object) -> TypeGuard[Language]:
    """Tell whether a value names a language the bot has a catalogue for ("ar", "en")."""
    return value in CATALOGUES


def language_for(code: str | None) -> Language:
    """Return the catalogue language for a language tag such as Telegram's language_code ("en-GB"); else Arabic."""
    primary = (code or "").replace("_", "-").split("-")[0].lower()
    return primary if is_language(primary) else DEFAULT_LANGUAGE


def load_messages(language: str = DEFAULT_LANGUAGE) -> Messages:
    """Return a language's catalogue ("ar", the default, or "en"), loaded once and shared."""
    if not is_language(language):
        raise ValueError(f"no catalogue for language {language!r}; there are: {', '.join(LANGUAGES)}")
    return _load(language)


@cache
def _load(language: Language) -> Messages:
    catalogue = CATALOGUES[language]
    # Fluent's isolation marks (U+2068/U+2069) around placeables would end up inside receipt numbers and
    # names that people copy; Telegram and WhatsApp lay out mixed Arabic and Latin text well without them.
    bundle = FluentBundle([catalogue.locale], use_isolating=False)
    resources = parse_resources(catalogue.folder)
    for resource in resources.values():
        bundle.add_resource(resource)
    return Messages(bundle, catalogue_variables(catalogue.folder, resources), language)
