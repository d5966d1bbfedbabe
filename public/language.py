"""A language the public site is written in: its catalogue, its direction and where its pages live."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from messages import DEFAULT_LANGUAGE, LANGUAGES, Messages, load_messages
from messages.catalog import Arg


@dataclass(frozen=True)
class Language:
    """The catalogue and the lang/dir attributes of one language; prefix is where its pages live ("" or "en/")."""

    code: str
    direction: str
    prefix: str
    messages: Messages

    def t(self, key: str, **args: Arg) -> str:
        """Return a catalogue message; given markup (a <time>), the sentence comes back escaped with it in place."""
        marks = {name: (f"\ue000{n}\ue001", v) for n, (name, v) in enumerate(args.items()) if isinstance(v, Markup)}
        if not marks:
            return self.messages.t(key, **args)
        plain = {name: marks[name][0] if name in marks else v for name, v in args.items()}
        text = escape(self.messages.t(key, **plain))
        for token, markup in marks.values():
            text = text.replace(token, markup)
        return text

    def pick(self, record: Any, field: str) -> str:
        """Return record.<field>_<code>, falling back to the Arabic when the language has none (Messages.name)."""
        return self.messages.name(record, field)

    def typed(self, record: Any, field: str) -> Markup:
        """Return what a coordinator typed, isolated: the Arabic shown on another language's page for want of a
        translation says it is Arabic, right to left (lang="ar" dir="rtl"), so that readers and browsers know."""
        text = self.pick(record, field)
        arabic = getattr(record, f"{field}_{DEFAULT_LANGUAGE}", None) or getattr(record, field, None)
        if self.code != DEFAULT_LANGUAGE and text == arabic:
            return Markup('<bdi lang="{}" dir="rtl">{}</bdi>').format(DEFAULT_LANGUAGE, text)
        return Markup("<bdi>{}</bdi>").format(text)

    @property
    def name(self) -> str:
        """Return the language's own name, in it, for the switch to it."""
        return self.messages.t("language-name")


def arabic() -> Language:
    """Return the site's first language."""
    return language(DEFAULT_LANGUAGE)


def language(code: str) -> Language:
    """Return one of the site's languages: Arabic at the root, each other under its code (/en/...)."""
    messages = load_messages(code)
    prefix = "" if code == DEFAULT_LANGUAGE else f"{code}/"
    return Language(code=messages.language, direction=messages.direction, prefix=prefix, messages=messages)


def languages() -> tuple[Language, ...]:
    """Return every language the site is written in, Arabic first."""
    return tuple(language(code) for code in LANGUAGES)
