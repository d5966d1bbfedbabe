"""Everything a handler may use while it answers one incoming event."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import aiosqlite

from handlers.contract import Incoming, Reply
from messages_ar import Messages
from storage import outbox
from storage.models import Participant, Role
from storage.reminders import ReminderRules


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
    data: dict[str, Any] = field(default_factory=dict)

    def t(self, key: str, **args: Any) -> str:
        """Return a catalogue message."""
        return self.messages.t(key, **args)

    def goto(self, flow: str, step: str, **data: Any) -> None:
        """Move the chat to a flow step, merging data into the flow's data."""
        if flow != self.flow:
            keep = {k: v for k, v in self.data.items() if k.startswith("_")}
            self.data = keep
        self.flow, self.step = flow, step
        self.data.update(data)

    def end(self) -> None:
        """Leave any flow; data whose key starts with '_' survives (continuations, deep links)."""
        self.flow = self.step = None
        self.data = {k: v for k, v in self.data.items() if k.startswith("_")}

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
        """Queue a message to someone else, committed together with this event's changes."""
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
