"""Typed callback data: one declared type per button family, packed and parsed in one place.

    class OpenItem(Button, prefix="inbox:o"):
        rec: int
        offset: int

    OpenItem(rec=5, offset=0).pack() == "inbox:o:5:0"
    OpenItem.unpack(["5", "0"]) == OpenItem(rec=5, offset=0)

Fields are int (0-999,999,999), str (letters, digits, '_' and '-') or a StrEnum; the packed form is checked against
Telegram's 64-byte limit when it is made, so a button that could not be sent is never built.
"""

from __future__ import annotations

import dataclasses
import re
import typing
from enum import StrEnum
from typing import Any, ClassVar, Self, dataclass_transform

from handlers.kit.contract import Choice
from handlers.kit.text import parse_int

MAX_BYTES = 64  # Telegram's callback_data limit; WhatsApp's ids are longer, so Telegram's binds
SEPARATOR = ":"
_WORD = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
_PREFIX = re.compile(r"^[a-z][a-z0-9_]*(:[a-z0-9_]+)*$")


class ButtonError(ValueError):
    """A button was declared or built wrongly (a programming error, never a person's)."""


@dataclass_transform(frozen_default=True)
class Button:
    """Base of every button family; subclasses name their prefix and declare typed fields."""

    prefix: ClassVar[str]

    def __init_subclass__(cls, *, prefix: str, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if not _PREFIX.match(prefix):
            raise ButtonError(f"bad button prefix {prefix!r}")
        cls.prefix = prefix
        dataclasses.dataclass(frozen=True, slots=False)(cls)

    def pack(self) -> str:
        """Return the callback data, refusing anything Telegram would refuse."""
        values = [_encode(getattr(self, f.name)) for f in dataclasses.fields(self)]  # type: ignore[arg-type]
        data = SEPARATOR.join([self.prefix, *values])
        if len(data.encode()) > MAX_BYTES:
            raise ButtonError(f"{data!r} is longer than {MAX_BYTES} bytes")
        return data

    def choice(self, label: str, description: str | None = None) -> Choice:
        """Return the button drawn with a label."""
        return Choice(id=self.pack(), label=label, description=description)

    @classmethod
    def fields(cls) -> tuple[tuple[str, type], ...]:
        """Return each field's name and type, in packing order."""
        return _field_kinds(cls)

    @classmethod
    def unpack(cls, values: list[str]) -> Self | None:
        """Return the button whose fields are values, or None when they do not fit (forged or stale data)."""
        kinds = _field_kinds(cls)
        if len(values) != len(kinds):
            return None
        parsed: dict[str, Any] = {}
        for (name, kind), raw in zip(kinds, values, strict=True):
            value = _decode(kind, raw)
            if value is None:
                return None
            parsed[name] = value
        return cls(**parsed)


def _encode(value: object) -> str:
    if isinstance(value, bool):
        raise ButtonError("use an enum or an int instead of a bool field")
    if isinstance(value, int):
        if not 0 <= value <= 999_999_999:
            raise ButtonError(f"{value} is out of a button's range")
        return str(value)
    text = str(value.value if isinstance(value, StrEnum) else value)
    if not _WORD.match(text):
        raise ButtonError(f"{text!r} cannot travel in a button")
    return text


def _decode(kind: type, raw: str) -> object | None:
    if kind is int:
        return parse_int(raw) if raw.isascii() and raw.isdigit() else None
    if not _WORD.match(raw):
        return None
    if issubclass(kind, StrEnum):
        return kind(raw) if raw in kind._value2member_map_ else None
    return raw


_KINDS: dict[type[Button], tuple[tuple[str, type], ...]] = {}


def _field_kinds(cls: type[Button]) -> tuple[tuple[str, type], ...]:
    """Return each field's name and type, resolved once (annotations are strings under __future__)."""
    if cls in _KINDS:
        return _KINDS[cls]
    hints = typing.get_type_hints(cls)
    kinds = tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))  # type: ignore[arg-type]
    for name, kind in kinds:
        if not (kind is int or kind is str or (isinstance(kind, type) and issubclass(kind, StrEnum))):
            raise ButtonError(f"{cls.__name__}.{name}: a button field is an int, a str or a StrEnum")
    _KINDS[cls] = kinds
    return kinds


def split(data: str) -> list[str]:
    """Return callback data's parts (prefix words and field values)."""
    return data.split(SEPARATOR)
