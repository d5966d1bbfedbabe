"""A language the public site is written in: its catalogue, its direction and where its pages live."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from messages.catalog import Arg
from messages_ar import Messages, load_messages


@dataclass(frozen=True)
class Language:
    """The catalogue and the lang/dir attributes of one language; prefix is where its pages live ("" or "en/")."""

    code: str
    direction: str
    prefix: str
    messages: Messages

    def t(self, key: str, **args: Arg) -> str:
        """Return a catalogue message."""
        return self.messages.t(key, **args)

    def pick(self, record: Any, field: str) -> str:
        """Return record.<field>_<code>, falling back to the Arabic when the language has none (Messages.name)."""
        return self.messages.name(record, field)


def arabic() -> Language:
    """Return the site's first language."""
    return Language(code="ar", direction="rtl", prefix="", messages=load_messages())
