"""Test helpers: a core on a fresh SQLite file, a transport that records, and a chat driven like a person."""

from __future__ import annotations

import asyncio
import atexit
import os
import shutil
import tempfile
import threading
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.clock import FakeClock
from bot.core import Core, open_core
from bot.downloads import FetchFailed, TooBig
from bot.settings import Settings
from bot.transport import Delivery, Outcome, Pacing
from handlers.kit.contract import Attachment, Incoming, Reply
from storage.database import open_database
from storage.models import OutboxRow

# A Sunday morning in Amman (UTC+3).
START = datetime(2026, 11, 29, 7, 0, tzinfo=UTC)


def process_environment(**settings: str) -> dict[str, str]:
    """Return the environment for the bot in a child process: no developer's OGP_* setting, never a quiet hour."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("OGP_")}
    # A child process runs on the wall clock: without this, a test run at night or on a Friday would find its
    # messages held until the morning (quiet hours) or the next working day (officials' days off).
    env.update(
        OGP_QUIET_HOURS_START="00:00",
        OGP_QUIET_HOURS_END="00:00",
        OGP_WORKING_DAYS="sat,sun,mon,tue,wed,thu,fri",
    )
    env.update(settings)
    return env


@dataclass
class Sent:
    """One message the bot delivered."""

    recipient: str
    reply: Reply
    row: OutboxRow


class RecordingTransport:
    """A channel that accepts everything and remembers it."""

    pacing = Pacing(per_second=10_000.0, burst=10_000)

    def __init__(self, channel: str = "telegram") -> None:
        self.channel = channel
        self.sent: list[Sent] = []

    async def deliver(self, row: OutboxRow, reply: Reply) -> Delivery:
        """Record the reply as delivered."""
        self.sent.append(Sent(row.recipient, reply, row))
        return Delivery(Outcome.SENT, channel_msg_id=str(row.id))

    def to(self, recipient: str) -> list[Reply]:
        """Return the messages sent to one recipient, in order (command-menu rows are not messages)."""
        return [s.reply for s in self.sent if s.recipient == recipient and s.row.kind != "commands"]


def settings_for(tmp_path: Path, **overrides: Any) -> Settings:
    """Return settings on a fresh database file, ignoring the environment's .env."""
    values: dict[str, Any] = {"database": tmp_path / "bot.sqlite3", "coordinators": ("telegram:9001",)}
    values.update(overrides)
    return Settings(_env_file=None, **values)


_template_lock = threading.Lock()
_template: list[Path] = []  # the migrated database of this test run, once built


def _migrated_template() -> Path:
    """Return an empty database with every migration applied, built once per test run (in a thread of its own)."""
    with _template_lock:
        if not _template:
            folder = Path(tempfile.mkdtemp(prefix="ogp-test-template-"))
            atexit.register(shutil.rmtree, folder, ignore_errors=True)
            path = folder / "migrated.sqlite3"

            async def build() -> None:
                await (await open_database(path)).close()  # closing folds the write-ahead log into the file

            worker = threading.Thread(target=asyncio.run, args=(build(),))  # the caller's loop may be running
            worker.start()
            worker.join()
            assert path.exists(), "the template database was not built"
            _template.append(path)
        return _template[0]


def fresh_database(path: Path) -> None:
    """Put a migrated empty database at path unless one is there: a file copy instead of every migration again."""
    if not path.exists():
        shutil.copyfile(_migrated_template(), path)


async def make_core(settings: Settings, clock: FakeClock | None = None) -> tuple[Core, RecordingTransport]:
    """Open a core with a recording Telegram-named transport (on a fresh database: a copy of the migrated one)."""
    fresh_database(Path(settings.database))
    core = await open_core(settings, clock or FakeClock(START))
    transport = RecordingTransport()
    core.sender.add_transport(transport)
    return core, transport


