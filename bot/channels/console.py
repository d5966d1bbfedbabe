"""The terminal chat: the same conversations with numbered choices, for a person or a test on stdin/stdout."""

from __future__ import annotations

import asyncio
import sys
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TextIO

from bot.transport import Delivery, Outcome, Pacing
from handlers.contract import Choice, Incoming, Reply
from handlers.text import parse_int
from storage.models import OutboxRow

CHANNEL = "console"
USER = "local"


class ConsoleTransport:
    """Prints replies with their choices numbered, and remembers the choices for the next line typed."""

    channel = CHANNEL
    pacing = Pacing(per_second=1000.0, burst=1000)

    def __init__(self, out: TextIO, downloads: Path = Path("exports")) -> None:
        self.out = out
        self.downloads = downloads
        self.choices: tuple[Choice, ...] = ()

    def _save(self, filename: str, data: bytes) -> Path:
        """Write a document where the person at the terminal can open it; return its path."""
        self.downloads.mkdir(parents=True, exist_ok=True)
        path = self.downloads / Path(filename).name  # never outside the folder, whatever the name says
        path.write_bytes(data)
        return path

    async def deliver(self, row: OutboxRow, reply: Reply) -> Delivery:
        """Print one reply."""
        lines = ["", reply.text]
        if reply.document is not None:
            lines.append(f"📎 {self._save(reply.document.filename, reply.document.data)}")
        for number, choice in enumerate(reply.choices, start=1):
            lines.append(f"  {number}) {choice.label}")
        self.out.write("\n".join(lines) + "\n")
        self.out.flush()
        if reply.choices:
            self.choices = reply.choices
        return Delivery(Outcome.SENT, channel_msg_id=str(row.id))


def to_incoming(line: str, choices: tuple[Choice, ...], name: str | None) -> Incoming | None:
    """Turn a typed line into an event: /command args, a choice number, or text."""
    text = line.rstrip("\n")
    if not text.strip():
        return None
    event_id = uuid.uuid4().hex
    stripped = text.strip()
    if stripped.startswith("/") and len(stripped) > 1:
        command, _, args = stripped[1:].partition(" ")
        return Incoming(CHANNEL, USER, event_id, command=command.lower(), args=args.strip(), name=name)
    number = parse_int(stripped)
    if number is not None and 1 <= number <= len(choices):
        return Incoming(CHANNEL, USER, event_id, choice=choices[number - 1].id, name=name)
    return Incoming(CHANNEL, USER, event_id, text=text, name=name)


async def run_console(
    handle: Callable[[Incoming], Awaitable[object]],
    flush: Callable[[], Awaitable[None]],
    transport: ConsoleTransport,
    stdin: TextIO = sys.stdin,
    prompt: str = "> ",
) -> None:
    """Read lines until end of input, answering each before reading the next."""
    await handle(Incoming(CHANNEL, USER, uuid.uuid4().hex, command="start"))
    await flush()
    while True:
        transport.out.write(prompt)
        transport.out.flush()
        line = await asyncio.to_thread(stdin.readline)
        if not line:
            transport.out.write("\n")
            return
        incoming = to_incoming(line, transport.choices, None)
        if incoming is not None:
            await handle(incoming)
            await flush()
