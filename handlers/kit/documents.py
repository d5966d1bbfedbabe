"""Documents made outside the chat's transaction: a handler asks for one, bot/documents.py has it built.

Building a spreadsheet or a report of 100,000 recommendations takes seconds; inside the event's transaction it held
the write lock, and everyone else's messages waited. So the handler only stores what to build (with the menu the
person should see under it), and the builder below runs later on a read-only snapshot, in another process.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

import aiosqlite

from handlers.kit.buttons import Button
from handlers.kit.context import Context
from handlers.kit.contract import Choice, Reply
from handlers.kit.labels import Lang, language_label
from handlers.kit.menu import menu_choices
from messages import DEFAULT_LANGUAGE, LANGUAGES, Language, Messages, is_language
from storage import document_jobs
from storage.exports import ExportScope


class DocumentKind(StrEnum):
    """What can be asked for."""

    EXPORT = "export"
    REPORT = "report"
    STATS = "stats"
    EVIDENCE = "evidence"
    SNAPSHOT = "snapshot"  # of the open data: built by the bot itself (bot/snapshots.py), no builder below


@dataclass(frozen=True)
class Job:
    """What a builder gets: the stored request and a read-only connection holding one snapshot."""

    conn: aiosqlite.Connection
    params: Mapping[str, Any]
    scope: ExportScope
    messages: Messages
    timezone: ZoneInfo
    requested_at: datetime
    menu: tuple[Choice, ...] = ()
    reader: Messages | None = None  # the asker's language, when the file is in the other one (messages)

    def t(self, key: str, **args: Any) -> str:
        """Return a message to the asker (a caption, a refusal) in the language they read."""
        return (self.reader or self.messages).t(key, **args)

    @property
    def local_requested_at(self) -> datetime:
        """Return when the person asked, in the bot's time zone."""
        return self.requested_at.astimezone(self.timezone)


@dataclass(frozen=True)
class AuditLine:
    """What the audit log records once the document is queued: never its content."""

    action: str
    target: str | None
    detail: str | None


@dataclass(frozen=True)
class Built:
    """A builder's outcome: the replies to queue (the document among them) and the audit line, if any."""

    replies: list[Reply]
    audit: AuditLine | None = None


Builder = Callable[[Job], Awaitable[Built]]


async def request(
    ctx: Context, kind: DocumentKind, scope: ExportScope, *, language: str | None = None, **params: Any
) -> list[Reply]:
    """Store a request for a document, committed with this event; the document follows as its own message.

    scope says which input the document covers (an export's scope; for the rest, how large it is); language is the
    file's (by default the one the person reads; the note that comes with it is always in theirs).
    """
    stored = {
        "params": params,
        "scope": scope.to_json(),
        "menu": [choice.model_dump() for choice in menu_choices(ctx)],
        "language": language or ctx.messages.language,
        "reader": ctx.messages.language,
    }
    await document_jobs.add(
        ctx.conn,
        kind=kind.value,
        channel=ctx.incoming.channel,
        recipient=ctx.incoming.user,
        participant_id=ctx.participant.id if ctx.participant else None,
        params=json.dumps(stored, ensure_ascii=False),
        now=ctx.now,
    )
    return []


@dataclass(frozen=True)
class StoredRequest:
    """A stored request read back: the builder's parameters, the scope, the menu to show, the file's language and the
    one the person reads."""

    params: dict[str, Any]
    scope: ExportScope
    menu: tuple[Choice, ...]
    language: str = DEFAULT_LANGUAGE
    reader: str = DEFAULT_LANGUAGE

    @classmethod
    def parse(cls, raw: str) -> StoredRequest:
        """Read what request() stored."""
        stored = json.loads(raw)
        menu = tuple(Choice.model_validate(choice) for choice in stored.get("menu", []))
        scope = ExportScope.from_json(stored.get("scope", {}))
        language = stored.get("language", DEFAULT_LANGUAGE)
        return cls(dict(stored.get("params", {})), scope, menu, language, stored.get("reader", language))


def file_language(ctx: Context, chosen: StrEnum | None) -> Language:
    """Return the language a file is made in: the one chosen for it, else the one the person reads."""
    value = chosen.value if chosen is not None else ctx.messages.language
    return value if is_language(value) else ctx.messages.language


def file_language_line(ctx: Context, language: str) -> str:
    """Return the line that says which language the file will be in."""
    return ctx.t("doc-file-language", language=language_label(ctx, language))


def language_choice(ctx: Context, button: Callable[..., Button], current: str) -> Choice:
    """Return the button that makes the file in the other language (a flow's own button, with a `language` field)."""
    other = next(language for language in LANGUAGES if language != current)
    label = ctx.t("doc-language-button", language=language_label(ctx, other))
    return button(language=Lang(other)).choice(label)
