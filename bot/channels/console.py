"""The terminal chat: the same conversations with numbered choices, for a person or a test on stdin/stdout.

Each terminal is one identity (`ogp-bot console --as NAME` is `console:NAME`; `console:local` by default), so one
person can play a coordinator and a participant in turn. Messages for an identity that is not at this terminal wait
in the outbox until that identity's terminal opens.
"""

from __future__ import annotations

import asyncio
import re
import sys
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TextIO

from bot.downloads import FetchFailed, TooBig
from bot.transport import Delivery, Outcome, Pacing
from handlers.kit.contract import OPENED, Attachment, Choice, Incoming, Reply
from handlers.kit.text import parse_int
from messages import load_messages
from storage.models import OutboxRow

CHANNEL = "console"
USER = "local"
IDENTITY = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
FILE_COMMAND = "file"  # `/file PATH` sends a file, as a phone app's attach button does (a bare path works too)


class ConsoleTransport:
    """Prints replies with their choices, and remembers the newest choices for the next line typed.

    Choices are numbered where the question is a choice; where the step takes typed text (a name, a number asked
    for as a number) they are listed without numbers, so that a number typed there is the number.
    """

    channel = CHANNEL
    pacing = Pacing(per_second=1000.0, burst=1000)

    def __init__(
        self, out: TextIO, downloads: Path = Path("exports"), *, user: str = USER, type_hint: bool = False
    ) -> None:
        self.out = out
        self.downloads = downloads
        self.user = user
        self.type_hint = type_hint
        self.choices: tuple[Choice, ...] = ()
        self.numbered = True

    def serves(self, recipient: str) -> bool:
        """Tell whether a message for this recipient can be shown here (only this terminal's identity)."""
        return recipient == self.user

    def _save(self, filename: str, data: bytes) -> Path:
        """Write a document where the person at the terminal can open it; return its path."""
        self.downloads.mkdir(parents=True, exist_ok=True)
        path = self.downloads / Path(filename).name  # never outside the folder, whatever the name says
        path.write_bytes(data)
        return path

    async def deliver(self, row: OutboxRow, reply: Reply) -> Delivery:
        """Print one reply."""
        if not self.serves(row.recipient):  # the sender skips these; a row that slips through waits
            return Delivery(Outcome.RETRY, retry_after=60.0, error="not at this terminal")
        lines = ["", reply.text]
        if reply.document is not None:
            lines.append(f"📎 {self._save(reply.document.filename, reply.document.data)}")
        if reply.free_text and reply.choices:
            lines += [f"  • {choice.label}" for choice in reply.choices]
            if self.type_hint:  # in the language the reply is written in, as WhatsApp draws its own words
                lines.append(load_messages(reply.language).t("console-type-choice"))
        else:
            lines += [f"  {number}) {choice.label}" for number, choice in enumerate(reply.choices, start=1)]
        self.out.write("\n".join(lines) + "\n")
        self.out.flush()
        self.choices = reply.choices
        self.numbered = not reply.free_text
        return Delivery(Outcome.SENT, channel_msg_id=str(row.id))


def to_incoming(
    line: str, choices: tuple[Choice, ...], name: str | None, *, user: str = USER, numbered: bool = True
) -> Incoming | None:
    """Turn a typed line into an event: /command args, a choice's number (where choices are numbered), or text."""
    text = line.rstrip("\n")
    if not text.strip():
        return None
    event_id = uuid.uuid4().hex
    stripped = text.strip()
    sent = _sent_file(stripped)
    if sent is not None:
        attachment = Attachment(kind="document", file_ref=str(sent), name=sent.name)
        return Incoming(CHANNEL, user, event_id, attachment=attachment, name=name)
    if stripped.startswith("/") and len(stripped) > 1:
        command, _, args = stripped[1:].partition(" ")
        return Incoming(CHANNEL, user, event_id, command=command.lower(), args=args.strip(), name=name)
    number = parse_int(stripped) if numbered else None
    if number is not None and 1 <= number <= len(choices):
        return Incoming(CHANNEL, user, event_id, choice=choices[number - 1].id, name=name)
    return Incoming(CHANNEL, user, event_id, text=text, name=name)


def _sent_file(line: str) -> Path | None:
    """Return the file a line sends: `/file PATH`, or the path of an existing file typed on its own."""
    command, _, rest = line.partition(" ")
    raw = rest.strip() if command == "/" + FILE_COMMAND else line
    path = Path(raw.strip("'\"")).expanduser()
    try:
        return path if (command == "/" + FILE_COMMAND or path.is_absolute()) and path.is_file() else None
    except OSError:  # a name too long for the system: text, not a path
        return None


def _read_start(path: Path, size: int) -> bytes:
    with path.open("rb") as source:
        return source.read(size)


async def fetch_local(ref: str, limit: int) -> bytes:
    """Read a file the person at the terminal named, stopping past `limit` bytes (the channel's download)."""
    try:
        data = await asyncio.to_thread(_read_start, Path(ref), limit + 1)
    except OSError as error:
        raise FetchFailed(type(error).__name__) from error
    if len(data) > limit:
        raise TooBig
    return data


async def run_console(
    handle: Callable[[Incoming], Awaitable[object]],
    flush: Callable[[], Awaitable[None]],
    transport: ConsoleTransport,
    stdin: TextIO = sys.stdin,
    prompt: str = "> ",
) -> None:
    """Read lines until end of input, answering each before reading the next."""
    # Not /start: a round being set up or an answer waiting at its preview carries on where it was left.
    await handle(Incoming(CHANNEL, transport.user, uuid.uuid4().hex, command=OPENED))
    await flush()
    while True:
        transport.out.write(prompt)
        transport.out.flush()
        line = await asyncio.to_thread(stdin.readline)
        if not line:
            transport.out.write("\n")
            return
        incoming = to_incoming(line, transport.choices, None, user=transport.user, numbered=transport.numbered)
        if incoming is not None:
            await handle(incoming)
            await flush()
