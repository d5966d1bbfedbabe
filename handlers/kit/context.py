"""Everything a handler may use while it answers one incoming event."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Self, TypeVar
from zoneinfo import ZoneInfo

import aiosqlite
from pydantic import BaseModel, ValidationError

from handlers.kit.contract import Incoming, Reply
from handlers.kit.hooks import Hooks
from handlers.kit.memo import Memo
from handlers.kit.reminder_rules import ReminderRules
from messages import Language, is_language, load_messages
from messages_ar import Messages
from storage import outbox
from storage.models import Participant, Role


@dataclass(frozen=True)
class HandlerConfig:
    """Settings the conversations need, read once at start-up."""

    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Amman"))
    coordinators: frozenset[str] = frozenset()  # "telegram:123" entries from OGP_COORDINATORS
    bot_username: str | None = None
    recommendation_min: int = 10
    recommendation_max: int = 2000
    invite_days: int = 7
    reminder_defaults: ReminderRules = field(default_factory=ReminderRules)
    recommendations_per_hour: int = 20
    retention_days: int = 730
    snapshot_dir: Path | None = None  # where the open data's snapshots are kept (None: /evidence cannot take one)
    report_author: str | None = None  # OGP_REPORT_AUTHOR; None: the catalogue's name of the coordinating unit
    max_voice_seconds: int = 300  # the longest voice recommendation taken (OGP_MAX_VOICE_SECONDS)
    max_file_mb: int = 20  # the largest file taken (OGP_MAX_FILE_MB), for the refusal's words
    file_quota_mb: int = 50  # one person's files in 24 hours (OGP_FILE_QUOTA_MB), for the refusal's words
    file_quota_total_mb: int = 500  # and in all (OGP_FILE_QUOTA_TOTAL_MB)
    files_dir: Path | None = None  # the files folder (OGP_FILES_DIR): the evidence pack carries officers' files
    publish_on_arrival: bool = False  # OGP_PUBLISH=immediate: nothing waits for a coordinator's approval
    public_licence: str = "CC BY 4.0"  # OGP_PUBLIC_LICENCE: the open data's licence, named before consent


MAX_PARKED = 5  # unfinished drafts kept per chat; a sixth pushes the oldest out


class Parked(BaseModel):
    """A flow the person left unfinished (by a command, a menu button): its step and data, to offer back."""

    flow: str
    step: str
    data: dict[str, Any]


def _parked(stored: object) -> list[Parked]:
    """Read stored drafts, skipping any that no longer fit (forged, or from an older version)."""
    found = []
    for item in stored if isinstance(stored, list) else []:
        with contextlib.suppress(ValidationError):
            found.append(Parked.model_validate(item))
    return found


class Carry(BaseModel):
    """What a chat carries across flows: the command to run after registering, the round the person is in,
    drafts left unfinished, the buttons on screen (so that a label typed as text acts as the button), whether the
    naming question was asked and, until a newcomer registers, the language they read (None: not offered yet)."""

    then: tuple[str, str] | None = None
    round: int | None = None
    parked: list[Parked] = []
    shown: list[tuple[str, str]] = []  # (label_key of a label, choice id) of the newest buttons
    asked_name: bool = False  # «show my name with my published recommendations?» was asked in this chat
    language: Language | None = None
    admitted: int | None = None  # the round whose code (link, QR code or typed) this chat gave last
    search: str | None = None  # the words of the newest /search, for its page buttons

    @classmethod
    def from_session(cls, data: dict[str, Any]) -> Carry:
        """Read the carried values from a stored session (kept under '_' keys beside the flow's data)."""
        then = data.get("_then")
        round_id = data.get("_round")
        parked = data.get("_parked")
        shown = data.get("_shown")
        language = data.get("_lang")
        return cls(
            asked_name=data.get("_asked_name") is True,
            then=(str(then[0]), str(then[1])) if isinstance(then, list) and len(then) == 2 else None,
            round=round_id if isinstance(round_id, int) else None,
            parked=_parked(parked),
            shown=[(str(s[0]), str(s[1])) for s in shown if isinstance(s, list) and len(s) == 2]
            if isinstance(shown, list)
            else [],
            language=language if is_language(language) else None,
            admitted=admitted if isinstance(admitted := data.get("_admitted"), int) else None,
            search=search if isinstance(search := data.get("_search"), str) else None,
        )

    def to_session(self) -> dict[str, Any]:
        """Return the carried values as stored beside the flow's data."""
        stored: dict[str, Any] = {}
        if self.then is not None:
            stored["_then"] = list(self.then)
        if self.round is not None:
            stored["_round"] = self.round
        if self.parked:
            stored["_parked"] = [p.model_dump(mode="json") for p in self.parked]
        if self.shown:
            stored["_shown"] = [list(s) for s in self.shown]
        if self.asked_name:
            stored["_asked_name"] = True
        if self.language is not None:
            stored["_lang"] = self.language
        if self.admitted is not None:
            stored["_admitted"] = self.admitted
        if self.search is not None:
            stored["_search"] = self.search
        return stored

    def park(self, parked: Parked) -> None:
        """Keep an unfinished flow to offer back later (the newest last)."""
        self.parked = [*self.parked, parked][-MAX_PARKED:]


T = TypeVar("T")


@dataclass
class Context:
    """One event's view of the world; changes to flow state are saved with the transaction."""

    conn: aiosqlite.Connection
    incoming: Incoming
    participant: Participant | None
    roles: list[tuple[Role, int | None]]
    messages: Messages
    now: datetime
    config: HandlerConfig
    flow: str | None = None
    step: str | None = None
    data: dict[str, Any] = field(default_factory=dict)  # the current flow's data (see handlers/kit/flows.py)
    carry: Carry = field(default_factory=Carry)
    hooks: Hooks = field(default_factory=Hooks)
    # The committed public data version when the event arrived (None: its transaction had changed public data),
    # the connection's change count then, and the renderings kept per version (see remembered).
    data_version: int | None = None
    changes_at_arrival: int = 0
    memo: Memo = field(default_factory=Memo)

    def t(self, key: str, **args: Any) -> str:
        """Return a catalogue message."""
        return self.messages.t(key, **args)

    async def remembered(self, key: Hashable, build: Callable[[], Awaitable[T]]) -> T:
        """Return build()'s result, reused for as long as the public data stays as committed (handlers/kit/memo.py)."""
        version = self.data_version if self.conn.total_changes == self.changes_at_arrival else None
        if version is not None and (kept := self.memo.get(key, version)) is not None:
            return kept  # type: ignore[no-any-return]
        value = await build()
        if version is not None:
            self.memo.put(key, version, value)
        return value

    def name(self, record: object, field: str = "title") -> str:
        """Return a record's name (a commitment's title, a lead agency, a theme...) in the reader's language."""
        return self.messages.name(record, field)

    def speaking(self, language: str) -> Self:
        """Return this event's context writing in another language: to word a message for someone else."""
        if language == self.messages.language:
            return self
        return dataclasses.replace(self, messages=load_messages(language))

    def end(self) -> None:
        """Leave any flow and forget its data (what the chat carries stays)."""
        self.flow = self.step = None
        self.data = {}

    def become_stranger(self) -> None:
        """Treat the chat as a newcomer's from now on (after the person erased their data)."""
        self.participant = None
        self.roles = []
        self.end()
        self.carry = Carry()

    def may_handle(self, commitment_id: int) -> bool:
        """Tell whether the person may answer and report on a commitment (its officer, or a coordinator)."""
        return self.participant is not None and (self.is_coordinator or commitment_id in self.liaison_commitments())

    @property
    def local_now(self) -> datetime:
        """Return now in the bot's time zone."""
        return self.now.astimezone(self.config.timezone)

    @property
    def is_coordinator(self) -> bool:
        """Tell whether the person is a coordinator (by configuration or by a granted role)."""
        configured = f"{self.incoming.channel}:{self.incoming.user}" in self.config.coordinators
        return configured or any(role is Role.COORDINATOR for role, _ in self.roles)

    def liaison_commitments(self) -> set[int]:
        """Return the commitments the person is a liaison officer for."""
        return {c for role, c in self.roles if role is Role.LIAISON and c is not None}

    async def push(
        self,
        channel: str,
        recipient: str,
        reply: Reply,
        *,
        participant_id: int | None,
        kind: str = "notification",
        dedupe_key: str | None = None,
        batch: str | None = None,
    ) -> int | None:
        """Queue a message to someone else, committed together with this event's changes.

        The reply is marked as written in this context's language: word it with `ctx.speaking(their language)`.
        """
        reply = reply.model_copy(update={"language": self.messages.language})
        return await outbox.enqueue(
            self.conn,
            channel=channel,
            recipient=recipient,
            payload=reply.to_payload(),
            document=reply.document.data if reply.document else None,
            now=self.now,
            participant_id=participant_id,
            kind=kind,
            dedupe_key=dedupe_key,
            batch=batch,
        )


class Member(Context):
    """A context whose person is registered: what entry points declared with `@requires` receive."""

    participant: Participant