@dataclass
class ChatDriver:
    """A person in a private chat, talking to the dispatcher directly (no network)."""

    core: Core
    transport: RecordingTransport
    user: str = "1001"
    name: str | None = "سلمى"
    channel: str = "telegram"
    seen: int = 0
    last_with_choices: Reply | None = None
    history: list[Reply] = field(default_factory=list)

    async def _do(self, **kwargs: Any) -> list[Reply]:
        event_id = kwargs.pop("event_id", None) or uuid.uuid4().hex
        data = kwargs.pop("data", None)
        incoming = Incoming(self.channel, self.user, event_id, name=self.name, **kwargs)
        if incoming.attachment is not None:  # downloaded and checked as a channel hands it over (bot/downloads.py)

            async def fetch(ref: str, limit: int) -> bytes:
                if data is None:
                    raise FetchFailed("nothing to download")
                if len(data) > limit:
                    raise TooBig
                return bytes(data)

            incoming = await self.core.receiver.receive(incoming, fetch)
        await self.core.dispatcher.handle(incoming)
        await self.core.documents.flush()  # a document asked for is built off the chat's transaction
        await self.core.files.flush()  # erased files leave the folder after the transaction
        await self.core.sender.flush()
        mine = self.transport.to(self.user)
        new, self.seen = mine[self.seen :], len(mine)
        self.history += new
        for reply in new:
            if reply.choices:
                self.last_with_choices = reply
        return new

    async def command(self, name: str, args: str = "", **kwargs: Any) -> list[Reply]:
        """Send /name args."""
        return await self._do(command=name, args=args, **kwargs)

    async def send(self, text: str, **kwargs: Any) -> list[Reply]:
        """Type a message."""
        return await self._do(text=text, **kwargs)

    async def send_file(
        self,
        name: str | None,
        data: bytes | None,
        mime: str | None = None,
        *,
        kind: str = "document",
        duration: int | None = None,
        caption: str | None = None,
        event_id: str | None = None,
    ) -> list[Reply]:
        """Send a file; it goes through the bot's receiver (downloaded, checked, stored) like a channel's."""
        attachment = Attachment(kind=kind, file_ref=uuid.uuid4().hex, name=name, mime=mime, duration=duration)
        return await self._do(attachment=attachment, data=data, text=caption, event_id=event_id)

    async def send_voice(self, data: bytes, duration: int | None = None) -> list[Reply]:
        """Send a voice note (Telegram's voice message: no name, its length declared)."""
        return await self.send_file(None, data, "audio/ogg", kind="voice", duration=duration)

    async def press(self, label_or_id: str, **kwargs: Any) -> list[Reply]:
        """Press a button of the newest message with buttons, by its label (or id)."""
        assert self.last_with_choices is not None, "no buttons on screen"
        choices = self.last_with_choices.choices
        match = next((c for c in choices if c.label == label_or_id), None)
        match = match or next((c for c in choices if c.id == label_or_id), None)
        match = match or next((c for c in choices if label_or_id in c.label), None)
        assert match is not None, f"no button {label_or_id!r} in {[c.label for c in choices]}"
        return await self._do(choice=match.id, **kwargs)

    async def press_data(self, data: str, **kwargs: Any) -> list[Reply]:
        """Send arbitrary callback data (forged or stale buttons)."""
        return await self._do(choice=data, **kwargs)

    def labels(self) -> list[str]:
        """Return the labels of the newest buttons."""
        return [c.label for c in self.last_with_choices.choices] if self.last_with_choices else []

    async def register(self, name: str = "سلمى الخطيب", organisation: str = "جمعية الشفافية") -> None:
        """Go through registration with typical answers."""
        await self.command("start")
        asked = await self.send(name)
        if any(c.id == "reg:isname:yes" for r in asked for c in r.choices):  # a name unlike a name is asked about
            await self.press("reg:isname:yes")
        await self.send(organisation)
        await self.press("reg:sector:cso")
        await self.press("reg:gov:amman")
        await self.press("reg:consent:yes")


def texts(replies: list[Reply]) -> str:
    """Join reply texts for assertions."""
    return "\n---\n".join(r.text for r in replies)
