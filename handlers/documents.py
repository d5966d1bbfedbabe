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

from handlers.context import Context
from handlers.contract import Choice, Reply
from handlers.menu import menu_choices
from messages import DEFAULT_LANGUAGE, Messages
from storage import document_jobs
from storage.exports import ExportScope


class DocumentKind(StrEnum):
    """What can be asked for."""

    EXPORT = "export"
    REPORT = "report"
    STATS = "stats"


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

    def t(self, key: str, **args: Any) -> str:
        """Return a catalogue message."""
        return self.messages.t(key, **args)

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


async def request(ctx: Context, kind: DocumentKind, scope: ExportScope, **params: Any) -> list[Reply]:
    """Store a request for a document, committed with this event; the document follows as its own message.

    scope says which input the document covers (an export's scope; for the rest, how large it is).
    """
    stored = {
        "params": params,
        "scope": scope.to_json(),
        "menu": [choice.model_dump() for choice in menu_choices(ctx)],
        "language": ctx.messages.language,
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
    """A stored request read back: the builder's parameters, the scope, the menu to show and the person's language."""

    params: dict[str, Any]
    scope: ExportScope
    menu: tuple[Choice, ...]
    language: str = DEFAULT_LANGUAGE

    @classmethod
    def parse(cls, raw: str) -> StoredRequest:
        """Read what request() stored."""
        stored = json.loads(raw)
        menu = tuple(Choice.model_validate(choice) for choice in stored.get("menu", []))
        scope = ExportScope.from_json(stored.get("scope", {}))
        return cls(dict(stored.get("params", {})), scope, menu, stored.get("language", DEFAULT_LANGUAGE))
